// The reference-data page's form: its rows as typed (text), made from the version in force, and turned
// back into the body of POST /api/v1/staff/reference-data — or the first thing typed that is no number or date.
import { isValidDate } from '../src/domain/dates';
import type { DocumentKind, Lang } from '../src/protocol/common';
import type { NewReferenceData, ReferenceData, TARIFF_RULES } from '../src/protocol/reference-data';
import type { ConsoleError } from './api';
import { errorText } from './error-text';
import { CONSOLE_CATALOGUES, translate, type ConsoleKey } from './i18n';

type TariffRule = (typeof TARIFF_RULES)[number];

export interface MrpField {
  year: string;
  mrpKzt: string;
}
export interface TariffField {
  from: string;
  document: DocumentKind;
  rule: TariffRule;
  mrp: string;
}
export interface KurbanField {
  year: string;
  date: string;
}
export interface ReferenceDataForm {
  effectiveFrom: string;
  note: string;
  mrpByYear: MrpField[];
  tariff: TariffField[];
  kurbanAit: KurbanField[];
}

/** The form for the next version: the figures of `base` (the version in force), from `today` unless it takes effect later. */
export function formFrom(base: ReferenceData, today: string): ReferenceDataForm {
  return {
    effectiveFrom: base.effectiveFrom > today ? base.effectiveFrom : today,
    note: '',
    mrpByYear: [...base.mrpByYear].sort((a, b) => a.year - b.year).map((row) => ({ year: String(row.year), mrpKzt: String(row.mrpKzt) })),
    tariff: base.tariff.map((row) => ({ from: row.from, document: row.document, rule: row.rule, mrp: String(row.mrp) })),
    kurbanAit: [...base.kurbanAit].sort((a, b) => a.year - b.year).map((row) => ({ year: String(row.year), date: row.date })),
  };
}

/** The next year after the last one in the rows, for an "add a year" button; this year when there are none. */
export function nextYear(rows: readonly { year: string }[], today: string): string {
  const years = rows.map((row) => Number(row.year)).filter(Number.isInteger);
  return String(years.length === 0 ? Number(today.slice(0, 4)) : Math.max(...years) + 1);
}

/** A typed entry the form refuses before sending: which key says why, and which row. */
export interface FormProblem {
  key: ConsoleKey;
  at: string;
}

const WHOLE = /^[0-9]{1,10}$/;
const SHARE = /^[0-9]{1,4}([.,][0-9]{1,3})?$/;
const DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

function isDate(text: string): boolean {
  const m = DATE.exec(text);
  return m !== null && isValidDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** The request's body, or what was typed wrong (each, with its row); the back office judges the rules across rows. */
export function formBody(form: ReferenceDataForm): { ok: true; body: NewReferenceData } | { ok: false; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  if (!isDate(form.effectiveFrom)) problems.push({ key: 'refdata.typed.date', at: form.effectiveFrom });
  for (const row of form.mrpByYear) {
    if (!WHOLE.test(row.year.trim())) problems.push({ key: 'refdata.typed.year', at: row.year });
    if (!WHOLE.test(row.mrpKzt.trim()) || Number(row.mrpKzt) <= 0) problems.push({ key: 'refdata.typed.mrp', at: row.year });
  }
  for (const row of form.tariff) {
    if (!isDate(row.from)) problems.push({ key: 'refdata.typed.date', at: row.from });
    if (!SHARE.test(row.mrp.trim())) problems.push({ key: 'refdata.typed.share', at: `${row.rule} ${row.from}` });
  }
  for (const row of form.kurbanAit) {
    if (!WHOLE.test(row.year.trim())) problems.push({ key: 'refdata.typed.year', at: row.year });
    if (!isDate(row.date)) problems.push({ key: 'refdata.typed.date', at: row.date });
  }
  if (problems.length > 0) return { ok: false, problems };
  const note = form.note.trim();
  return {
    ok: true,
    body: {
      effectiveFrom: form.effectiveFrom,
      ...(note === '' ? {} : { note }),
      mrpByYear: form.mrpByYear.map((row) => ({ year: Number(row.year), mrpKzt: Number(row.mrpKzt) })),
      tariff: form.tariff.map((row) => ({ from: row.from, document: row.document, rule: row.rule, mrp: Number(row.mrp.trim().replace(',', '.')) })),
      kurbanAit: form.kurbanAit.map((row) => ({ year: Number(row.year), date: row.date })),
    },
  };
}

/** The back office's refusal as lines the admin reads: each mistake in their language, with its row. */
export function refusalLines(lang: Lang, error: ConsoleError): string[] {
  const problems = problemsOf(error.body);
  if (problems.length === 0) return [errorText(lang, error)];
  return problems.map((problem) => {
    const key = `refdata.error.${problem.code}`;
    const text = key in CONSOLE_CATALOGUES[lang] ? translate(lang, key as ConsoleKey) : translate(lang, 'error.unknown', { code: problem.code });
    return `${text} (${problem.at})`;
  });
}

function problemsOf(body: unknown): { code: string; at: string }[] {
  if (typeof body !== 'object' || body === null || !('problems' in body) || !Array.isArray(body.problems)) return [];
  return body.problems.filter((p): p is { code: string; at: string } => typeof p === 'object' && p !== null && typeof p.code === 'string' && typeof p.at === 'string');
}
