import type { Queryable } from '../db/database';
import {
  limitKey,
  strictest,
  verdictOfHit,
  verdictOfPeek,
  windowEnd,
  type LimitCheck,
  type Verdict,
  type WindowCount,
} from './verdict';

interface Row {
  key: string;
  hits: number;
  window_ends_at: Date;
}

/** Counts hits in the database, so that a limit holds across every process on one PostgreSQL. */
export class Limiter {
  constructor(private readonly db: Queryable) {}

  /**
   * Counts one hit under each check in turn, the narrowest first as the caller lists them, and stops
   * at the first that refuses: an act one limit refuses did not happen, so the checks before it take
   * their hit back, and the ones after it never count it. Each count is one atomic statement; in a
   * burst, the narrow limit lets only its few through to the wider ones, which so count no more
   * than what really happened (a hit given back leaves a moment in which a parallel one may be
   * refused that would not have been, never the reverse).
   */
  async hit(checks: readonly LimitCheck[], now: Date): Promise<Verdict> {
    const counted: LimitCheck[] = [];
    const verdicts: Verdict[] = [];
    for (const check of checks) {
      const verdict = verdictOfHit(check.rule, await this.count(check, now), now);
      if (!verdict.allowed) {
        await this.refund(counted, now);
        return verdict;
      }
      counted.push(check);
      verdicts.push(verdict);
    }
    if (Math.random() < PRUNE_CHANCE) await this.prune(now);
    return strictest(verdicts);
  }

  /**
   * One hit on one key, in one statement: INSERT … ON CONFLICT DO UPDATE locks the key's row, so
   * parallel hits are counted one after another, each seeing every hit before it — no gap between
   * reading the count and writing it for a burst to slip through. A window that has ended starts
   * again at this hit.
   */
  private async count(check: LimitCheck, now: Date): Promise<WindowCount> {
    const { rows } = await this.db.query<Row>(
      `INSERT INTO rate_limits AS r (key, window_ends_at, hits) VALUES ($1, $3, 1)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN r.window_ends_at <= $2 THEN 1 ELSE r.hits + 1 END,
         window_ends_at = CASE WHEN r.window_ends_at <= $2 THEN EXCLUDED.window_ends_at ELSE r.window_ends_at END
       RETURNING key, hits, window_ends_at`,
      [limitKey(check), now, windowEnd(check.rule, now)],
    );
    const row = rows[0];
    if (!row) throw new Error(`rate_limits returned no row for ${limitKey(check)}`);
    return { hits: row.hits, windowEndsAt: new Date(row.window_ends_at) };
  }

  /** Whether a hit would be allowed now, without counting it: for telling the citizen before they try. */
  async peek(checks: readonly LimitCheck[], now: Date): Promise<Verdict> {
    const { rows } = await this.db.query<Row>('SELECT key, hits, window_ends_at FROM rate_limits WHERE key = ANY($1::text[])', [
      checks.map(limitKey),
    ]);
    return strictest(checks.map((check) => verdictOfPeek(check.rule, countOfOrNull(rows, check), now)));
  }

  /** Takes back one hit of a live window: an attempt counted before it was known to be a right one. */
  async refund(checks: readonly LimitCheck[], now: Date): Promise<void> {
    if (checks.length === 0) return;
    await this.db.query('UPDATE rate_limits SET hits = hits - 1 WHERE key = ANY($1::text[]) AND hits > 0 AND window_ends_at > $2', [
      checks.map(limitKey),
      now,
    ]);
  }

  /** Forgets windows that have ended: they would allow as much as no row does, and they name IINs, phones and addresses. */
  async prune(now: Date): Promise<number> {
    const { rows } = await this.db.query('DELETE FROM rate_limits WHERE window_ends_at <= $1 RETURNING key', [now]);
    return rows.length;
  }
}

/** About one hit in five hundred also deletes the ended windows: the table stays small without a timer in any process. */
const PRUNE_CHANCE = 1 / 512;

function countOfOrNull(rows: readonly Row[], check: LimitCheck): WindowCount | null {
  const row = rows.find((r) => r.key === limitKey(check));
  return row ? { hits: row.hits, windowEndsAt: new Date(row.window_ends_at) } : null;
}
