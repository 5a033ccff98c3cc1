import { describe, expect, it } from 'vitest';
import { downloadHref, pageQuery, readPageQuery, reportPath } from './report-query';

const w49 = { year: 2026, week: 49 };

describe("the report's addresses", () => {
  it('asks the staff API for the week and scope, in the format wanted', () => {
    expect(reportPath(w49, 'centre:AST-ESIL', 'json')).toBe('/reports/weekly?week=2026-W49&scope=centre%3AAST-ESIL&format=json');
  });

  it("downloads the PDF in the console's language, Russian for English, and the CSV as it is", () => {
    expect(downloadHref(w49, 'country', 'pdf', 'kk')).toBe('/api/v1/staff/reports/weekly?week=2026-W49&scope=country&format=pdf&lang=kk');
    expect(downloadHref(w49, 'country', 'pdf', 'en')).toBe('/api/v1/staff/reports/weekly?week=2026-W49&scope=country&format=pdf&lang=ru');
    expect(downloadHref(w49, 'country', 'csv', 'kk')).toBe('/api/v1/staff/reports/weekly?week=2026-W49&scope=country&format=csv');
  });

  it("keeps the week and scope in the page's address and reads them back, dropping what is malformed", () => {
    expect(readPageQuery(pageQuery({ year: 2026, week: 53 }, 'terminal:KIOSK-1'))).toEqual({ week: { year: 2026, week: 53 }, scope: 'terminal:KIOSK-1' });
    expect(readPageQuery('?week=2027-W53&scope=planet:earth')).toEqual({ week: null, scope: null });
    expect(readPageQuery('')).toEqual({ week: null, scope: null });
  });
});
