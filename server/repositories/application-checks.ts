import type { Queryable } from '../db/database';
import type { CheckOutcome, DeferredCheck } from '../sync/deferred-checks';

interface Row {
  check_name: DeferredCheck;
  outcome: CheckOutcome['outcome'];
  code: string | null;
  detail: string | null;
  distance: number | null;
}

/** The latest outcome of each deferred check of an application that arrived in a packet. */
export class ApplicationChecksRepository {
  constructor(private readonly db: Queryable) {}

  async save(applicationId: string, outcomes: readonly CheckOutcome[], at: Date): Promise<void> {
    for (const o of outcomes) {
      await this.db.query(
        `INSERT INTO application_checks (application_id, check_name, outcome, code, detail, distance, checked_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (application_id, check_name) DO UPDATE
           SET outcome = EXCLUDED.outcome, code = EXCLUDED.code, detail = EXCLUDED.detail, distance = EXCLUDED.distance, checked_at = EXCLUDED.checked_at`,
        [applicationId, o.check, o.outcome, o.code, o.detail ?? null, o.distance ?? null, at],
      );
    }
  }

  async list(applicationId: string): Promise<CheckOutcome[]> {
    const { rows } = await this.db.query<Row>(
      'SELECT check_name, outcome, code, detail, distance FROM application_checks WHERE application_id = $1',
      [applicationId],
    );
    return rows.map((r) => ({
      check: r.check_name,
      outcome: r.outcome,
      code: r.code,
      ...(r.detail === null ? {} : { detail: r.detail }),
      ...(r.distance === null ? {} : { distance: Number(r.distance) }),
    }));
  }
}
