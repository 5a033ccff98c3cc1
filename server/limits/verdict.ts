/**
 * Limits are counted in fixed windows that start at the first counted hit and last `windowS`
 * (server/limits/limiter.ts keeps one row per key). Why not a sliding window: one row per key is
 * one atomic statement and an exact Retry-After (the window's end); a sliding log needs a row per
 * hit, and the two-bucket estimate gives neither exact counts nor an exact time to come back.
 * The cost, said in docs/security.md: across the end of one window and the start of the next, up to
 * 2·limit − 1 hits can fall within one window's length. Every limit below is chosen with that in mind.
 */
export interface LimitRule {
  /** Stable name, the first part of every key counted under this rule. */
  readonly name: string;
  readonly limit: number;
  readonly windowS: number;
}

/** One rule applied to one subject (an IIN, a phone, a terminal, an address). */
export interface LimitCheck {
  readonly rule: LimitRule;
  readonly subject: string;
}

/** What the database holds for a key after counting: the hits of the current window and its end. */
export interface WindowCount {
  readonly hits: number;
  readonly windowEndsAt: Date;
}

/** A refusal names the rule that refused, so that the answer can say which limit it was. */
export type Verdict = { allowed: true; remaining: number } | { allowed: false; retryAfterS: number; rule: string };

export const limitKey = ({ rule, subject }: LimitCheck): string => `${rule.name}:${subject}`;

/** The end of a window that starts now: where a first hit, or a hit after the window ended, begins one. */
export const windowEnd = (rule: LimitRule, now: Date): Date => new Date(now.getTime() + rule.windowS * 1000);

/** Seconds until `end`, rounded up and at least 1: a Retry-After of 0 would invite an immediate retry. */
export const secondsUntil = (end: Date, now: Date): number => Math.max(1, Math.ceil((end.getTime() - now.getTime()) / 1000));

/** The verdict on a hit just counted: allowed while the window's hits, this one included, are within the limit. */
export function verdictOfHit(rule: LimitRule, count: WindowCount, now: Date): Verdict {
  if (count.hits <= rule.limit) return { allowed: true, remaining: rule.limit - count.hits };
  return { allowed: false, retryAfterS: secondsUntil(count.windowEndsAt, now), rule: rule.name };
}

/** The verdict on a hit not yet made, from what is counted (null: nothing in a live window). */
export function verdictOfPeek(rule: LimitRule, count: WindowCount | null, now: Date): Verdict {
  if (!count || count.windowEndsAt <= now) return { allowed: true, remaining: rule.limit };
  if (count.hits < rule.limit) return { allowed: true, remaining: rule.limit - count.hits };
  return { allowed: false, retryAfterS: secondsUntil(count.windowEndsAt, now), rule: rule.name };
}

/** Several limits on one act: refused if any refuses (come back when the last of them allows), else the fewest left. */
export function strictest(verdicts: readonly Verdict[]): Verdict {
  let refusal: Extract<Verdict, { allowed: false }> | null = null;
  let remaining = Number.POSITIVE_INFINITY;
  for (const verdict of verdicts) {
    if (!verdict.allowed) {
      if (!refusal || verdict.retryAfterS > refusal.retryAfterS) refusal = verdict;
    } else remaining = Math.min(remaining, verdict.remaining);
  }
  return refusal ?? { allowed: true, remaining: Number.isFinite(remaining) ? remaining : 0 };
}
