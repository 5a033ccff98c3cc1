import type { ApplicationStatus } from '../../src/protocol/console';
import type { Queryable } from '../db/database';

/*
 * The history of an application's status, append-only (table application_events, migration 0015).
 * Written by whoever moves the status, in the same transaction as the move, so the history cannot
 * miss a change nor record one that was rolled back.
 */

export type ApplicationEventKind = 'received' | 'status_changed';

export interface NewApplicationEvent {
  applicationId: string;
  at: Date;
  kind: ApplicationEventKind;
  fromStatus: ApplicationStatus | null;
  toStatus: ApplicationStatus | null;
  /** 'system' for the intake and the deferred checks, 'staff:<staff id>' for a person's decision. */
  actor: string;
  /** The reason code a person gave (a manual review's rejection), null otherwise. */
  reasonCode?: string | null;
}

export interface ApplicationEvent {
  at: string;
  kind: string;
  fromStatus: ApplicationStatus | null;
  toStatus: ApplicationStatus | null;
  actor: string;
  reasonCode: string | null;
}

export class ApplicationEventsRepository {
  constructor(private readonly db: Queryable) {}

  async append(e: NewApplicationEvent): Promise<void> {
    await this.db.query(
      `INSERT INTO application_events (application_id, at, kind, from_status, to_status, actor, reason_code)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [e.applicationId, e.at, e.kind, e.fromStatus, e.toStatus, e.actor, e.reasonCode ?? null],
    );
  }

  /** Oldest first, in the order they were written. */
  async list(applicationId: string): Promise<ApplicationEvent[]> {
    const { rows } = await this.db.query<{ at: Date; kind: string; from_status: ApplicationStatus | null; to_status: ApplicationStatus | null; actor: string; reason_code: string | null }>(
      'SELECT at, kind, from_status, to_status, actor, reason_code FROM application_events WHERE application_id = $1 ORDER BY seq',
      [applicationId],
    );
    return rows.map((r) => ({ at: new Date(r.at).toISOString(), kind: r.kind, fromStatus: r.from_status, toStatus: r.to_status, actor: r.actor, reasonCode: r.reason_code }));
  }
}
