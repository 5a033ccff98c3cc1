import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { backOffice, BackOfficeError, signRequestsAs } from '../../src/sync/backoffice';
import { KioskDb } from '../../src/sync/kiosk-db';
import { terminalOf } from '../../src/sync/terminal';
import { createTestApp, enrolKiosk, TEST_ADMIN_TOKEN, type TestApp } from '../test-support';

// The kiosk's own client (src/sync/backoffice.ts) against the back office's own routes: the calls
// made on a citizen's behalf go signed by the enrolled terminal, and a kiosk whose clock has
// drifted learns the back office's time instead of being refused.
describe("a kiosk's calls on a citizen's behalf", () => {
  let t: TestApp;
  let db: KioskDb;
  /** The URLs and headers the kiosk sent, in order. */
  const sent: { url: string; headers: Record<string, string> }[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    db = new KioskDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    await enrolKiosk(t.app, db, 'T-410');
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      const headers = { ...(init.headers as Record<string, string>) };
      sent.push({ url, headers });
      const response = await t.app.inject({
        method: init.method as 'GET' | 'POST',
        url,
        headers,
        ...(init.body ? { payload: Buffer.from(init.body as Uint8Array) } : {}),
      });
      return new Response(new Uint8Array(response.rawPayload), { status: response.statusCode, headers: response.headers as Record<string, string> });
    });
  }, 60_000);
  afterEach(() => {
    sent.length = 0;
    vi.useRealTimers();
  });
  afterAll(async () => {
    vi.unstubAllGlobals();
    signRequestsAs(() => Promise.resolve(undefined));
    db.close();
    await t.close();
  }, 60_000);

  const citizen = () => t.citizen('service-04');
  const check = () => backOffice.checkCitizen({ iin: citizen().person.iin, service: '04', document: 'id_card' });

  it('are refused while the kiosk is not enrolled (unsigned_request)', async () => {
    signRequestsAs(() => Promise.resolve(undefined));
    await expect(check()).rejects.toMatchObject({ code: 'unsigned_request', status: 401 });
  });

  it('are answered once signed by the enrolled terminal', async () => {
    signRequestsAs(() => terminalOf(db));
    vi.useFakeTimers({ now: t.now(), toFake: ['Date'] });
    expect(await check()).toMatchObject({ ok: true });
    expect(sent[0]?.headers).toMatchObject({ 'x-terminal-id': 'T-410', 'content-type': 'application/json' });
  });

  it("go on when the kiosk's clock is an hour off: one refusal as stale, then signed on the back office's time", async () => {
    signRequestsAs(() => terminalOf(db));
    vi.useFakeTimers({ now: new Date(t.now().getTime() + 3600_000), toFake: ['Date'] });
    expect(await check()).toMatchObject({ ok: true });
    expect(sent).toHaveLength(2);
    // Learnt once: the next call is signed right the first time.
    sent.length = 0;
    expect(await check()).toMatchObject({ ok: true });
    expect(sent).toHaveLength(1);
  });

  it('stop for a revoked terminal with its code, which the kiosk shows as out of order', async () => {
    signRequestsAs(() => terminalOf(db));
    await t.app.inject({ method: 'POST', url: '/api/v1/admin/terminals/T-410/revoke', headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    const refusal = await check().catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(BackOfficeError);
    expect(refusal).toMatchObject({ code: 'revoked_terminal', status: 403 });
  });
});
