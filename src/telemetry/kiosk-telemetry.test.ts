import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { EventLog } from '../flow/events';
import { Journey } from '../flow/journey.svelte';
import { Session } from '../flow/session.svelte';
import type { TelemetryBatch } from '../protocol/telemetry';
import type { DrainResult } from '../sync/drain';
import { kioskDbOpener } from '../sync/kiosk-db-fixture';
import { TERMINAL_ROW, type KioskDb, type TerminalRow } from '../sync/kiosk-db';
import { startKioskTelemetry } from './kiosk-telemetry';

const openDb = kioskDbOpener();
const jwk = { kty: 'EC', crv: 'P-256', x: 'x'.repeat(43), y: 'y'.repeat(43) } as const;
const drained = (offline: boolean): DrainResult => ({ sent: 0, quarantined: 0, retrying: 0, offline });

async function enrol(db: KioskDb, refused?: TerminalRow['refused']): Promise<void> {
  const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  await db.terminal.put({ id: TERMINAL_ROW, terminalId: 'KIOSK-1', centreId: 'AST-ESIL', signingKey: keys.privateKey, publicKeyJwk: jwk, backOfficeKey: jwk, enrolledAt: '2026-12-01T00:00:00Z', nextSeq: 1, refused });
}

/** The kiosk page's telemetry over a journey, with the back office's POST recorded. */
function kiosk(db: KioskDb) {
  const session = new Session();
  const log = new EventLog();
  const journey = new Journey(session, log);
  const posted: TelemetryBatch[] = [];
  const finished = { count: 0 };
  const telemetry = startKioskTelemetry(db, log, session, {
    onFinished: () => void finished.count++,
    post: (batch) => {
      posted.push(batch);
      return Promise.resolve({ journeys: batch.journeys.map((r) => r.sessionId), folds: batch.folds.map((f) => f.foldId), conflicts: [] });
    },
    lock: (_name, fn) => fn(),
  });
  return { session, journey, telemetry, posted, finished };
}

describe('the kiosk telemetry', () => {
  it('sends a cancelled journey after a drain that reached the back office, and not after one that found no link', async () => {
    const db = openDb(new IDBFactory());
    await enrol(db);
    const { session, journey, telemetry, posted, finished } = kiosk(db);
    session.update({ lang: 'kk' });
    journey.advance();
    journey.end('cancel');
    await telemetry.flushed();
    // The page drains at once (outbox.drainNow), rather than at the timer.
    expect(finished.count).toBe(1);

    await telemetry.afterDrain(drained(true));
    expect(posted).toEqual([]);
    expect(await telemetry.waiting()).toEqual({ journeys: 1, folds: 0, refused: 0 });

    await telemetry.afterDrain(drained(false));
    expect(posted.flatMap((b) => b.journeys).map((r) => [r.outcome, r.outcomeStep, r.lang])).toEqual([['cancel', 'service', 'kk']]);
    expect(await telemetry.waiting()).toEqual({ journeys: 0, folds: 0, refused: 0 });
  });

  it('keeps the records of a kiosk not enrolled, or refused, for when a technician has enrolled it', async () => {
    for (const enrolled of [false, true]) {
      const db = openDb(new IDBFactory());
      if (enrolled) await enrol(db, { code: 'revoked_terminal', at: '2026-12-06T10:00:00Z' });
      const { session, journey, telemetry, posted } = kiosk(db);
      session.update({ lang: 'ru' });
      journey.advance();
      journey.end('idle');
      await telemetry.flushed();
      await telemetry.afterDrain(drained(false));
      expect(posted).toEqual([]);
      expect(await telemetry.waiting()).toEqual({ journeys: 1, folds: 0, refused: 0 });
    }
  });
});
