/*
 * Distance distributions and error rates for the face-match threshold study: pure, so the
 * figures in docs/biometrics.md come from code that is tested.
 */

export interface Summary {
  n: number;
  min: number;
  median: number;
  p95: number;
  max: number;
}

/** The thresholds the study reports; 0.60 is face-api's usual default. */
export const STUDY_THRESHOLDS = [0.35, 0.4, 0.45, 0.5, 0.6] as const;

/** Nearest-rank percentile (p in 0–1) of values sorted ascending. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('percentile of no values');
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1]!;
}

export function summarize(values: readonly number[]): Summary | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, min: sorted[0]!, median: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), max: sorted.at(-1)! };
}

/** Share of impostor distances below the threshold: pairs of different people taken as one. */
export function falseMatchRate(impostor: readonly number[], threshold: number): number {
  return impostor.length === 0 ? NaN : impostor.filter((d) => d < threshold).length / impostor.length;
}

/** Share of genuine distances at or above the threshold: a person refused as not themself. */
export function falseNonMatchRate(genuine: readonly number[], threshold: number): number {
  return genuine.length === 0 ? NaN : genuine.filter((d) => d >= threshold).length / genuine.length;
}

/** One Markdown table row: name, n, min, median, p95, max. */
export function summaryRow(name: string, values: readonly number[]): string {
  const s = summarize(values);
  if (!s) return `| ${name} | 0 | | | | |`;
  const f = (v: number) => v.toFixed(3);
  return `| ${name} | ${s.n} | ${f(s.min)} | ${f(s.median)} | ${f(s.p95)} | ${f(s.max)} |`;
}

export const percent = (share: number): string => (Number.isNaN(share) ? '–' : `${(share * 100).toFixed(2)} %`);
