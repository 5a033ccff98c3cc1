import { describe, expect, it } from 'vitest';
import { limitKey, secondsUntil, strictest, verdictOfHit, verdictOfPeek, windowEnd, type LimitRule } from './verdict';

const rule: LimitRule = { name: 'three_a_minute', limit: 3, windowS: 60 };
const now = new Date('2026-03-02T05:00:00Z');
const later = (s: number) => new Date(now.getTime() + s * 1000);

describe('limit verdicts', () => {
  it('allow a hit while the window holds no more than the limit, and say how many are left', () => {
    expect(verdictOfHit(rule, { hits: 1, windowEndsAt: later(60) }, now)).toEqual({ allowed: true, remaining: 2 });
    expect(verdictOfHit(rule, { hits: 3, windowEndsAt: later(60) }, now)).toEqual({ allowed: true, remaining: 0 });
  });

  it('refuse the hit past the limit until the window ends, naming the rule', () => {
    expect(verdictOfHit(rule, { hits: 4, windowEndsAt: later(42) }, now)).toEqual({ allowed: false, retryAfterS: 42, rule: 'three_a_minute' });
  });

  it('round the wait up to whole seconds and never say 0', () => {
    expect(secondsUntil(later(41.2), now)).toBe(42);
    expect(secondsUntil(now, now)).toBe(1);
  });

  it('peek: a full live window refuses, an ended or missing one allows the whole limit', () => {
    expect(verdictOfPeek(rule, null, now)).toEqual({ allowed: true, remaining: 3 });
    expect(verdictOfPeek(rule, { hits: 2, windowEndsAt: later(10) }, now)).toEqual({ allowed: true, remaining: 1 });
    expect(verdictOfPeek(rule, { hits: 3, windowEndsAt: later(10) }, now)).toEqual({ allowed: false, retryAfterS: 10, rule: 'three_a_minute' });
    expect(verdictOfPeek(rule, { hits: 9, windowEndsAt: now }, now)).toEqual({ allowed: true, remaining: 3 });
  });

  it('several limits: the longest wait of those that refuse, else the fewest left', () => {
    expect(
      strictest([
        { allowed: true, remaining: 2 },
        { allowed: false, retryAfterS: 30, rule: 'a' },
        { allowed: false, retryAfterS: 3600, rule: 'b' },
      ]),
    ).toEqual({ allowed: false, retryAfterS: 3600, rule: 'b' });
    expect(strictest([{ allowed: true, remaining: 2 }, { allowed: true, remaining: 5 }])).toEqual({ allowed: true, remaining: 2 });
  });

  it('a window starts now and lasts the rule; a key is the rule and its subject', () => {
    expect(windowEnd(rule, now)).toEqual(later(60));
    expect(limitKey({ rule, subject: '+77011234567' })).toBe('three_a_minute:+77011234567');
  });
});
