import { dueDateOfApplication } from '../../src/domain/application';
import { BUILT_IN_REFERENCE_DATA, kurbanAitOf } from '../../src/domain/reference-data';
import type { ReferenceData } from '../../src/protocol/reference-data';

/** What the packet intake stores of an application's due date, and why staff should look at it. */
export interface StoredDueDate {
  readyBy: string;
  reviewReasons: string[];
}

/**
 * The ready-by date the kiosk printed, counted from the day the application was made, with the
 * holidays of the reference data in force on that day (server/repositories/reference-data.ts). A year
 * without its holiday calendar (Kurban ait not yet decreed) never fails the packet: the count
 * takes that year's fixed holidays, the application is flagged for a person to confirm the date
 * ('ready_by_without_holidays_<year>'), and the log says which calendar to enter.
 */
export function storedDueDate(createdAt: string, log: { warn(obj: object, msg: string): void }, referenceData: ReferenceData = BUILT_IN_REFERENCE_DATA): StoredDueDate {
  const { readyBy, yearsWithoutCalendar } = dueDateOfApplication(createdAt, kurbanAitOf(referenceData));
  if (yearsWithoutCalendar.length > 0) {
    log.warn({ createdAt, readyBy, yearsWithoutCalendar }, 'ready-by date counted without the holiday calendar of a year: flagged for review');
  }
  return { readyBy, reviewReasons: yearsWithoutCalendar.map((year) => `ready_by_without_holidays_${year}`) };
}
