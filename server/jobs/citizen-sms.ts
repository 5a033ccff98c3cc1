import type { SmsGateway } from '../adapters/sms';
import type { Queryable } from '../db/database';
import type { SmsJob, SmsOutcome } from './queues';

export interface CitizenSms {
  applicationId: string;
  outcome: SmsOutcome;
  phone: string;
  text: string;
}

/** How long a worker holds a message while the gateway takes it: longer than an SMS job may run (queues.ts). */
const CLAIM_SECONDS = 60;

/**
 * The SMS that tell citizens how their offline applications ended, one per application and
 * outcome (migration 0007): the idempotency key of the SMS job.
 */
export class CitizenSmsRepository {
  constructor(private readonly db: Queryable) {}

  /** False when this application was already told this outcome: nothing more is to be sent. */
  async add(message: CitizenSms, at: Date): Promise<boolean> {
    const { rows } = await this.db.query(
      `INSERT INTO citizen_sms (application_id, outcome, phone, text, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING application_id`,
      [message.applicationId, message.outcome, message.phone, message.text, at],
    );
    return rows.length > 0;
  }

  /** The message, held for this worker; null when it is sent already, or held by another worker still within its time. */
  async claim(key: SmsJob): Promise<{ phone: string; text: string } | null> {
    const { rows } = await this.db.query<{ phone: string; text: string }>(
      `UPDATE citizen_sms SET claimed_until = now() + make_interval(secs => $3), attempts = attempts + 1
       WHERE application_id = $1 AND outcome = $2 AND sent_at IS NULL AND (claimed_until IS NULL OR claimed_until < now())
       RETURNING phone, text`,
      [key.applicationId, key.outcome, CLAIM_SECONDS],
    );
    return rows[0] ?? null;
  }

  /** The gateway refused: the next try may send at once. */
  async release(key: SmsJob): Promise<void> {
    await this.db.query('UPDATE citizen_sms SET claimed_until = NULL WHERE application_id = $1 AND outcome = $2 AND sent_at IS NULL', [
      key.applicationId,
      key.outcome,
    ]);
  }

  async markSent(key: SmsJob, at: Date): Promise<void> {
    await this.db.query('UPDATE citizen_sms SET sent_at = $3, claimed_until = NULL WHERE application_id = $1 AND outcome = $2', [
      key.applicationId,
      key.outcome,
      at,
    ]);
  }

  async find(key: SmsJob): Promise<{ sentAt: Date | null; attempts: number } | null> {
    const { rows } = await this.db.query<{ sent_at: Date | null; attempts: number }>(
      'SELECT sent_at, attempts FROM citizen_sms WHERE application_id = $1 AND outcome = $2',
      [key.applicationId, key.outcome],
    );
    const row = rows[0];
    return row ? { sentAt: row.sent_at === null ? null : new Date(row.sent_at), attempts: row.attempts } : null;
  }
}

/**
 * The SMS job: sends the message once. Exactly once as far as the gateway allows: a message is
 * marked sent after the gateway took it, so a process killed between the two — or a database
 * that fails to record it — sends it again once the hold expires (at least once, never lost);
 * every other case (a refusal, a timeout before the gateway answered, two processes on one job)
 * sends it once. A gateway that takes an idempotency key closes that gap too (docs/jobs.md).
 */
export async function sendCitizenSms(db: Queryable, sms: SmsGateway, clock: () => Date, key: SmsJob): Promise<void> {
  const messages = new CitizenSmsRepository(db);
  const message = await messages.claim(key);
  if (!message) {
    const stored = await messages.find(key);
    if (!stored || stored.sentAt) return;
    // Another worker holds it (a run pg-boss gave up on as expired): try again after it.
    throw new Error('the SMS is being sent by another worker');
  }
  try {
    // Sent again after a process died between the gateway's answer and markSent: the same id, one message.
    await sms.send({ ...message, clientId: `${key.applicationId}:${key.outcome}` });
  } catch (error) {
    await messages.release(key);
    throw error;
  }
  await messages.markSent(key, clock());
}
