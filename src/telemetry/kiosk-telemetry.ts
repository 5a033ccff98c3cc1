import { logAction } from '../admin/audit-log';
import type { EventLog } from '../flow/events';
import type { Session } from '../flow/session.svelte';
import { backOffice } from '../sync/backoffice';
import type { DrainResult, WithLock } from '../sync/drain';
import type { KioskDb } from '../sync/kiosk-db';
import { webLock } from '../sync/sync-engine';
import { terminalOf } from '../sync/terminal';
import { journeyFacts } from './journey-recorder';
import { createTelemetrySender, type PostTelemetry } from './telemetry-send';
import { startJourneyTelemetry, telemetryWaiting } from './telemetry-store';

/** The journey telemetry as the kiosk's page runs it: recorded from the event log, sent after each drain of the outbox. */
export interface KioskTelemetry {
  /**
   * Hand each drain's result here (startKioskOutbox's afterDrain): with a link, the telemetry follows
   * the packets. Resolves when the round is over; never rejects (a failure is logged, the records wait).
   */
  afterDrain(result: DrainResult): Promise<void>;
  /** Records and folds waiting, and those refused for good: for technician mode. */
  waiting: () => ReturnType<typeof telemetryWaiting>;
  flushed(): Promise<void>;
  stop(): void;
}

/**
 * `post` and `lock` are the signed call and the Web Lock in the kiosk; tests hand in their own.
 * `onFinished`: a journey's record was kept (the page drains the outbox, and the telemetry after it).
 */
export function startKioskTelemetry(
  db: KioskDb,
  log: EventLog,
  session: Session,
  { post = backOffice.telemetry, lock = webLock, onFinished }: { post?: PostTelemetry; lock?: WithLock; onFinished?: () => void } = {},
): KioskTelemetry {
  const recorder = startJourneyTelemetry(db, log, { facts: () => journeyFacts(session.data), onFinished });
  const sender = createTelemetrySender({
    db,
    post,
    now: Date.now,
    lock,
    onConflicts: (ids) => logAction(db, 'telemetry_conflict', { journeys: ids.length }),
  });
  const failed = (error: unknown) => console.error('journey telemetry not sent', error);
  return {
    async afterDrain(result) {
      try {
        // No link: the records wait, but the store stays within its bound. A kiosk not enrolled, or
        // refused, has nobody to sign for it: its records wait for a technician the same way.
        const terminal = result.offline ? undefined : await terminalOf(db);
        if (!terminal || terminal.refused) await sender.fold();
        else await sender.send();
      } catch (error) {
        failed(error);
      }
    },
    waiting: () => telemetryWaiting(db),
    flushed: () => recorder.flushed(),
    stop: () => recorder.stop(),
  };
}
