import { describe, expect, it } from 'vitest';
import { RECHECK_FOR_MS, recheckDelaySeconds } from './queues';

describe('the looks at an awaited fee', () => {
  it('come quickly at first, then every 5 minutes, never slower', () => {
    expect([1, 2, 3, 4, 5, 6, 50].map(recheckDelaySeconds)).toEqual([30, 60, 120, 240, 300, 300, 300]);
  });

  it('over three days, a few hundred of them', () => {
    let elapsed = 0;
    let attempt = 0;
    while (elapsed + recheckDelaySeconds(attempt + 1) * 1000 <= RECHECK_FOR_MS) elapsed += recheckDelaySeconds(++attempt) * 1000;
    expect(attempt).toBeGreaterThan(800);
    expect(attempt).toBeLessThan(900);
  });
});
