import { describe, expect, it } from 'vitest';
import { addCounts, playwrightCounts, summaryLine, vitestCounts } from './test-summary';

describe('test summary', () => {
  it('reads vitest counts, todo counted as skipped', () => {
    expect(vitestCounts({ numPassedTests: 40, numFailedTests: 2, numPendingTests: 3, numTodoTests: 1 })).toEqual({
      passed: 40,
      failed: 2,
      skipped: 4,
      flaky: 0,
    });
  });

  it('counts a Playwright test that passed on retry as passed, and says so', () => {
    expect(playwrightCounts({ stats: { expected: 9, unexpected: 1, flaky: 2, skipped: 1 } })).toEqual({
      passed: 11,
      failed: 1,
      skipped: 1,
      flaky: 2,
    });
  });

  it('counts nothing from a report without numbers', () => {
    expect(playwrightCounts({})).toEqual({ passed: 0, failed: 0, skipped: 0, flaky: 0 });
    expect(vitestCounts({ numPassedTests: 'x' })).toEqual({ passed: 0, failed: 0, skipped: 0, flaky: 0 });
  });

  it('prints the closing line CI reads', () => {
    const total = addCounts(
      { passed: 40, failed: 0, skipped: 1, flaky: 0 },
      { passed: 12, failed: 1, skipped: 0, flaky: 1 },
    );
    expect(summaryLine(total)).toBe('summary: 52 passed, 1 failed, 1 skipped');
  });
});
