// The closing line of `npm test`: the counts of vitest and Playwright together, read from their
// JSON reports, as "summary: N passed, N failed, N skipped". A report that is absent (its step
// did not run) counts nothing.
//   node --import tsx scripts/system/test-summary.ts VITEST_JSON PLAYWRIGHT_JSON
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
  /** Passed only on a retry; counted in `passed` too. */
  flaky: number;
}

const NONE: Counts = { passed: 0, failed: 0, skipped: 0, flaky: 0 };

function count(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0;
}

/** Vitest's `json` reporter (Jest's shape). */
export function vitestCounts(report: unknown): Counts {
  const r = (report ?? {}) as Record<string, unknown>;
  return {
    passed: count(r.numPassedTests),
    failed: count(r.numFailedTests),
    skipped: count(r.numPendingTests) + count(r.numTodoTests),
    flaky: 0,
  };
}

/** Playwright's `json` reporter: `stats.expected` passed first time, `flaky` passed on a retry. */
export function playwrightCounts(report: unknown): Counts {
  const stats = ((report ?? {}) as { stats?: Record<string, unknown> }).stats ?? {};
  const flaky = count(stats.flaky);
  return {
    passed: count(stats.expected) + flaky,
    failed: count(stats.unexpected),
    skipped: count(stats.skipped),
    flaky,
  };
}

export function addCounts(a: Counts, b: Counts): Counts {
  return { passed: a.passed + b.passed, failed: a.failed + b.failed, skipped: a.skipped + b.skipped, flaky: a.flaky + b.flaky };
}

export function summaryLine(c: Counts): string {
  return `summary: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`;
}

function readReport(path: string | undefined): unknown {
  if (path === undefined || !existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch {
    // A run killed while writing leaves half a file; its counts are lost, the exit code is not.
    return undefined;
  }
}

// Usage: test-summary.ts <playwright.json> <vitest.json>... — one vitest report per vitest pass
// (the back office's tests run twice: on PGlite and on PostgreSQL).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [playwrightPath, ...vitestPaths] = process.argv.slice(2);
  let total = NONE;
  for (const path of vitestPaths) {
    const report = readReport(path);
    const c = report === undefined ? NONE : vitestCounts(report);
    total = addCounts(total, c);
    console.log(`vitest (${path}): ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped${report === undefined ? ' (did not run)' : ''}`);
  }
  const playwright = readReport(playwrightPath);
  const e2e = playwright === undefined ? NONE : playwrightCounts(playwright);
  total = addCounts(total, e2e);
  console.log(
    `playwright: ${e2e.passed} passed (${e2e.flaky} only on retry), ${e2e.failed} failed, ${e2e.skipped} skipped${playwright === undefined ? ' (did not run)' : ''}`,
  );
  console.log(summaryLine(total));
}
