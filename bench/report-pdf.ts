// The weekly report's PDF and CSV for one realistic report (src/reports/report-fixture.ts), made
// several times in one process: the first includes loading the fonts and ECharts.
// node --import tsx bench/report-pdf.ts   → last line `pdf_ms=… pdf_bytes=… csv_ms=…`
import { reportFixture } from '../src/reports/report-fixture';
import { reportCsv } from '../server/reports/report-csv';
import { reportPdf } from '../server/reports/report-pdf';

const RUNS = Number(process.env.RUNS ?? 5);
const report = reportFixture();
const times: number[] = [];
let bytes = 0;
for (let i = 0; i < RUNS; i++) {
  const start = performance.now();
  bytes = (await reportPdf(report, i % 2 === 0 ? 'kk' : 'ru')).length;
  times.push(performance.now() - start);
}
const csvStart = performance.now();
reportCsv(report);
const csvMs = performance.now() - csvStart;
const warm = times.slice(1).sort((a, b) => a - b);
console.log(`first_pdf_ms=${Math.round(times[0]!)}`);
console.log(`pdf_ms=${Math.round(warm[Math.floor(warm.length / 2)] ?? times[0]!)} pdf_bytes=${bytes} csv_ms=${csvMs.toFixed(2)}`);
