import { describe, expect, it } from 'vitest';
import { reportFixture } from '../../src/reports/report-fixture';
import { chartTables, sectionTables, type ReportTable } from './report-tables';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const byId = (tables: ReportTable[], id: string) => tables.find((t) => t.id === id)!;
const cells = (t: ReportTable) => t.rows.map((row) => row.map(plain));

describe("the report's tables as a person reads them", () => {
  it('names each reason and document, and the journeys that never chose one', () => {
    const report = reportFixture();
    report.journeys.byService = [
      { service: '04', document: 'id_card', started: 9_800, applications: 8_600 },
      { service: null, document: null, started: 1_600, applications: 0 },
    ];
    const rows = cells(byId(sectionTables('ru', report), 'by-service'));
    expect(rows[0]).toEqual(['04 · Сменил(а) фамилию — брак или развод', 'удостоверение личности', '9 800', '8 600']);
    expect(rows.at(-1)?.slice(0, 2)).toEqual(['не выбрано', '—']);
  });

  it('gives the funnel each step with how those who stopped there ended', () => {
    const report = reportFixture();
    const { funnel } = chartTables('en', report);
    expect(funnel.rows).toHaveLength(report.funnel.length);
    const first = report.funnel[0]!;
    expect(funnel.rows[0]?.[0]).toBe('Language');
    expect(funnel.rows[0]?.[1]).toBe(first.reached.toLocaleString('en-GB'));
    for (const left of first.left.filter((l) => l.count > 0)) expect(funnel.rows[0]?.[2]).toContain(left.count.toLocaleString('en-GB'));
  });

  it('writes service time in minutes, each day by its weekday, and the open hours used', () => {
    const report = reportFixture();
    report.serviceTime.medianS = 270;
    report.throughput.utilisation = 0.25;
    report.throughput.openHours = 3240;
    const { serviceTime, throughput } = chartTables('en', report);
    expect(serviceTime.rows[0]?.[1]).toBe('4.5 min');
    expect(throughput.rows.map((r) => r[0])).toEqual(['Mon 30 Nov', 'Tue 1 Dec', 'Wed 2 Dec', 'Thu 3 Dec', 'Fri 4 Dec', 'Sat 5 Dec', 'Sun 6 Dec']);
    expect(throughput.note).toBe('Time in journeys over the open hours: 25% of 3,240 h.');
  });

  it('prints fees in tenge, the arrival delay as a duration, and an empty section as no rows', () => {
    const report = reportFixture();
    report.fees = { paid: { journeys: 2, tiyn: 786_400 }, exempt: { journeys: 1 }, deferred: { journeys: 0, tiyn: 0 } };
    report.offline.arrival = { applications: 3, medianS: 30, p95S: 600, maxS: 7_500 };
    report.refusals = [];
    const tables = sectionTables('ru', report);
    expect(cells(byId(tables, 'fees'))).toEqual([
      ['оплачена', '2', '7 864,00 ₸'],
      ['освобождены', '1', '—'],
      ['отложена', '0', '0,00 ₸'],
    ]);
    expect(cells(byId(tables, 'arrival'))).toEqual([['3', '< 1 мин', '10 мин', '2 ч 5 мин']]);
    expect(byId(tables, 'refusals').rows).toEqual([]);
  });

  it("lists the week's problems with their status, and names a device a newer kiosk reports by its code", () => {
    const report = reportFixture();
    report.deviceFaults = [{ device: 'printer', code: 'paper_out', count: 4 }, { device: 'fingerprint', code: 'missing', count: 1 }];
    const tables = sectionTables('kk', report);
    expect(cells(byId(tables, 'device-faults'))).toEqual([['принтер', 'paper_out', '4'], ['fingerprint', 'missing', '1']]);
    const problem = report.problems[0]!;
    const row = byId(tables, 'problems').rows[0]!;
    expect(row.slice(1)).toEqual([problem.centreId, problem.terminalId ?? '—', 'жабдық', 'филиал', problem.description, problem.actionTaken, 'шешілді']);
    // A category a newer back office adds reads as its code.
    report.problems[0] = { ...problem, category: 'weather' };
    expect(byId(sectionTables('kk', report), 'problems').rows[0]![3]).toBe('weather');
  });
});
