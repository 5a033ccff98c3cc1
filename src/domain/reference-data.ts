// Which reference data counts on a day, and the fee and the ready-by date counted with it.
import { REFERENCE_DATA_FORMAT, type ReferenceData, type ReferenceDataErrorCode, type ReferenceDataFigures } from '../protocol/reference-data';
import { dueDateOfApplication, type DueDate } from './application';
import { kazakhstanDate, parseIsoDate } from './dates';
import { MRP_BY_YEAR, quoteFee, TARIFF, type DeferredFee, type Fee, type FeeInput, type MrpByYear, type TariffRow } from './fees';
import { KURBAN_AIT, type KurbanAitByYear } from './holidays';

/**
 * The figures the kiosk ships with (MRP_BY_YEAR, TARIFF, KURBAN_AIT) as version 0, in force from
 * the first day any of them covers: what a kiosk that has never fetched a signed version uses.
 */
export const BUILT_IN_REFERENCE_DATA: ReferenceData = {
  format: REFERENCE_DATA_FORMAT,
  version: 0,
  effectiveFrom: '2024-01-01',
  mrpByYear: Object.entries(MRP_BY_YEAR).map(([year, mrpKzt]) => ({ year: Number(year), mrpKzt })),
  tariff: TARIFF.map((row) => ({ ...row })),
  kurbanAit: Object.entries(KURBAN_AIT).map(([year, date]) => ({ year: Number(year), date })),
};

/**
 * The version in force on `day`: the latest-dated one whose first day has come (a later number wins
 * a tie: it corrects the other). Null when none has: the caller falls back to the built-in figures.
 */
export function referenceDataInForce<T extends Pick<ReferenceData, 'version' | 'effectiveFrom'>>(versions: readonly T[], day: string): T | null {
  let best: T | null = null;
  for (const candidate of versions) {
    if (candidate.effectiveFrom > day) continue;
    if (best === null || candidate.effectiveFrom > best.effectiveFrom || (candidate.effectiveFrom === best.effectiveFrom && candidate.version > best.version)) {
      best = candidate;
    }
  }
  return best;
}

/** Like referenceDataInForce, with the built-in figures when no version is in force yet. */
export function referenceDataOn(versions: readonly ReferenceData[], day: string): ReferenceData {
  return referenceDataInForce(versions, day) ?? BUILT_IN_REFERENCE_DATA;
}

// Derived lookups are cached per document: a document is never changed once made, and the ready-by
// date's holiday cache (src/domain/holidays.ts) is keyed by the calendar object, so it must be the same one.
const mrpCache = new WeakMap<ReferenceData, MrpByYear>();
const kurbanCache = new WeakMap<ReferenceData, KurbanAitByYear>();

export function mrpByYearOf(document: ReferenceData): MrpByYear {
  let result = mrpCache.get(document);
  if (result === undefined) {
    result = Object.freeze(Object.fromEntries(document.mrpByYear.map((row) => [row.year, row.mrpKzt])));
    mrpCache.set(document, result);
  }
  return result;
}

export function kurbanAitOf(document: ReferenceData): KurbanAitByYear {
  let result = kurbanCache.get(document);
  if (result === undefined) {
    result = Object.freeze(Object.fromEntries(document.kurbanAit.map((row) => [row.year, row.date])));
    kurbanCache.set(document, result);
  }
  return result;
}

/** The fee of `input.on` with the figures of `document` (the version in force that day). */
export function quoteFeeWith(input: FeeInput, document: ReferenceData): Fee | DeferredFee {
  return quoteFee(input, mrpByYearOf(document), document.tariff as readonly TariffRow[]);
}

/** The ready-by date of an application made at `createdAt`, with the holidays of the version in force on its day. */
export function dueDateWith(createdAt: string, versions: readonly ReferenceData[]): DueDate {
  const document = referenceDataOn(versions, kazakhstanDate(new Date(createdAt)));
  return dueDateOfApplication(createdAt, kurbanAitOf(document));
}

export interface ReferenceDataProblem {
  code: ReferenceDataErrorCode;
  /** Which row, as the admin reads it: "2027", "id_card/id_card@2027-01-01". */
  at: string;
}

/** Which document each rule is for: a passport row under an ID card's rule would never be read. */
const RULE_DOCUMENT: Record<TariffRow['rule'], TariffRow['document']> = {
  id_card: 'id_card',
  id_card_lost_repeatedly: 'id_card',
  id_card_on_expiry: 'id_card',
  passport_adult_36: 'passport',
};

const MRP_SHARE_SCALE = 1000;

/**
 * What is wrong with figures an admin entered for a version in force from `effectiveFrom`, seen on
 * `today` (the back office's day): every mistake, each with its code and row, none when they can be
 * signed. The shape (types, ranges, dates) is the wire schema's; these are the rules across rows.
 */
export function referenceDataProblems(figures: ReferenceDataFigures, effectiveFrom: string, today: string): ReferenceDataProblem[] {
  const problems: ReferenceDataProblem[] = [];
  // A day gone by was counted under the version then in force: a new one can only change days to come.
  if (effectiveFrom < today) problems.push({ code: 'effective_from_in_past', at: effectiveFrom });

  const years = new Set<number>();
  for (const row of figures.mrpByYear) {
    if (years.has(row.year)) problems.push({ code: 'mrp_year_repeated', at: String(row.year) });
    years.add(row.year);
  }

  const rows = new Set<string>();
  for (const row of figures.tariff) {
    const at = `${row.document}/${row.rule}@${row.from}`;
    const thousandths = Math.round(row.mrp * MRP_SHARE_SCALE);
    if (thousandths / MRP_SHARE_SCALE !== row.mrp) problems.push({ code: 'tariff_share_invalid', at });
    if (RULE_DOCUMENT[row.rule] !== row.document) problems.push({ code: 'tariff_rule_document_mismatch', at });
    if (rows.has(at)) problems.push({ code: 'tariff_row_repeated', at });
    rows.add(at);
  }
  for (const [rule, document] of Object.entries(RULE_DOCUMENT)) {
    if (!figures.tariff.some((row) => row.rule === rule && row.document === document)) problems.push({ code: 'tariff_rule_missing', at: `${document}/${rule}` });
  }

  const kurbanYears = new Set<number>();
  for (const row of figures.kurbanAit) {
    if (parseIsoDate(row.date).year !== row.year) problems.push({ code: 'kurban_ait_year_mismatch', at: String(row.year) });
    if (kurbanYears.has(row.year)) problems.push({ code: 'kurban_ait_year_repeated', at: String(row.year) });
    kurbanYears.add(row.year);
  }
  return problems;
}

/**
 * The figures a fee deferred on `ofDay`'s version is settled with later: that version's tariff (the
 * rule of the application's day), and its MRP of a year, or, for a year it did not know, the one the
 * version in force now gives — the figure entered since, which is what the citizen was promised by SMS.
 */
export function deferredFeeFigures(ofDay: ReferenceData, current: ReferenceData): { mrpByYear: MrpByYear; tariff: readonly TariffRow[] } {
  return { mrpByYear: { ...mrpByYearOf(current), ...mrpByYearOf(ofDay) }, tariff: ofDay.tariff as readonly TariffRow[] };
}
