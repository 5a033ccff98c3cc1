import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TelemetryBatch } from '../../src/protocol/telemetry';
import { signRequest } from '../../src/sync/request-signature';
import { canonicalHash } from '../canonical-json';
import { cancelledJourney, journeyRecord, telemetryBatch } from '../telemetry/journey-fixture';
import { createTestApp, enrolTerminal, signedInject, TEST_ADMIN_TOKEN, type TestApp, type TestTerminal } from '../test-support';

// POST /api/v1/terminals/telemetry: only an enrolled, unrevoked terminal, by a request it signed;
// each journey kept once by its session id, each fold once by its fold id.

describe('POST /api/v1/terminals/telemetry', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);
  afterAll(() => t.close(), 60_000);

  const URL = '/api/v1/terminals/telemetry';
  // Enrolment is limited per address (20 an hour): the tests of bodies share one terminal.
  let shared: TestTerminal | undefined;
  const sharedTerminal = async () => (shared ??= await enrolTerminal(t.app, 'TEL-BODIES'));
  const send = (terminal: TestTerminal, body: unknown) => signedInject(t.app, terminal, { method: 'POST', url: URL, payload: body }, t.now());
  const hoursAgo = (h: number) => new Date(t.now().getTime() - h * 3_600_000);
  const counts = async () => {
    const { rows } = await t.db.query<{ journeys: number; folds: number }>(
      'SELECT (SELECT count(*)::int FROM journey_telemetry) AS journeys, (SELECT count(*)::int FROM journey_telemetry_counts) AS folds',
    );
    return rows[0]!;
  };
  const row = async (sessionId: string) =>
    (
      await t.db.query<Record<string, unknown>>(
        `SELECT terminal_id, centre_id, outcome, outcome_step, outcome_code, furthest_step, steps, offline_steps, faults, service_ms,
                fee_kind, fee_tiyn::int AS fee_tiyn, body_hash, started_at, received_at
         FROM journey_telemetry WHERE session_id = $1`,
        [sessionId],
      )
    ).rows[0];

  it('keeps each journey under the terminal that signed it and its centre, with the furthest step reached', async () => {
    const terminal = await enrolTerminal(t.app, 'TEL-1', 'AST-ESIL');
    const paid = journeyRecord(hoursAgo(3), { offlineSteps: ['payment'], faults: [{ device: 'printer', code: 'paper_low' }] });
    // "Choose another reason": back to the service step after the phone; the furthest is still the phone.
    const back = cancelledJourney(hoursAgo(2), {
      steps: [
        { step: 'language', at: hoursAgo(2).toISOString() },
        { step: 'phone', at: new Date(hoursAgo(2).getTime() + 20_000).toISOString() },
        { step: 'service', at: new Date(hoursAgo(2).getTime() + 40_000).toISOString() },
      ],
      outcome: 'operator',
      outcomeStep: 'service',
      outcomeCode: 'face_not_matched',
    });
    const response = await send(terminal, telemetryBatch({ journeys: [paid, back] }));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ journeys: [paid.sessionId, back.sessionId], folds: [], conflicts: [] });

    expect(await row(paid.sessionId)).toMatchObject({
      terminal_id: 'TEL-1',
      centre_id: 'AST-ESIL',
      outcome: 'receipt',
      outcome_step: 'receipt',
      outcome_code: null,
      furthest_step: 'receipt',
      steps: paid.steps,
      offline_steps: ['payment'],
      faults: [{ device: 'printer', code: 'paper_low' }],
      service_ms: 238_000,
      fee_kind: 'paid',
      fee_tiyn: 393_200,
      body_hash: canonicalHash(paid),
      started_at: new Date(paid.startedAt),
      received_at: t.now(),
    });
    expect(await row(back.sessionId)).toMatchObject({ outcome: 'operator', outcome_code: 'face_not_matched', furthest_step: 'phone', service_ms: null, fee_kind: null });
  });

  it('keeps a journey once, whatever the kiosk sends again: duplicated, reordered, in another batch', async () => {
    const terminal = await enrolTerminal(t.app, 'TEL-2');
    const [a, b, c] = [journeyRecord(hoursAgo(5)), cancelledJourney(hoursAgo(4)), cancelledJourney(hoursAgo(3))];
    expect((await send(terminal, telemetryBatch({ journeys: [a, b] }))).statusCode).toBe(200);
    const before = await counts();
    // The answer was lost: the kiosk sends again, its order changed and a new record added.
    const again = await send(terminal, telemetryBatch({ journeys: [c, b, a] }));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ journeys: [c.sessionId, b.sessionId, a.sessionId], folds: [], conflicts: [] });
    expect(await counts()).toEqual({ ...before, journeys: before.journeys + 1 });
    // Keys in another order are the same body.
    const reordered = Object.fromEntries(Object.entries(a).reverse()) as typeof a;
    expect((await send(terminal, telemetryBatch({ journeys: [reordered] }))).json()).toEqual({ journeys: [a.sessionId], folds: [], conflicts: [] });
  });

  it('answers a session held with another body, or from another terminal, as a conflict and keeps the first', async () => {
    const terminal = await enrolTerminal(t.app, 'TEL-3');
    const other = await enrolTerminal(t.app, 'TEL-3B');
    const first = journeyRecord(hoursAgo(6));
    await send(terminal, telemetryBatch({ journeys: [first] }));
    const fresh = cancelledJourney(hoursAgo(1));
    const changed = { ...first, lang: 'ru' as const };
    const response = await send(terminal, telemetryBatch({ journeys: [changed, fresh] }));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ journeys: [fresh.sessionId], folds: [], conflicts: [first.sessionId] });
    expect(await row(first.sessionId)).toMatchObject({ terminal_id: 'TEL-3', body_hash: canonicalHash(first) });

    const fromOther = await send(other, telemetryBatch({ journeys: [first] }));
    expect(fromOther.json()).toEqual({ journeys: [], folds: [], conflicts: [first.sessionId] });
    expect(await row(first.sessionId)).toMatchObject({ terminal_id: 'TEL-3' });
  });

  it('adds a fold once by its id, sent again or alongside journeys', async () => {
    const terminal = await enrolTerminal(t.app, 'TEL-4', 'AST-ESIL');
    const fold = {
      foldId: randomUUID(),
      rows: [
        { day: '2026-02-20', outcome: 'idle' as const, outcomeStep: 'iin' as const, journeys: 4 },
        { day: '2026-02-20', outcome: 'receipt' as const, outcomeStep: 'receipt' as const, journeys: 11 },
        { day: '2026-02-21', outcome: 'idle' as const, outcomeStep: 'iin' as const, journeys: 2 },
      ],
    };
    const sum = async () =>
      (await t.db.query<{ n: number; centre: string }>('SELECT sum(journeys)::int AS n, min(centre_id) AS centre FROM journey_telemetry_counts WHERE terminal_id = $1', ['TEL-4'])).rows[0];
    const response = await send(terminal, telemetryBatch({ folds: [fold] }));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ journeys: [], folds: [fold.foldId], conflicts: [] });
    expect(await sum()).toEqual({ n: 17, centre: 'AST-ESIL' });
    // Sent again, even with a row the first did not have: a fold is the kiosk's once, and adds nothing more.
    const journey = cancelledJourney(hoursAgo(1));
    const again = await send(terminal, telemetryBatch({ journeys: [journey], folds: [{ ...fold, rows: [...fold.rows, { day: '2026-02-22', outcome: 'cancel', outcomeStep: 'iin', journeys: 9 }] }] }));
    expect(again.json()).toEqual({ journeys: [journey.sessionId], folds: [fold.foldId], conflicts: [] });
    expect(await sum()).toEqual({ n: 17, centre: 'AST-ESIL' });
  });

  it('takes a batch of 200 journeys and 16 folds at once', async () => {
    const terminal = await enrolTerminal(t.app, 'TEL-5');
    const journeys = Array.from({ length: 200 }, (_, i) => (i % 2 ? journeyRecord(hoursAgo(200 - i)) : cancelledJourney(hoursAgo(200 - i))));
    const folds = Array.from({ length: 16 }, (_, i) => ({
      foldId: randomUUID(),
      rows: [{ day: `2026-01-${String(i + 10).padStart(2, '0')}`, outcome: 'cancel' as const, outcomeStep: 'service' as const, journeys: i + 1 }],
    }));
    const response = await send(terminal, telemetryBatch({ journeys, folds }));
    expect(response.statusCode).toBe(200);
    expect((response.json() as { journeys: string[] }).journeys).toHaveLength(200);
    const { rows } = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM journey_telemetry WHERE terminal_id = $1', ['TEL-5']);
    expect(rows[0]?.n).toBe(200);
  });

  it('keeps a journey in the centre its terminal was at when it arrived, not where it moves later', async () => {
    const terminal = await enrolTerminal(t.app, 'TEL-6', 'AST-ESIL');
    const before = journeyRecord(hoursAgo(2));
    await send(terminal, telemetryBatch({ journeys: [before] }));
    await t.db.query('UPDATE terminals SET centre_id = $2 WHERE terminal_id = $1', ['TEL-6', 'ALA-ALMALY']);
    const after = journeyRecord(hoursAgo(1));
    await send(terminal, telemetryBatch({ journeys: [after] }));
    expect((await row(before.sessionId))?.centre_id).toBe('AST-ESIL');
    expect((await row(after.sessionId))?.centre_id).toBe('ALA-ALMALY');
  });

  it('refuses the whole batch for one bad record: 400 with its code and session id, nothing stored', async () => {
    const terminal = await sharedTerminal();
    const bad = journeyRecord(hoursAgo(2), { serviceMs: null });
    const before = await counts();
    const response = await send(terminal, telemetryBatch({ journeys: [journeyRecord(hoursAgo(3)), bad], folds: [{ foldId: randomUUID(), rows: [{ day: '2026-02-01', outcome: 'idle', outcomeStep: 'language', journeys: 1 }] }] }));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ code: 'journey_service_time_mismatch', detail: `session ${bad.sessionId}: serviceMs is for a receipt, and only for it` });
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['a journey ending in the future', () => journeyRecord(new Date(t.now().getTime() + 61_000)), 'journey_in_future'],
    ['a journey of more than a year ago', () => journeyRecord(new Date(t.now().getTime() - 367 * 86_400_000)), 'journey_too_old'],
    ['steps out of order', () => ((r) => ({ ...r, steps: [...r.steps].reverse() }))(journeyRecord(hoursAgo(1))), 'journey_steps_out_of_order'],
    ['a code on a cancel', () => cancelledJourney(hoursAgo(1), { outcomeCode: 'camera_missing' }), 'journey_outcome_code_mismatch'],
  ])('refuses %s: 400 %s', async (_name, make, code) => {
    const terminal = await sharedTerminal();
    const before = await counts();
    const record = make();
    const response = await send(terminal, telemetryBatch({ journeys: [record] }));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code, detail: expect.stringContaining(record.sessionId) as string });
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['a field the schema does not name (an IIN)', (b: TelemetryBatch) => ({ ...b, journeys: [{ ...b.journeys[0], iin: '900101300017' }] })],
    ['a phone in a fault', (b: TelemetryBatch) => ({ ...b, journeys: [{ ...b.journeys[0], faults: [{ device: 'printer', code: '+77011234567' }] }] })],
    ['a step the flow does not have', (b: TelemetryBatch) => ({ ...b, journeys: [{ ...b.journeys[0], outcomeStep: 'admin' }] })],
    ['another version', (b: TelemetryBatch) => ({ ...b, v: 2 })],
    ['201 journeys', (b: TelemetryBatch) => ({ ...b, journeys: Array.from({ length: 201 }, () => cancelledJourney(hoursAgo(1))) })],
  ])('refuses %s: 400 invalid_request, nothing stored', async (_name, change) => {
    const terminal = await sharedTerminal();
    const before = await counts();
    const response = await send(terminal, change(telemetryBatch({ journeys: [cancelledJourney(hoursAgo(1))] })));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'invalid_request' });
    expect(await counts()).toEqual(before);
  });

  describe('callers it refuses, before the body is looked at, storing nothing', () => {
    const body = () => telemetryBatch({ journeys: [cancelledJourney(hoursAgo(1))] });
    const bytes = (value: unknown) => Buffer.from(JSON.stringify(value));
    const signedHeaders = async (terminal: TestTerminal, payload: unknown, as = terminal.terminalId) => ({
      ...(await signRequest({ terminalId: as, signingKey: terminal.keys.privateKey }, { method: 'POST', path: URL, body: new Uint8Array(bytes(payload)) }, t.now())),
      'content-type': 'application/json',
    });
    const expectRefused = async (response: { statusCode: number; json: () => unknown }, status: number, code: string, before: Awaited<ReturnType<typeof counts>>) => {
      expect(response.statusCode).toBe(status);
      expect(response.json()).toEqual({ code });
      expect(await counts()).toEqual(before);
    };

    it('no signature: 401 unsigned_request', async () => {
      const before = await counts();
      await expectRefused(await t.app.inject({ method: 'POST', url: URL, payload: body() }), 401, 'unsigned_request', before);
    });

    it('a body other than the one signed: 401 bad_signature', async () => {
      const terminal = await enrolTerminal(t.app, 'TEL-SIG');
      const before = await counts();
      const headers = await signedHeaders(terminal, body());
      await expectRefused(await t.app.inject({ method: 'POST', url: URL, headers, payload: bytes(body()) }), 401, 'bad_signature', before);
    });

    it('one terminal signing as another: 401 bad_signature', async () => {
      const mallory = await enrolTerminal(t.app, 'TEL-MALLORY');
      await enrolTerminal(t.app, 'TEL-VICTIM');
      const before = await counts();
      const payload = body();
      const headers = await signedHeaders(mallory, payload, 'TEL-VICTIM');
      await expectRefused(await t.app.inject({ method: 'POST', url: URL, headers, payload: bytes(payload) }), 401, 'bad_signature', before);
    });

    it('the same signed request again: 401 replayed_request, the first kept', async () => {
      const terminal = await enrolTerminal(t.app, 'TEL-REPLAY');
      const payload = body();
      const headers = await signedHeaders(terminal, payload);
      expect((await t.app.inject({ method: 'POST', url: URL, headers, payload: bytes(payload) })).statusCode).toBe(200);
      const before = await counts();
      await expectRefused(await t.app.inject({ method: 'POST', url: URL, headers, payload: bytes(payload) }), 401, 'replayed_request', before);
    });

    it('a request signed more than 5 minutes ago: 401 stale_request', async () => {
      const terminal = await enrolTerminal(t.app, 'TEL-STALE');
      const payload = body();
      const headers = await signedHeaders(terminal, payload);
      t.advance(301);
      const before = await counts();
      await expectRefused(await t.app.inject({ method: 'POST', url: URL, headers, payload: bytes(payload) }), 401, 'stale_request', before);
    });

    it('an unknown terminal and a revoked one: 403', async () => {
      const known = await enrolTerminal(t.app, 'TEL-KNOWN');
      const before = await counts();
      await expectRefused(await send({ ...known, terminalId: 'TEL-NOBODY' }, body()), 403, 'unknown_terminal', before);
      const revoked = await enrolTerminal(t.app, 'TEL-REVOKED');
      await t.app.inject({ method: 'POST', url: `/api/v1/admin/terminals/${revoked.terminalId}/revoke`, headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
      await expectRefused(await send(revoked, body()), 403, 'revoked_terminal', before);
    });
  });

  it('refuses a terminal that floods it: the 21st in a minute is 429, and the next minute is heard again', async () => {
    const terminal = await enrolTerminal(t.app, 'TEL-FLOOD');
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await send(terminal, telemetryBatch())).statusCode);
    expect(statuses).toEqual([...Array<number>(20).fill(200), 429]);
    t.advance(60);
    expect((await send(terminal, telemetryBatch())).statusCode).toBe(200);
  });
});
