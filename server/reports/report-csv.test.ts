import { describe, expect, it } from 'vitest';
import { reportCsv } from './report-csv';
import { reportFixture } from '../../src/reports/report-fixture';

/** An RFC 4180 reader, independent of the writer: records of fields, CRLF between records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let fieldText = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        fieldText += '"';
        i++;
      } else if (c === '"') quoted = false;
      else fieldText += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(fieldText);
      fieldText = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(fieldText);
      records.push(record);
      record = [];
      fieldText = '';
      i++;
    } else fieldText += c;
  }
  expect(fieldText).toBe('');
  return records;
}

/** Sections by name: each starts after an empty record with its name, then its columns. */
function sections(text: string): Map<string, { columns: string[]; rows: string[][] }> {
  const records = parseCsv(text);
  const found = new Map<string, { columns: string[]; rows: string[][] }>();
  let i = 0;
  while (i < records.length) {
    const [name] = records[i]!;
    const columns = records[i + 1]!;
    const rows: string[][] = [];
    i += 2;
    while (i < records.length && !(records[i]!.length === 1 && records[i]![0] === '')) rows.push(records[i++]!);
    i++;
    found.set(name!, { columns, rows });
  }
  return found;
}

describe('reportCsv', () => {
  const report = reportFixture();
  const csv = reportCsv(report);

  it('starts with a byte-order mark and ends its lines with CRLF', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('has every section with its columns, and each row as wide as its header', () => {
    const found = sections(csv.slice(1));
    expect([...found.keys()]).toEqual([
      'report',
      'journeys',
      'journeys_by_service',
      'funnel',
      'refusals',
      'operator',
      'service_time',
      'throughput',
      'throughput_days',
      'offline',
      'out_of_order',
      'device_faults',
      'fees',
      'problems',
    ]);
    for (const [name, section] of found) {
      for (const row of section.rows) expect(row, name).toHaveLength(section.columns.length);
    }
    expect(found.get('funnel')!.columns).toEqual(['step', 'reached', 'left_cancel', 'left_idle', 'left_refused', 'left_operator', 'left_interrupted']);
  });

  it('carries the report numbers and texts back unchanged', () => {
    const found = sections(csv.slice(1));
    expect(found.get('report')!.rows).toEqual([
      ['2026-W49', '2026-11-30', '2026-12-06', 'country', 'Казахстан', 'Қазақстан', report.generatedAt, '60'],
    ]);
    expect(found.get('funnel')!.rows.map((r) => Number(r[1]))).toEqual(report.funnel.map((s) => s.reached));
    expect(found.get('throughput_days')!.rows.map((r) => Number(r[2]))).toEqual(report.throughput.days.map((d) => d.applications));
    expect(found.get('fees')!.rows[0]).toEqual(['paid', String(report.fees.paid.journeys), String(report.fees.paid.tiyn)]);
    // Quotes, commas and Kazakh letters in a description survive the round trip.
    expect(found.get('problems')!.rows[0]![5]).toBe(report.problems[0]!.description);
    expect(found.get('problems')!.rows[1]![2]).toBe('');
  });

  it('writes null as an empty cell, not as zero', () => {
    const empty = reportFixture();
    empty.serviceTime = { measured: 0, medianS: null, p90S: null, over5MinShare: null };
    expect(sections(reportCsv(empty).slice(1)).get('service_time')!.rows).toEqual([['0', '', '', '']]);
  });

  it('keeps a description a spreadsheet would run as a formula as text', () => {
    const report = reportFixture();
    report.problems[0]!.description = '=HYPERLINK("http://evil","click")';
    const row = sections(reportCsv(report).slice(1)).get('problems')!.rows[0]!;
    expect(row[5]).toBe(`'=HYPERLINK("http://evil","click")`);
  });

  it('keeps an empty section with its columns', () => {
    const report = reportFixture();
    report.problems = [];
    const found = sections(reportCsv(report).slice(1));
    expect(found.get('problems')).toEqual({ columns: expect.arrayContaining(['description', 'status']) as string[], rows: [] });
  });
});
