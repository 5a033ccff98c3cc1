import { describe, expect, it } from 'vitest';
import { PDFParse } from 'pdf-parse';
import { reportPdf } from './report-pdf';
import { fontRuns, svgTextAsOutlines } from './report-fonts';
import { throughputChart } from '../../src/reports/report-charts';
import { reportChartSvg } from '../../src/reports/report-echarts';
import { REPORT_TEXTS } from './report-texts';
import { reportFixture } from '../../src/reports/report-fixture';

async function pdfText(bytes: Buffer): Promise<{ text: string; pages: number }> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    const result = await parser.getText();
    return { text: result.text, pages: result.total };
  } finally {
    await parser.destroy();
  }
}

/** Digits as pdf-parse reads them: group separators (no-break spaces) may come out as any space or none. */
const squeeze = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, '');

describe('fontRuns', () => {
  it('sets Kazakh letters in the face that has them, and the rest in as few runs as it can', () => {
    const runs = fontRuns('Қазақстан 2026 ₸');
    expect(runs.map((r) => r.text).join('')).toBe('Қазақстан 2026 ₸');
    expect(new Set(runs.map((r) => r.font)).size).toBeGreaterThan(1);
    expect(runs.find((r) => r.text.includes('Қ'))?.font).toBe('NotoSans-cyrillic-ext');
    expect(runs.find((r) => r.text.includes('₸'))?.font).toBe('NotoSans-latin-ext');
  });
});

describe('svgTextAsOutlines', () => {
  it('draws every text of a chart as an outline in place, keeping its colour and position', () => {
    const svg = reportChartSvg(throughputChart(reportFixture(), REPORT_TEXTS.kk.charts), 720, 320);
    const texts = svg.match(/<text\b/g)?.length ?? 0;
    expect(texts).toBeGreaterThan(5);
    const outlined = svgTextAsOutlines(svg);
    expect(outlined).not.toMatch(/<text\b/);
    const glyphs = [...outlined.matchAll(/<path d="(M[^"]+)" transform="[^"]+" fill="[^"]+"\/>/g)];
    expect(glyphs).toHaveLength(texts);
  });
});

// Making a PDF takes a second or two on a shared machine; the default 5 s is too near.
describe('reportPdf', { timeout: 60_000 }, () => {
  const report = reportFixture();

  it('makes a PDF in Kazakh whose text holds the title with Kazakh letters, the scope and the numbers', async () => {
    const bytes = await reportPdf(report, 'kk');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text, pages } = await pdfText(bytes);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain('Пилоттың апталық есебі');
    expect(text).toContain('Қазақстан');
    expect(text).toContain('Мәселелер тізілімі');
    expect(text).toContain('2026-W49');
    const digits = squeeze(text);
    expect(digits).toContain(String(report.journeys.started));
    expect(digits).toContain(String(report.journeys.applications));
    for (const step of report.funnel) expect(digits).toContain(String(step.reached));
    // The problems register, word for word.
    expect(squeeze(text)).toContain(squeeze('Передано в отдел полиции'));
    // Its category and status in words, not codes.
    expect(squeeze(text)).toContain(squeeze('жабдық (филиал)'));
    expect(squeeze(text)).toContain(squeeze('шешілді'));
  });

  it('makes the same report in Russian', async () => {
    const { text } = await pdfText(await reportPdf(report, 'ru'));
    expect(text).toContain('Еженедельный отчёт пилота');
    expect(text).toContain('Казахстан');
    expect(text).toContain('Реестр проблем');
    expect(text).not.toContain('Пилоттың');
    expect(squeeze(text)).toContain(String(report.throughput.days[0]!.applications));
  });

  it('prints an empty week with dashes, not zeros or a failure', async () => {
    const empty = reportFixture({ terminals: 0 });
    empty.serviceTime = { measured: 0, medianS: null, p90S: null, over5MinShare: null };
    empty.problems = [];
    empty.throughput.perTerminalDay = null;
    empty.throughput.perTerminalMonth = null;
    const { text } = await pdfText(await reportPdf(empty, 'ru'));
    expect(text).toContain('—');
    expect(text).toContain('Реестр проблем');
  });
});
