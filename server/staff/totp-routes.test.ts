import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffAccount, TotpProposal } from '../../src/protocol/staff';
import { createTestApp, type TestApp } from '../test-support';
import { asStaff, signIn, signInRequest, type SignedIn } from './test-staff';

describe('a TOTP second factor for oneself', () => {
  let t: TestApp;
  let analyst: SignedIn;
  beforeAll(async () => {
    t = await createTestApp({ jobs: { workers: false } });
    analyst = await signIn(t.app, 'analyst');
  });
  afterAll(() => t.close());

  const codeFor = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: t.now().getTime() });

  it('proposes a secret, takes it with a code the app made from it, and from then on sign-in asks for codes', async () => {
    const proposal = (await asStaff(t.app, analyst, { method: 'POST', url: '/api/v1/staff/totp' })).json() as TotpProposal;
    expect(proposal.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(proposal.uri).toMatch(/^otpauth:\/\/totp\/.*analyst.*secret=/);
    // Nothing stored by a proposal: sign-in still needs no code.
    expect((await t.app.inject(signInRequest({ username: 'analyst', password: 'sandbox-password' }))).statusCode).toBe(200);

    const right = codeFor(proposal.secret);
    const wrong = await asStaff(t.app, analyst, { method: 'PUT', url: '/api/v1/staff/totp', payload: { secret: proposal.secret, code: right === '123456' ? '654321' : '123456' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toEqual({ code: 'invalid_totp' });

    const enrolled = await asStaff(t.app, analyst, { method: 'PUT', url: '/api/v1/staff/totp', payload: { secret: proposal.secret, code: right } });
    expect(enrolled.statusCode).toBe(200);
    expect(enrolled.json()).toMatchObject({ username: 'analyst', totp: true });

    expect((await t.app.inject(signInRequest({ username: 'analyst', password: 'sandbox-password' }))).json()).toEqual({ code: 'totp_required' });
    // The code used to enrol is spent; the next one signs in.
    expect((await t.app.inject(signInRequest({ username: 'analyst', password: 'sandbox-password', totp: right }))).json()).toEqual({ code: 'invalid_totp' });
    t.advance(30);
    expect((await t.app.inject(signInRequest({ username: 'analyst', password: 'sandbox-password', totp: codeFor(proposal.secret) }))).statusCode).toBe(200);

    const again = await asStaff(t.app, analyst, { method: 'PUT', url: '/api/v1/staff/totp', payload: { secret: proposal.secret, code: codeFor(proposal.secret) } });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({ code: 'totp_already_enrolled' });
  });

  it('is removed by an admin (a lost phone), and audited both ways', async () => {
    const admin = await signIn(t.app, 'admin');
    const removed = await asStaff(t.app, admin, { method: 'DELETE', url: `/api/v1/staff/accounts/${analyst.session.staff.id}/totp` });
    expect(removed.statusCode).toBe(200);
    expect((removed.json() as StaffAccount).totp).toBe(false);
    expect((await t.app.inject(signInRequest({ username: 'analyst', password: 'sandbox-password' }))).statusCode).toBe(200);
    const { rows } = await t.db.query<{ action: string }>("SELECT action FROM audit_log WHERE action LIKE 'totp_%' ORDER BY id");
    expect(rows.map((r) => r.action)).toEqual(['totp_enrolled', 'totp_removed']);
  });
});
