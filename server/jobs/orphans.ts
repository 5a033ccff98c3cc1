import type { Queryable } from '../db/database';
import type { JobQueue } from './job-queue';

/**
 * Applications still pending checks with no settle or re-check job waiting: stored by a release
 * from before the job queue, or whose job ran out of retries (a state system down for a day), or
 * whose awaited fee stopped being looked for. Each start of the back office looks at them once
 * more; the number given a job. A job that is waiting already is left alone (the jobs carry the
 * application id as their singleton key).
 */
export async function adoptOrphans(db: Queryable, jobs: JobQueue): Promise<number> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT a.id FROM applications a JOIN packets p ON p.application_id = a.id
     WHERE a.status = 'pending_checks'
       AND NOT EXISTS (SELECT 1 FROM ${jobs.schema}.job j
                       WHERE j.name IN ('settle', 'recheck') AND j.singleton_key = a.id::text AND j.state < 'completed')
     ORDER BY p.received_at`,
  );
  await jobs.sendMany(
    'recheck',
    rows.map((r) => ({ data: { applicationId: r.id, attempt: 1 }, singletonKey: r.id })),
  );
  return rows.length;
}
