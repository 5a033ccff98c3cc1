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

/**
 * Counts hits in the database, so that a limit holds across every process on one PostgreSQL.
 * Each hit is one INSERT … ON CONFLICT DO UPDATE … RETURNING: PostgreSQL locks the key's row for the
 * statement, so parallel hits on one key are counted one after another and each sees the count
 * that includes every hit before it — no read-then-write gap for a burst to slip through.
 */
export class Limiter {
  constructor(private readonly db: Queryable) {}

  /**
   * Counts one hit under every check and gives the strictest verdict. One statement for all the keys,
   * taken in key order, so two requests never wait for each other's rows the other way round. An act
   * one limit refuses did not happen, so the limits that allowed it take their hit back (a second
   * statement: until then a parallel hit may be refused that would not have been, never the reverse);
   * the refusing limit keeps it, which changes nothing, its window being full until it ends.
   */
  async hit(checks: readonly LimitCheck[], now: Date): Promise<Verdict> {
    const sorted = [...checks].sort((a, b) => limitKey(a).localeCompare(limitKey(b)));
    // One statement may not update a row twice; two checks of one key would be a mistake of the caller anyway.
    if (new Set(sorted.map(limitKey)).size !== sorted.length) throw new Error('Limiter.hit: the same key twice');
    const params: unknown[] = [now];
    const values = sorted.map((check) => {
      params.push(limitKey(check), windowEnd(check.rule, now));
      return `($${params.length - 1}, $${params.length}::timestamptz, 1)`;
    });
    const { rows } = await this.db.query<Row>(
      `INSERT INTO rate_limits AS r (key, window_ends_at, hits) VALUES ${values.join(', ')}
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN r.window_ends_at <= $1::timestamptz THEN 1 ELSE r.hits + 1 END,
         window_ends_at = CASE WHEN r.window_ends_at <= $1::timestamptz THEN EXCLUDED.window_ends_at ELSE r.window_ends_at END
       RETURNING key, hits, window_ends_at`,
      params,
    );
    if (Math.random() < PRUNE_CHANCE) await this.prune(now);
    const verdicts = sorted.map((check) => verdictOfHit(check.rule, countOf(rows, check), now));
    const verdict = strictest(verdicts);
    if (!verdict.allowed) await this.refund(sorted.filter((_, i) => verdicts[i]?.allowed), now);
    return verdict;
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

function countOf(rows: readonly Row[], check: LimitCheck): WindowCount {
  const count = countOfOrNull(rows, check);
  if (!count) throw new Error(`rate_limits returned no row for ${limitKey(check)}`);
  return count;
}
