import type { Database } from '../db/database';
import { ApplicationEventsRepository } from '../console/application-events';
import { APPLICATION_STATUSES, isOpen, statusChange, type ApplicationStatus } from './status-machine';

/*
 * A sandbox tester's "run this test citizen again": the citizen's open *test* applications (made by
 * a kiosk with the test profile) are withdrawn, so the registry lookup no longer answers
 * `application_in_progress`. Nothing is deleted — each application keeps its row and gains a
 * `status_changed` event by the actor `sandbox:tester`, in the transaction that moves it. An open
 * application that is not a test one is left as it is, and named, so the tester sees why the
 * citizen may still be refused. Only the sandbox's routes call this (server/routes/sandbox*.ts).
 */

export const TESTER_ACTOR = 'sandbox:tester';
export const WITHDRAWN_REASON = 'withdrawn_by_tester';

const OPEN = APPLICATION_STATUSES.filter(isOpen);

export interface WithdrawnApplication {
  number: string;
  from: ApplicationStatus;
}

export interface TestWithdrawal {
  withdrawn: WithdrawnApplication[];
  /** Open applications of the citizen that are not test ones: kept, whoever asks here. */
  kept: WithdrawnApplication[];
}

export async function withdrawTestApplications(db: Database, iin: string, at: Date): Promise<TestWithdrawal> {
  return db.transaction(async (tx) => {
    // Locked, so a deferred check settling one of them at the same moment waits, then finds it withdrawn.
    const { rows } = await tx.query<{ id: string; number: string; status: ApplicationStatus; is_test: boolean }>(
      'SELECT id, number, status, is_test FROM applications WHERE iin = $1 AND status = ANY($2::text[]) ORDER BY created_at, id FOR UPDATE',
      [iin, OPEN],
    );
    const events = new ApplicationEventsRepository(tx);
    const withdrawn: WithdrawnApplication[] = [];
    const kept: WithdrawnApplication[] = [];
    for (const row of rows) {
      if (!row.is_test || !statusChange(row.status, 'withdrawn', 'tester').ok) {
        kept.push({ number: row.number, from: row.status });
        continue;
      }
      await tx.query(`UPDATE applications SET status = 'withdrawn' WHERE id = $1`, [row.id]);
      await events.append({ applicationId: row.id, at, kind: 'status_changed', fromStatus: row.status, toStatus: 'withdrawn', actor: TESTER_ACTOR, reasonCode: WITHDRAWN_REASON });
      withdrawn.push({ number: row.number, from: row.status });
    }
    return { withdrawn, kept };
  });
}
