import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Value } from '@sinclair/typebox/value';
import { PDFParse } from 'pdf-parse';
import { WeeklyReport } from '../../src/protocol/weekly-report';
import { registerWireFormats } from '../../src/protocol/formats';
import { createTestApp, enrolTerminal, type TestApp } from '../test-support';
import { weeklyReport } from '../reports/weekly-report';
import { asStaff, signIn, type SignedIn } from './test-staff';

const URL = '/api/v1/staff/reports/weekly';

describe('GET /staff/reports/weekly', { timeout: 60_000 }, () => {
  let t: TestApp;
  let analyst: SignedIn;
  let supervisor: SignedIn;
  let admin: SignedIn;
  beforeAll(async () => {
    t = await createTestApp({ jobs: { workers: false } });
    for (const centreId of ['AST-ESIL', 'ALA-ALMALY']) await enrolTerminal(t.app, `T-${centreId}`, centreId);
    analyst = await signIn(t.app, 'analyst');
    supervisor = await signIn(t.app, 'supervisor');
    admin = await signIn(t.app, 'admin');
  }, 60_000);
  afterAll(() => t.close(), 60_000);

  const get = (who: SignedIn, query: string) => asStaff(t.app, who, { method: 'GET', url: `${URL}?${query}` });

  it("gives an analyst the week's report as JSON, the same as the back office keeps", async () => {
    const response = await get(analyst, 'week=2026-W09&scope=country&format=json');
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json() as WeeklyReport;
    registerWireFormats();
    expect(Value.Check(WeeklyReport, report)).toBe(true);
    expect(report).toMatchObject({ week: '2026-W09', from: '2026-02-23', to: '2026-03-01', scope: 'country', scopeName: { kk: 'Қазақстан' } });
    expect(report).toEqual(await weeklyReport(t.db, '2026-W09', 'country', t.now()));
  });

  it('answers JSON when no format is named', async () => {
    const response = await get(analyst, 'week=2026-W09&scope=country');
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['content-disposition']).toBeUndefined();
  });

  it('gives the report as a CSV file to download, with a byte-order mark and every section', async () => {
    const response = await get(analyst, 'week=2026-W09&scope=centre:AST-ESIL&format=csv');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="report-2026-W09-centre-AST-ESIL.csv"');
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(response.body).toContain('\r\nfunnel\r\nstep,reached,');
    expect(response.body).toContain('\r\nproblems\r\nid,centre_id,');
  });

  it('gives the report as a PDF in Kazakh or Russian', async () => {
    const kk = await get(admin, 'week=2026-W09&scope=country&format=pdf&lang=kk');
    expect(kk.statusCode, kk.body).toBe(200);
    expect(kk.headers['content-type']).toBe('application/pdf');
    expect(kk.headers['content-disposition']).toBe('attachment; filename="report-2026-W09-country.pdf"');
    const parser = new PDFParse({ data: new Uint8Array(kk.rawPayload) });
    const text = (await parser.getText()).text;
    await parser.destroy();
    expect(text).toContain('Пилоттың апталық есебі');
    expect(text).toContain('2026-W09');
    const ru = await get(admin, 'week=2026-W09&scope=country&format=pdf');
    expect(ru.headers['content-type']).toBe('application/pdf');
    const ruParser = new PDFParse({ data: new Uint8Array(ru.rawPayload) });
    expect((await ruParser.getText()).text).toContain('Еженедельный отчёт пилота');
    await ruParser.destroy();
  });

  it.each([
    ['scope=country', 'invalid_week'],
    ['week=2026-W54', 'invalid_week'],
    ['week=2026-w09', 'invalid_week'],
    ['week=2026-W09&week=2026-W10', 'invalid_week'],
    // 2025 has 52 weeks.
    ['week=2025-W53', 'invalid_week'],
    ['week=2026-W09&scope=planet', 'invalid_scope'],
    ['week=2026-W09&scope=centre:', 'invalid_scope'],
    ['week=2026-W09&format=xlsx', 'invalid_format'],
    ['week=2026-W09&format=pdf&lang=en', 'invalid_lang'],
  ])('refuses %s with 400 %s', async (query, code) => {
    const response = await get(analyst, query);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code });
  });

  it('answers a scope that names nothing with 404 unknown_scope', async () => {
    for (const scope of ['centre:NOWHERE', 'branch:NOWHERE', 'terminal:T-NOWHERE', 'region:atlantis']) {
      const response = await get(admin, `week=2026-W09&scope=${scope}`);
      expect(response.statusCode, scope).toBe(404);
      expect(response.json()).toEqual({ code: 'unknown_scope' });
    }
  });

  it("lets a supervisor read their branch's scopes and answers any other as one that does not exist", async () => {
    for (const scope of ['branch:AST', 'region:astana', 'centre:AST-ESIL', 'terminal:T-AST-ESIL']) {
      const response = await get(supervisor, `week=2026-W09&scope=${scope}`);
      expect(response.statusCode, scope).toBe(200);
      expect((response.json() as WeeklyReport).scope).toBe(scope);
    }
    for (const scope of ['country', 'branch:ALA', 'region:almaty', 'centre:ALA-ALMALY', 'terminal:T-ALA-ALMALY', 'centre:NOWHERE']) {
      const response = await get(supervisor, `week=2026-W09&scope=${scope}&format=pdf`);
      expect(response.statusCode, scope).toBe(404);
      expect(response.json()).toEqual({ code: 'unknown_scope' });
    }
  });

  it('refuses an operator, who sees one centre and no aggregates', async () => {
    const response = await get(await signIn(t.app, 'operator'), 'week=2026-W09&scope=centre:AST-ESIL');
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'forbidden_role' });
  });
});
