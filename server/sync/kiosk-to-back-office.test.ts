import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationPayload } from '../../src/protocol/packets';
import { createDrainer, type Send } from '../../src/sync/drain';
import { KioskDb } from '../../src/sync/kiosk-db';
import { listOutbox } from '../../src/sync/outbox';
import { sealApplication } from '../../src/sync/terminal';
import { createTestApp, enrolKiosk, offlineApplication, TEST_ADMIN_TOKEN, type TestApp } from '../test-support';

// Both halves together: the kiosk's own code enrols it, seals applications into its IndexedDB
// outbox and drains them; the back office's own routes take them. Made while "offline", sent when
// the link returns, and sent again after a dropped answer: each arrives once, and settles.
describe('a kiosk and the back office', () => {
  let t: TestApp;
  let db: KioskDb;
  let linkUp = false;
  /** Answers lost on the way back, after the back office has stored the packet. */
  let dropNextAnswer = false;

  const send: Send = async (packet) => {
    if (!linkUp) throw new Error('network down');
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/packets', payload: packet });
    if (dropNextAnswer) {
      dropNextAnswer = false;
      throw new Error('connection reset after the request was sent');
    }
    return { status: response.statusCode, body: response.json() as unknown };
  };

  beforeAll(async () => {
    t = await createTestApp();
    db = new KioskDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    await enrolKiosk(t.app, db, 'T-400');
  }, 60_000);
  afterAll(async () => {
    db.close();
    await t.close();
  }, 60_000);

  const application = (tag: string): ApplicationPayload => offlineApplication(t, t.citizen(tag), { terminalId: 'T-400', centreId: 'AST-03' });

  const statusOf = async (id: string) =>
    (await t.db.query<{ status: string }>('SELECT status FROM applications WHERE id = $1', [id])).rows[0]?.status;

  it('made offline, sent when the link returns, once each, through a dropped answer', async () => {
    const now = () => t.now();
    const drainer = createDrainer({ db, send, now: () => now().getTime(), random: () => 0 });
    const made = [application('service-18'), application('service-07'), application('service-16')];
    for (const payload of made) await sealApplication(db, payload, now);
    expect((await listOutbox(db, now().getTime())).pending).toBe(3);

    // No link: nothing is lost, nothing leaves.
    expect(await drainer.drain()).toMatchObject({ sent: 0, offline: true });
    expect((await listOutbox(db, now().getTime())).pending).toBe(3);

    // The link returns, and the first answer is lost after the back office stored the packet.
    linkUp = true;
    dropNextAnswer = true;
    const first = await drainer.drain();
    expect(first.offline).toBe(true);
    // Backoff with no jitter (random 0): due again at once.
    const second = await drainer.drain();
    expect(first.sent + second.sent).toBe(3);
    expect((await listOutbox(db, now().getTime())).pending).toBe(0);

    for (const payload of made) {
      const { rows } = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM packets WHERE application_id = $1', [payload.application.id]);
      expect(rows[0]?.n).toBe(1);
      expect(await statusOf(payload.application.id)).toBeDefined();
    }
  });

  it('a packet from a revoked terminal is kept, quarantined with the reason, never deleted', async () => {
    const now = () => t.now();
    const payload = application('service-17');
    await sealApplication(db, payload, now);
    await t.app.inject({ method: 'POST', url: '/api/v1/admin/terminals/T-400/revoke', headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    linkUp = true;
    const result = await createDrainer({ db, send, now: () => now().getTime(), random: () => 0 }).drain();
    expect(result.quarantined).toBe(1);
    const outbox = await listOutbox(db, now().getTime());
    expect(outbox.quarantinedPackets).toEqual([expect.objectContaining({ applicationId: payload.application.id, quarantine: expect.objectContaining({ code: 'revoked_terminal', status: 403 }) })]);
    expect(await statusOf(payload.application.id)).toBeUndefined();
  });
});
