import type PgBoss from 'pg-boss';

/*
 * The work the back office does after it has answered, as jobs in the database (docs/jobs.md).
 * Each job carries ids only: the citizen's data stays in the back office's own tables, and pg-boss
 * keeps finished jobs for a while (archive) without anything personal in them.
 */

export interface SettleJob {
  applicationId: string;
}

/** The nth look at an application whose fee is still awaited. */
export interface RecheckJob {
  applicationId: string;
  attempt: number;
}

/** What the citizen is told: how the checks (or a person's review) ended, that a person reviews it, or what the payment check waits for (its code). */
export type SmsOutcome = 'accepted' | 'rejected' | 'in_review' | PendingPayment;

/** The codes of a payment check still pending (server/sync/deferred-checks.ts). */
type PendingPayment = 'payment_awaited' | 'fee_unknown' | 'fee_due';

export interface SmsJob {
  applicationId: string;
  outcome: SmsOutcome;
}

/** The weekly pilot reports of an ISO week ('2026-W49'), generated and kept once it is over (server/reports/weekly-report-job.ts). */
export interface WeeklyReportJob {
  week: string;
}

export interface JobData {
  settle: SettleJob;
  recheck: RecheckJob;
  sms: SmsJob;
  'weekly-report': WeeklyReportJob;
}

export type QueueName = keyof JobData;

export const QUEUE_NAMES: readonly QueueName[] = ['settle', 'recheck', 'sms', 'weekly-report'];

/**
 * Retries on failure are pg-boss's: retryDelay × 2^n / 2 × (1 + random) seconds after the nth
 * failure. `expireInSeconds` bounds one run: past it the job counts as failed and is retried (by
 * whichever process is free), so a run stuck on a state system, or cut by a kill -9 on
 * PostgreSQL, is taken over then. A 'short' queue holds one waiting job per singleton key.
 */
export const QUEUES: Record<QueueName, Omit<PgBoss.Queue, 'name'>> = {
  // The checks of a packet's application: the registry, the БМГ and the payment gateway may be
  // down for hours; about a day of retries (2 s, 4 s, … up to ~18 h apart, 15 times).
  settle: { policy: 'short', retryLimit: 15, retryDelay: 2, retryBackoff: true, expireInSeconds: 30 },
  // Each look at an awaited fee that ends without error plans the next one itself (recheckDelaySeconds);
  // these retries are for a look that failed.
  recheck: { policy: 'short', retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 30 },
  // The SMS gateway: 10 s, 20 s, … about six hours in all.
  sms: { policy: 'standard', retryLimit: 10, retryDelay: 10, retryBackoff: true, expireInSeconds: 30 },
  // Every scope's report of the week (hundreds with the terminals): each is kept as it is made, so a
  // retry after a failure or a cut run goes on from where it stopped. One waiting job per week.
  'weekly-report': { policy: 'short', retryLimit: 8, retryDelay: 60, retryBackoff: true, expireInSeconds: 30 * 60 },
};

/** How long an awaited fee is looked for: the citizen pays on their phone, usually within minutes. */
export const RECHECK_FOR_MS = 3 * 24 * 60 * 60_000;

/**
 * 30 s, 1, 2, 4 min, then every 5: quick while the citizen is likely paying at the kiosk's side,
 * and never slower than the 5-minute round this replaced. (A payment notification from the
 * gateway, once there is one, should bring the next look forward instead.)
 */
export function recheckDelaySeconds(attempt: number): number {
  return Math.min(30 * 2 ** Math.max(0, attempt - 1), 300);
}
