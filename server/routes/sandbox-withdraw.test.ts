import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationEventsRepository } from '../console/application-events';
import { createTestApp, enrolTerminal, offlineApplication, postSealed, type TestApp, type TestTerminal } from '../test-support';
import type { SeedCitizen } from '../seed/citizens';

const FORM = { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' };

describe("a sandbox tester withdraws a test citizen's test applications", () => {
  let t: TestApp;
  let terminal: TestTerminal;
  let seq = 1;
  beforeAll(async () => {
    // No job workers: the applications stay open (pending_checks) until the test withdraws them.
    t = await createTestApp({ jobs: { workers: false } });
    terminal = await enrolTerminal(t.app, 'T-WITHDRAW');
  }, 60_000);
  afterAll(() => t.close(), 60_000);
  // Lookups at one terminal are limited per minute (server/limits/rules.ts): the next one a minute later.
  afterEach(() => t.advance(60));

  const lookup = async (c: SeedCitizen) => {
    t.advance(60);
    const { service, document } = c.example;
    return (await t.asTerminal({ method: 'POST', url: '/api/v1/citizens/check', payload: { iin: c.person.iin, service, document } })).json() as { ok: boolean; refusal?: string };
  };
  const apply = async (c: SeedCitizen, test: boolean) => {
    const payload = offlineApplication(t, c, { terminalId: terminal.terminalId, centreId: terminal.centreId, test });
    expect((await postSealed(t, terminal, payload, seq++)).statusCode).toBe(201);
    return payload.application;
  };
  const withdraw = (iin: string) => t.app.inject({ method: 'POST', url: `/api/v1/sandbox/citizens/${iin}/withdraw-test-applications` });

  it('lets the same test citizen start again, and records who withdrew what', async () => {
    const c = t.citizen('crowd-11');
    const application = await apply(c, true);
    expect(await lookup(c)).toEqual({ ok: false, refusal: 'application_in_progress' });

    const answer = await withdraw(c.person.iin);
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual({ iin: c.person.iin, withdrawn: [{ number: application.number, from: 'pending_checks' }], kept: [] });
    expect(await lookup(c)).toMatchObject({ ok: true });

    // Kept, never deleted: its status and its history say what happened and by whom.
    expect((await t.app.applications.findById(application.id))?.status).toBe('withdrawn');
    const events = await new ApplicationEventsRepository(t.db).list(application.id);
    expect(events.at(-1)).toMatchObject({ kind: 'status_changed', fromStatus: 'pending_checks', toStatus: 'withdrawn', actor: 'sandbox:tester', reasonCode: 'withdrawn_by_tester' });

    // Asked again: nothing left to withdraw, and nothing written.
    expect((await withdraw(c.person.iin)).json()).toEqual({ iin: c.person.iin, withdrawn: [], kept: [] });
    expect(await new ApplicationEventsRepository(t.db).list(application.id)).toHaveLength(events.length);
  });

  it('keeps an application that is not a test one, and says so', async () => {
    const c = t.citizen('crowd-12');
    const real = await apply(c, false);
    expect((await withdraw(c.person.iin)).json()).toEqual({ iin: c.person.iin, withdrawn: [], kept: [{ number: real.number, from: 'pending_checks' }] });
    expect((await t.app.applications.findById(real.id))?.status).toBe('pending_checks');
    expect(await lookup(c)).toEqual({ ok: false, refusal: 'application_in_progress' });
  });

  it('leaves a finished application as it is', async () => {
    const c = t.citizen('crowd-13');
    const done = await apply(c, true);
    await t.db.query(`UPDATE applications SET status = 'rejected' WHERE id = $1`, [done.id]);
    expect((await withdraw(c.person.iin)).json()).toEqual({ iin: c.person.iin, withdrawn: [], kept: [] });
    expect((await t.app.applications.findById(done.id))?.status).toBe('rejected');
  });

  it('refuses what is not an IIN with 400', async () => {
    for (const iin of ['12345', 'abcdefghijkl', '1234567890123']) {
      const answer = await withdraw(iin);
      expect(answer.statusCode, iin).toBe(400);
    }
  });

  it('has a page with a form that does the same, and says plainly what it did', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/sandbox/citizens' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>SANDBOX — Test citizens</title>');
    expect(page.body).toContain('<form method="post" action="/sandbox/citizens/withdraw"');
    expect(page.body).toContain('Withdraw this citizen’s test applications');

    const c = t.citizen('crowd-14');
    const application = await apply(c, true);
    // Typed with spaces, as an IIN is often read out in groups.
    const typed = `${c.person.iin.slice(0, 6)} ${c.person.iin.slice(6)}`;
    const done = await t.app.inject({ method: 'POST', url: '/sandbox/citizens/withdraw', headers: FORM, payload: new URLSearchParams({ iin: typed }).toString() });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain(`Withdrew 1 test application of ${c.person.iin}: this citizen can start a new journey.`);
    expect(done.body).toContain(`${application.number} (was pending_checks)`);

    const again = await t.app.inject({ method: 'POST', url: '/sandbox/citizens/withdraw', headers: FORM, payload: new URLSearchParams({ iin: c.person.iin }).toString() });
    expect(again.body).toContain(`No open test application of ${c.person.iin}: nothing to withdraw.`);

    const wrong = await t.app.inject({ method: 'POST', url: '/sandbox/citizens/withdraw', headers: FORM, payload: 'iin=12%3Cb%3E' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Not an IIN: type the citizen’s 12 digits.');
    // What was typed stays in the box, escaped.
    expect(wrong.body).toContain('value="12&#60;b&#62;"');
    expect(wrong.body).not.toContain('<b>"');
  });

  it("refuses the form from another site's page", async () => {
    const c = t.citizen('crowd-15');
    const application = await apply(c, true);
    const forged = await t.app.inject({
      method: 'POST',
      url: '/sandbox/citizens/withdraw',
      headers: { ...FORM, 'sec-fetch-site': 'cross-site' },
      payload: new URLSearchParams({ iin: c.person.iin }).toString(),
    });
    expect(forged.statusCode).toBe(403);
    expect((await t.app.applications.findById(application.id))?.status).toBe('pending_checks');
  });
});

describe('in the production configuration', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ configuration: 'production', jobs: { workers: false } });
  }, 60_000);
  afterAll(() => t.close(), 60_000);

  it('there is no withdrawal, neither the API nor the page', async () => {
    const iin = t.citizens[0]!.person.iin;
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/sandbox/citizens/${iin}/withdraw-test-applications` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/sandbox/citizens' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: '/sandbox/citizens/withdraw', headers: FORM, payload: `iin=${iin}` })).statusCode).toBe(404);
  });
});
