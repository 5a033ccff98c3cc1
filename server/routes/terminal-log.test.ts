import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_LOG_ENTRIES } from '../../src/protocol/technician-log';
import { signLogUpload } from '../../src/sync/log-upload';
import { createTestApp, enrolTerminal, TEST_ADMIN_TOKEN, type TestApp, type TestTerminal } from '../test-support';

/** JSON lines as the kiosk's exportLog writes them. */
function lines(...seqs: number[]): string {
  return seqs
    .map((seq) => JSON.stringify({ seq, at: `2026-03-02T05:0${seq % 10}:00.000Z`, action: 'self_test', details: { device: 'printer', ok: true, code: null } }) + '\n')
    .join('');
}

describe('technician logs', () => {
  let t: TestApp;
  let terminal: TestTerminal;

  beforeAll(async () => {
    t = await createTestApp();
    terminal = await enrolTerminal(t.app, 'T-500');
  }, 60_000);
  afterAll(() => t.close(), 60_000);

  const upload = (terminalId: string, body: unknown) =>
    t.app.inject({ method: 'POST', url: `/api/v1/terminals/${terminalId}/log`, payload: body as object });
  const signed = async (jsonl: string, from = terminal) => signLogUpload(from.terminalId, jsonl, from.keys.privateKey);
  const listed = (terminalId: string, query = '') =>
    t.app.inject({ method: 'GET', url: `/api/v1/admin/terminals/${terminalId}/log${query}`, headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
  const stored = async (terminalId: string) =>
    (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM terminal_log WHERE terminal_id = $1', [terminalId])).rows[0]?.n;

  it('stores a signed log and lists it to the administrator, newest first', async () => {
    const response = await upload('T-500', await signed(lines(1, 2, 3)));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ received: 3, lastSeq: 3 });

    const list = await listed('T-500');
    expect(list.statusCode, list.body).toBe(200);
    const body = list.json() as { terminalId: string; entries: { seq: number; action: string; details: unknown; receivedAt: string }[] };
    expect(body.terminalId).toBe('T-500');
    expect(body.entries.map((e) => e.seq)).toEqual([3, 2, 1]);
    expect(body.entries[0]).toMatchObject({ action: 'self_test', details: { device: 'printer', ok: true, code: null }, at: '2026-03-02T05:03:00.000Z' });
    expect(body.entries[0]?.receivedAt).toBe(t.now().toISOString());
    expect((await listed('T-500', '?limit=2')).json()).toMatchObject({ entries: [{ seq: 3 }, { seq: 2 }] });
  });

  it('counts an entry sent again once: the same log, and one that overlaps it', async () => {
    const again = await upload('T-500', await signed(lines(1, 2, 3)));
    expect(again.json()).toEqual({ received: 0, lastSeq: 3 });
    const overlapping = await upload('T-500', await signed(lines(3, 4)));
    expect(overlapping.json()).toEqual({ received: 1, lastSeq: 4 });
    expect(await stored('T-500')).toBe(4);
  });

  it('answers an empty upload with what it holds', async () => {
    const response = await upload('T-500', await signed(''));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ received: 0, lastSeq: 4 });
  });

  it('refuses a log not signed by the terminal it names: 400 bad_signature', async () => {
    const other = await enrolTerminal(t.app, 'T-501');
    // Signed by another enrolled terminal, sent under this one's id.
    const forged = await signLogUpload('T-500', lines(10), other.keys.privateKey);
    expect((await upload('T-500', forged)).json()).toEqual({ code: 'bad_signature' });
    // Signed by this terminal, the lines changed on the way.
    const altered = { ...(await signed(lines(11))), jsonl: lines(12) };
    const response = await upload('T-500', altered);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ code: 'bad_signature' });
    // A log signed for another terminal's id.
    expect((await upload('T-501', await signed(lines(13)))).json()).toEqual({ code: 'bad_signature' });
    expect(await stored('T-500')).toBe(4);
  });

  it('refuses a terminal that is revoked or unknown: 403', async () => {
    const revoked = await enrolTerminal(t.app, 'T-502');
    const before = await signed(lines(1), revoked);
    await t.app.inject({ method: 'POST', url: '/api/v1/admin/terminals/T-502/revoke', headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    const response = await upload('T-502', before);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({ code: 'revoked_terminal' });
    expect(await stored('T-502')).toBe(0);

    const unknown = await upload('T-999', await signLogUpload('T-999', lines(1), terminal.keys.privateKey));
    expect(unknown.statusCode).toBe(403);
    expect(unknown.json()).toEqual({ code: 'unknown_terminal' });
  });

  it('refuses more than it takes at once: 413 log_too_large', async () => {
    const seqs = Array.from({ length: MAX_LOG_ENTRIES + 1 }, (_, i) => 100 + i);
    const tooMany = await upload('T-500', await signed(lines(...seqs)));
    expect(tooMany.statusCode).toBe(413);
    expect(tooMany.json()).toMatchObject({ code: 'log_too_large' });

    // Fewer entries than the limit, more bytes.
    const wide = { a: 'x'.repeat(256), b: 'x'.repeat(256), c: 'x'.repeat(256) };
    const long = Array.from({ length: 700 }, (_, i) => JSON.stringify({ seq: 5000 + i, at: '2026-03-02T05:00:00Z', action: 'self_test', details: wide }) + '\n');
    const tooBig = await upload('T-500', await signed(long.join('')));
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json()).toMatchObject({ code: 'log_too_large' });

    // Past the body's own limit the body is not read: the same refusal.
    const huge = await upload('T-500', { v: 1, jsonl: 'x'.repeat(2_200_000), signature: 'a' });
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ code: 'log_too_large' });
    expect(await stored('T-500')).toBe(4);
  });

  it('refuses what is not an upload, or lines that are not entries: 400 invalid_request', async () => {
    for (const body of [{}, { v: 1, jsonl: lines(1) }, { v: 2, jsonl: '', signature: 'a' }, { v: 1, jsonl: '', signature: 'not base64url!' }]) {
      const response = await upload('T-500', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json()).toMatchObject({ code: 'invalid_request' });
    }
    const bad = ['not json\n', lines(20).trimEnd(), '{"seq":0,"at":"2026-03-02T05:00:00Z","action":"x","details":{}}\n', '{"seq":21,"at":"yesterday","action":"x","details":{}}\n'];
    for (const jsonl of bad) {
      const response = await upload('T-500', await signed(jsonl));
      expect(response.statusCode, jsonl).toBe(400);
      expect(response.json()).toMatchObject({ code: 'invalid_request', detail: expect.any(String) });
    }
    expect(await stored('T-500')).toBe(4);
  });

  it('lists a log only behind the admin token, and only of a known terminal', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/admin/terminals/T-500/log' });
    expect(anonymous.statusCode).toBe(401);
    expect((await listed('T-998')).statusCode).toBe(404);
    expect((await listed('T-500', '?limit=0')).json()).toMatchObject({ code: 'invalid_request' });
    expect((await listed('T-501')).json()).toEqual({ terminalId: 'T-501', entries: [] });
  });
});
