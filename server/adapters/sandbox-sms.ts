import type { Queryable } from '../db/database';
import type { SmsGateway, SmsMessage } from './sms';

export interface SandboxSmsMessage {
  id: number;
  phone: string;
  text: string;
  sentAt: string;
}

/** Keeps every message instead of sending it, so testers (and e2e tests) can read the codes. */
export class SandboxSms implements SmsGateway {
  constructor(
    private readonly db: Queryable,
    private readonly clock: () => Date,
  ) {}

  /** A message with a client id already taken is not kept again, as a provider would not deliver it twice. */
  async send(message: SmsMessage): Promise<void> {
    await this.db.query('INSERT INTO sandbox_sms (phone, text, sent_at, client_id) VALUES ($1, $2, $3, $4) ON CONFLICT (client_id) DO NOTHING', [
      message.phone,
      message.text,
      this.clock(),
      message.clientId ?? null,
    ]);
  }

  /** Newest first; all phones when `phone` is not given. */
  async latest(phone: string | undefined, limit = 20): Promise<SandboxSmsMessage[]> {
    const { rows } = await this.db.query<{ id: number; phone: string; text: string; sent_at: Date }>(
      `SELECT id, phone, text, sent_at FROM sandbox_sms WHERE $1::text IS NULL OR phone = $1
       ORDER BY id DESC LIMIT $2`,
      [phone ?? null, limit],
    );
    return rows.map((row) => ({ id: row.id, phone: row.phone, text: row.text, sentAt: new Date(row.sent_at).toISOString() }));
  }
}
