// Pure: the bench's samples per row, summed up as median and max, and the table printed from them.

export interface Row {
  label: string;
  /** Counted in software_wait_ms: waits the software alone decides (not the camera steps, not sub-parts of them). */
  counted: boolean;
  samples: number[];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function max(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : Math.max(...values);
}

/** Adds a sample to the row of that label, made on first use, keeping the order rows were first seen. */
export function addSample(rows: Row[], label: string, counted: boolean, ms: number): void {
  let row = rows.find((r) => r.label === label);
  if (!row) {
    row = { label, counted, samples: [] };
    rows.push(row);
  }
  row.samples.push(ms);
}

export function countedMedianSum(rows: readonly Row[]): number {
  return rows.filter((r) => r.counted).reduce((sum, r) => sum + median(r.samples), 0);
}

const ms = (value: number) => (Number.isNaN(value) ? '–' : String(Math.round(value)));

/** A Markdown table (it reads as plain text in a terminal too). */
export function table(rows: readonly Row[]): string {
  const lines = ['| step | median ms | max ms | n |', '| --- | ---: | ---: | ---: |'];
  for (const row of rows) {
    const label = row.counted ? row.label : `(${row.label})`;
    lines.push(`| ${label} | ${ms(median(row.samples))} | ${ms(max(row.samples))} | ${row.samples.length} |`);
  }
  return lines.join('\n');
}
