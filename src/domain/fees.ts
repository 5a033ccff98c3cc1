// The state fee (госпошлина). Figures are effective-dated data: a new MRP or tariff is a new row,
// and an application keeps the fee of the day it was made.
import type { DocumentKind, ServiceCode } from '../protocol';
import type { TARIFF_RULES } from '../protocol/reference-data';
import { DomainError } from './domain-error';
import { parseIsoDate } from './dates';

/**
 * The monthly calculation index (МРП) in tenge, set yearly by the budget law: the figures this
 * build ships with, used by a kiosk that has not yet fetched a signed version of the reference data
 * (src/domain/reference-data.ts). Admins enter new figures as versions without a release; a year
 * missing from the version in use defers the fee (quoteFee), never refuses it.
 */
export type MrpByYear = Readonly<Record<number, number>>;
export const MRP_BY_YEAR: MrpByYear = { 2024: 3692, 2025: 3932, 2026: 4325 };

export type TariffRule = (typeof TARIFF_RULES)[number];

export interface TariffRow {
  from: string; // YYYY-MM-DD, in force from this day until a later row of the same rule
  document: DocumentKind;
  rule: TariffRule;
  mrp: number;
}

/**
 * Tax Code of 2026: ID card 0.2 MRP; ID card lost more than twice in a year 1 MRP; passport of
 * 36 pages 8 MRP (the 24-page child's passport never applies: the kiosk serves those 16 and over);
 * replacement of an ID card on expiry is exempt. Rows before 2026 are not known here, so earlier
 * dates are refused rather than guessed. The built-in rows, as MRP_BY_YEAR.
 */
export const TARIFF: readonly TariffRow[] = [
  { from: '2026-01-01', document: 'id_card', rule: 'id_card', mrp: 0.2 },
  { from: '2026-01-01', document: 'id_card', rule: 'id_card_lost_repeatedly', mrp: 1 },
  { from: '2026-01-01', document: 'id_card', rule: 'id_card_on_expiry', mrp: 0 },
  { from: '2026-01-01', document: 'passport', rule: 'passport_adult_36', mrp: 8 },
];

export interface Fee {
  exempt: boolean;
  mrp: number;
  /** Integer tiyn (1 ₸ = 100 tiyn): 0.2 MRP of 3,932 ₸ is 78,640 tiyn, 786.40 ₸, which whole tenge would lose. */
  amountTiyn: number;
  rule: string; // "<rule>@<from>": the row applied, stable for audits
}

export interface FeeInput {
  service: ServiceCode;
  document: DocumentKind;
  on: string; // YYYY-MM-DD
  lostIdCardsThisYear: number;
}

/** "Lost more than twice in a year": the count is the registry's, including a loss declared with this application. */
const LOST_ID_CARDS_ALLOWED = 2;

function ruleFor(input: FeeInput): TariffRule {
  if (input.document === 'passport') return 'passport_adult_36';
  if (input.service === '18') return 'id_card_on_expiry';
  // Only a replacement for a lost card (09) is charged more; other reasons keep the ordinary fee.
  if (input.service === '09' && input.lostIdCardsThisYear > LOST_ID_CARDS_ALLOWED) return 'id_card_lost_repeatedly';
  return 'id_card';
}

/**
 * A fee whose rule is known but whose year's MRP is not yet (1 January, before the new figure is
 * entered): the application goes on, and the back office settles the fee and tells the citizen
 * the amount by SMS once the MRP is there. An exempt rule is never deferred: 0 MRP is 0 tenge.
 */
export interface DeferredFee {
  exempt: false;
  mrp: number;
  amountTiyn: null;
  rule: string;
  /** The year whose MRP is awaited. */
  year: number;
}

function tariffRow(input: FeeInput, rule: TariffRule, tariff: readonly TariffRow[]): TariffRow {
  let row: TariffRow | undefined;
  for (const candidate of tariff) {
    if (candidate.rule === rule && candidate.document === input.document && candidate.from <= input.on && (row === undefined || candidate.from > row.from)) {
      row = candidate;
    }
  }
  if (row === undefined) throw new DomainError('no_tariff', `no tariff for ${rule} on ${input.on}`);
  return row;
}

/**
 * The fee of the day, or a deferred one when `mrpByYear` has no figure for that year. The figures
 * are those of the reference data in force on that day (src/domain/reference-data.ts quoteFeeWith);
 * the built-in ones by default.
 */
export function quoteFee(input: FeeInput, mrpByYear: MrpByYear = MRP_BY_YEAR, tariff: readonly TariffRow[] = TARIFF): Fee | DeferredFee {
  const { year } = parseIsoDate(input.on);
  const row = tariffRow(input, ruleFor(input), tariff);
  const rule = `${row.rule}@${row.from}`;
  if (row.mrp === 0) return { exempt: true, mrp: 0, amountTiyn: 0, rule };
  const mrpValue = mrpByYear[year];
  if (mrpValue === undefined) return { exempt: false, mrp: row.mrp, amountTiyn: null, rule, year };
  return { exempt: false, mrp: row.mrp, amountTiyn: mrpShareInTiyn(row.mrp, mrpValue), rule };
}

/** Tariff rows name MRP shares to a thousandth at most (0.2, 0.5, 1, 8): a finer one is a data error. */
const MRP_SHARE_SCALE = 1000;

/**
 * `share` × `mrpKzt` in tiyn, in integers: the share in thousandths times the MRP in whole tenge is
 * exact, so no float noise decides a tiyn (0.2 × 3,932 × 100 is 78,640.00000000001 in floats). A
 * result between two tiyn (not possible with today's shares) is rounded half up, as a cashier would.
 */
export function mrpShareInTiyn(share: number, mrpKzt: number): number {
  const thousandths = Math.round(share * MRP_SHARE_SCALE);
  if (!Number.isSafeInteger(mrpKzt) || mrpKzt <= 0) throw new DomainError('invalid_mrp', `the MRP must be a positive whole number of tenge, got ${mrpKzt}`);
  if (thousandths < 0 || thousandths / MRP_SHARE_SCALE !== share) {
    throw new DomainError('invalid_tariff', `a tariff share must be a non-negative multiple of 0.001 MRP, got ${share}`);
  }
  // thousandths × tenge × 100 tiyn / 1000 = thousandths × tenge / 10: an integer ending in 5 divided
  // by 10 is exactly n.5 in binary, so Math.round sees a true half and never a float's near miss.
  return Math.round((thousandths * mrpKzt) / 10);
}

/** The fee of a day whose MRP is known: for tests and tools that name the day; the journey uses quoteFee. */
export function feeFor(input: FeeInput, mrpByYear: MrpByYear = MRP_BY_YEAR): Fee {
  const fee = quoteFee(input, mrpByYear);
  if (fee.amountTiyn === null) throw new DomainError('no_mrp_for_year', `no MRP known for ${fee.year}`);
  return fee;
}

const NBSP = '\u00a0';
const TIYN_PER_TENGE = 100;

/**
 * An amount of integer tiyn as people read it: "34 600 ₸" when whole, "786,40 ₸" with tiyn (two
 * digits, never "786,4"). Groups are separated by a no-break space, which, unlike the narrow one, is
 * in the code pages receipt printers have (cp866, windows-1251). English groups with commas and
 * writes the tiyn after a dot: "34,600 ₸", "786.40 ₸".
 */
export function formatTiyn(amountTiyn: number, lang: 'kk' | 'ru' | 'en'): string {
  if (!Number.isSafeInteger(amountTiyn) || amountTiyn < 0) throw new DomainError('invalid_amount', `not a whole non-negative number of tiyn: ${amountTiyn}`);
  const tenge = Math.floor(amountTiyn / TIYN_PER_TENGE);
  const tiyn = amountTiyn % TIYN_PER_TENGE;
  const grouped = String(tenge).replace(/\B(?=(\d{3})+$)/g, lang === 'en' ? ',' : NBSP);
  const decimals = tiyn === 0 ? '' : `${lang === 'en' ? '.' : ','}${String(tiyn).padStart(2, '0')}`;
  return `${grouped}${decimals}${NBSP}₸`;
}
