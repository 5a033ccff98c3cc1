import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Value } from '@sinclair/typebox/value';
import { applicationNumber, readyBy } from '../../src/domain/application';
import { kazakhstanDate } from '../../src/domain/dates';
import { DEFERRED_CHECKS, type ApplicationPayload } from '../../src/protocol/packets';
import {
  createTestApp,
  enrolTerminal,
  offlineApplication,
  postSealed,
  syntheticDescriptor,
  TEST_ADMIN_TOKEN,
  type TestApp,
  type TestTerminal,
} from '../test-support';
import { ApplicationReview } from './admin';

const ADMIN = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

describe('GET /api/v1/admin/applications/:number', () => {
  let t: TestApp;
  let terminal: TestTerminal;
  let seq = 1;
  beforeAll(async () => {
    // The checks are run by the test (drain), so it knows when they are done.
    t = await createTestApp({ jobs: { workers: false } });
    terminal = await enrolTerminal(t.app, 'T-500');
  }, 60_000);
  afterAll(() => t.close(), 60_000);

  const review = (number: string, headers: Record<string, string> = ADMIN) =>
    t.app.inject({ method: 'GET', url: `/api/v1/admin/applications/${number}`, headers });

  /** Seals an offline kiosk's application as the terminal would, posts it and waits for its checks. */
  async function deliverOffline(tag: string, descriptor?: number[]): Promise<ApplicationPayload> {
    const citizen = t.citizen(tag);
    const made = offlineApplication(t, citizen, { lang: 'ru', terminalId: terminal.terminalId, centreId: terminal.centreId });
    const payload = descriptor ? { ...made, face: { ...made.face, descriptor } } : made;
    const response = await postSealed(t, terminal, payload, seq++);
    expect(response.statusCode, response.body).toBe(201);
    await t.app.jobs.drain();
    return payload;
  }

  it('is closed without the admin token, even to a malformed number', async () => {
    for (const headers of [{}, { authorization: 'Bearer not-the-token' }] as Record<string, string>[]) {
      for (const number of ['AAAA-BBBB-CCCC', 'nope']) {
        const response = await review(number, headers);
        expect(response.statusCode).toBe(401);
        expect(response.json()).toEqual({ code: 'unauthorised' });
      }
    }
  });

  it('answers 404 for a number it never received', async () => {
    const response = await review(applicationNumber(randomUUID()));
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ code: 'not_found' });
  });

  it.each(['nope', 'aaaa-bbbb-cccc', 'AAAA-BBBB-CCC', 'AAAABBBBCCCC'])('answers 400 invalid_request for the malformed number %s', async (number) => {
    const response = await review(number);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'invalid_request' });
  });

  it('shows an offline application waiting for its fee, with each deferred check in the journey order', async () => {
    const payload = await deliverOffline('service-13');
    const response = await review(payload.application.number);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as ApplicationReview;
    expect(Value.Check(ApplicationReview, body)).toBe(true);
    expect(body).toMatchObject({
      number: payload.application.number,
      status: 'pending_checks',
      readyBy: readyBy(kazakhstanDate(new Date(payload.application.createdAt))),
      test: true,
    });
    expect(body.checks.map((c) => [c.check, c.outcome, c.code])).toEqual([
      ['registry', 'passed', null],
      ['phone', 'passed', null],
      ['face_match', 'passed', null],
      ['payment', 'pending', 'payment_awaited'],
    ]);
  });

  it('shows which check refused an application', async () => {
    const payload = await deliverOffline('service-16', syntheticDescriptor('f17'));
    const body = (await review(payload.application.number)).json() as ApplicationReview;
    expect(body.status).toBe('rejected');
    expect(body.checks.map((c) => c.check)).toEqual([...DEFERRED_CHECKS]);
    expect(body.checks.find((c) => c.check === 'face_match')).toMatchObject({ outcome: 'failed', code: 'face_mismatch' });
  });

  it('keeps the journey order whatever order the outcomes were written in', async () => {
    const payload = await deliverOffline('service-18');
    const { id, number } = payload.application;
    // Written again in reverse: the database gives rows in no promised order, the route sorts them.
    const outcomes = await t.app.applicationChecks.list(id);
    await t.db.query('DELETE FROM application_checks WHERE application_id = $1', [id]);
    await t.app.applicationChecks.save(id, [...outcomes].reverse(), t.now());
    const body = (await review(number)).json() as ApplicationReview;
    expect(body.status).toBe('accepted');
    expect(body.checks.map((c) => [c.check, c.outcome])).toEqual(DEFERRED_CHECKS.map((check) => [check, 'passed']));
  });
});

describe('applications made on the dates the code once failed on', () => {
  let t: TestApp;
  let terminal: TestTerminal;
  let seq = 1;

  beforeAll(async () => {
    // The checks are run by the test (drain), so it knows when they are done.
    t = await createTestApp({ jobs: { workers: false } });
    terminal = await enrolTerminal(t.app, 'T-501');
  }, 60_000);
  afterAll(() => t.close(), 60_000);

  const moveTo = (iso: string) => t.advance((Date.parse(iso) - t.now().getTime()) / 1000);
  async function deliver(tag: string, feeTiyn: number): Promise<ApplicationReview> {
    const payload = offlineApplication(t, t.citizen(tag), { lang: 'ru', terminalId: terminal.terminalId, centreId: terminal.centreId, feeTiyn });
    const response = await postSealed(t, terminal, payload, seq++);
    expect(response.statusCode, response.body).toBe(201);
    await t.app.jobs.drain();
    const review = await t.app.inject({ method: 'GET', url: `/api/v1/admin/applications/${payload.application.number}`, headers: ADMIN });
    expect(review.statusCode, review.body).toBe(200);
    return review.json() as ApplicationReview;
  }

  it('takes an application of 4 January 2027 whose fee the kiosk deferred, pending the year’s MRP', async () => {
    moveTo('2027-01-04T04:00:00Z');
    const body = await deliver('service-16', 0);
    expect(body).toMatchObject({ status: 'pending_checks', reviewReasons: [] });
    expect(body.checks.find((c) => c.check === 'payment')).toMatchObject({ outcome: 'pending', code: 'fee_unknown' });
  });

  it('takes an application of 13 December 2027 whose ready-by date runs into 2028, and flags it for review', async () => {
    moveTo('2027-12-13T04:00:00Z');
    const body = await deliver('service-16', 0);
    expect(body).toMatchObject({ readyBy: '2028-01-06', reviewReasons: ['ready_by_without_holidays_2028'] });
  });
});
