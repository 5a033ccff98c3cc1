// Kazakhstan's individual identification number (ИИН): YYMMDD, a century-and-sex digit, a
// four-digit serial and a control digit.
import { isValidDate, parseIsoDate, toIsoDate } from './dates';

export type IinErrorReason = 'length' | 'not_digits' | 'date' | 'century' | 'checksum';

export type IinResult =
  | { ok: true; iin: string; birthDate: string /* YYYY-MM-DD */; sex: 'M' | 'F' }
  | { ok: false; reason: IinErrorReason };

const IIN_LENGTH = 12;
const FIRST_PASS_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const SECOND_PASS_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;
const CENTURY_BY_DIGIT: Readonly<Record<string, number>> = { '1': 1800, '2': 1800, '3': 1900, '4': 1900, '5': 2000, '6': 2000 };
const NOT_DIGITS = /\D/;

function weightedSum(digits: string, weights: readonly number[]): number {
  let sum = 0;
  weights.forEach((weight, i) => {
    sum += Number(digits[i]) * weight;
  });
  return sum % 11;
}

/** The control digit for the first eleven digits, or null when both passes give 10 (such numbers are never issued). */
export function iinControlDigit(first11: string): number | null {
  if (first11.length !== 11 || NOT_DIGITS.test(first11)) {
    throw new RangeError(`iinControlDigit needs 11 digits, got ${JSON.stringify(first11)}`);
  }
  const first = weightedSum(first11, FIRST_PASS_WEIGHTS);
  if (first !== 10) return first;
  const second = weightedSum(first11, SECOND_PASS_WEIGHTS);
  return second === 10 ? null : second;
}

// Non-digits are reported before the length: a letter in a short input is the more useful thing to say.
export function parseIin(input: string): IinResult {
  if (NOT_DIGITS.test(input)) return { ok: false, reason: 'not_digits' };
  if (input.length !== IIN_LENGTH) return { ok: false, reason: 'length' };
  // The century comes before the date because 29 February depends on it (1900 was not a leap year, 2000 was).
  const century = CENTURY_BY_DIGIT[input.charAt(6)];
  if (century === undefined) return { ok: false, reason: 'century' };
  const year = century + Number(input.slice(0, 2));
  const month = Number(input.slice(2, 4));
  const day = Number(input.slice(4, 6));
  if (!isValidDate(year, month, day)) return { ok: false, reason: 'date' };
  if (iinControlDigit(input.slice(0, 11)) !== Number(input.charAt(11))) return { ok: false, reason: 'checksum' };
  return {
    ok: true,
    iin: input,
    birthDate: toIsoDate(year, month, day),
    sex: Number(input.charAt(6)) % 2 === 1 ? 'M' : 'F',
  };
}

/**
 * The check run as the citizen types: only problems no further digit can cure, so the kiosk never
 * scolds a number that is merely unfinished.
 */
export function partialIinProblem(typed: string): IinErrorReason | null {
  if (NOT_DIGITS.test(typed)) return 'not_digits';
  if (typed.length > IIN_LENGTH) return 'length';
  if (typed.length === IIN_LENGTH) {
    const result = parseIin(typed);
    return result.ok ? null : result.reason;
  }
  if (typed.length >= 3 && !monthPossible(typed.slice(2, 4))) return 'date';
  if (typed.length >= 7 && CENTURY_BY_DIGIT[typed.charAt(6)] === undefined) return 'century';
  if (typed.length >= 5 && !dayPossible(typed)) return 'date';
  return null;
}

/** Whether a typed month prefix ("1", "13", "0") can still become 01–12. */
function monthPossible(month: string): boolean {
  if (month.length === 1) return month === '0' || month === '1';
  const value = Number(month);
  return value >= 1 && value <= 12;
}

/**
 * Whether YYMMD or YYMMDD can still be a date in some century. Until the century digit is typed,
 * 29 February is allowed whenever one of the three centuries makes the year a leap year; after it,
 * that century decides.
 */
function dayPossible(typed: string): boolean {
  const yy = Number(typed.slice(0, 2));
  const month = Number(typed.slice(2, 4));
  const dayDigits = typed.slice(4, 6);
  const days = dayDigits.length === 2 ? [Number(dayDigits)] : Array.from({ length: 10 }, (_, unit) => Number(dayDigits) * 10 + unit);
  const typedCentury = typed.length >= 7 ? CENTURY_BY_DIGIT[typed.charAt(6)] : undefined;
  const centuries = typedCentury === undefined ? [1800, 1900, 2000] : [typedCentury];
  return centuries.some((century) => days.some((day) => isValidDate(century + yy, month, day)));
}

/** Full years between a birth date and a day. One born on 29 February turns a year older on 1 March in common years. */
export function ageOn(birthDate: string, today: string): number {
  const birth = parseIsoDate(birthDate);
  const now = parseIsoDate(today);
  const hadBirthday = now.month > birth.month || (now.month === birth.month && now.day >= birth.day);
  return now.year - birth.year - (hadBirthday ? 0 : 1);
}
