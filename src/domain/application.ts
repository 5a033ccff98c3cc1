// The application as the citizen sees it: its number, when the document will be ready, their name on the receipt.
import { DomainError } from './domain-error';
import { addDays, kazakhstanDate, parseIsoDate } from './dates';
import { holidayCalendarKnown, isWorkingDay, KURBAN_AIT, type KurbanAitByYear } from './holidays';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Crockford's base32: no I, L, O or U, so the number survives being read aloud or copied by hand. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * "XXXX-XXXX-XXXX" from the first 60 bits (15 hex digits) of the application's uuid, so the kiosk
 * makes it offline and it is the same on every retry. For a v4 uuid the 13th hex digit is the
 * version, so 56 of the 60 bits are random: a collision is likely only after ~2^28 applications,
 * and the back office still keys applications on the uuid.
 */
export function applicationNumber(id: string): string {
  const uuid = id.toLowerCase();
  if (!UUID.test(uuid)) throw new DomainError('invalid_uuid', `not a uuid: ${JSON.stringify(id)}`);
  let bits = BigInt(`0x${uuid.replace(/-/g, '').slice(0, 15)}`);
  const chars: string[] = [];
  for (let i = 0; i < 12; i++) {
    chars.unshift(CROCKFORD.charAt(Number(bits & 31n)));
    bits >>= 5n;
  }
  const text = chars.join('');
  return `${text.slice(0, 4)}-${text.slice(4, 8)}-${text.slice(8)}`;
}

/** Working days to make a document, counted from the day after the application. */
export const PRODUCTION_WORKING_DAYS = 15;

export interface DueDate {
  readyBy: string; // YYYY-MM-DD
  /**
   * Years the count ran through without their holiday calendar (Kurban ait not yet decreed): the
   * date takes the fixed holidays only and may come a day early, so the application is flagged for
   * a person to confirm. Empty when every year was known.
   */
  yearsWithoutCalendar: number[];
}

/**
 * The `workingDays`-th working day after `from` (the day of application does not count), and which
 * years it counted blind, with the Kurban ait dates of the reference data in force on `from`.
 */
export function dueDate(from: string, workingDays = PRODUCTION_WORKING_DAYS, kurbanAitByYear: KurbanAitByYear = KURBAN_AIT): DueDate {
  parseIsoDate(from);
  if (!Number.isInteger(workingDays) || workingDays < 0) throw new RangeError(`workingDays must be a whole number ≥ 0, got ${workingDays}`);
  const blind = new Set<number>();
  let date = from;
  for (let left = workingDays; left > 0; ) {
    date = addDays(date, 1);
    const year = Number(date.slice(0, 4));
    if (!holidayCalendarKnown(year, kurbanAitByYear)) blind.add(year);
    if (isWorkingDay(date, kurbanAitByYear)) left--;
  }
  return { readyBy: date, yearsWithoutCalendar: [...blind] };
}

/** The day the document is due: the `workingDays`-th working day after `from` (the day of application does not count). */
export function readyBy(from: string, workingDays = PRODUCTION_WORKING_DAYS): string {
  return dueDate(from, workingDays).readyBy;
}

/**
 * The due day of an application made at `createdAt` (ISO date-time): counted from that day in
 * Kazakhstan, so the receipt the kiosk prints and the back office's record agree, however late
 * the packet arrives. Never throws for a year without its calendar (see DueDate).
 */
export function dueDateOfApplication(createdAt: string, kurbanAitByYear: KurbanAitByYear = KURBAN_AIT): DueDate {
  return dueDate(kazakhstanDate(new Date(createdAt)), PRODUCTION_WORKING_DAYS, kurbanAitByYear);
}

export function readyByOfApplication(createdAt: string): string {
  return dueDateOfApplication(createdAt).readyBy;
}

/** Five asterisks whatever the surname's length: the length itself would help to guess it. */
const SURNAME_MASK = '*****';

function firstLetter(word: string): string {
  return (Array.from(word.trim())[0] ?? '').toLocaleUpperCase('ru');
}

/**
 * "Айгерим Б***** К.": the receipt is handed over, dropped and left in public, so it carries what
 * lets its owner recognise it — the given name — and no more than initials of the rest, which
 * together with the given name would identify the person.
 */
export function maskName(surname: string, givenName: string, patronymic: string | null): string {
  const parts = [givenName.trim(), `${firstLetter(surname)}${SURNAME_MASK}`];
  const patronymicInitial = patronymic === null ? '' : firstLetter(patronymic);
  if (patronymicInitial !== '') parts.push(`${patronymicInitial}.`);
  return parts.join(' ');
}
