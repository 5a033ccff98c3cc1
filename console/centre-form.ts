import { WEEKDAYS, type Branch, type Centre, type OpeningHours, type Weekday } from '../src/protocol/centres';

/** One text field a day: 'HH:MM-HH:MM', or empty for a day off. */
export type HoursForm = Record<Weekday, string>;

export function hoursForm(hours: OpeningHours): HoursForm {
  return Object.fromEntries(WEEKDAYS.map((day) => [day, hours[day] ?? ''])) as HoursForm;
}

/** The hours as the back office takes them: the days left empty are days off, not sent. */
export function hoursFromForm(form: HoursForm): OpeningHours {
  return Object.fromEntries(WEEKDAYS.flatMap((day) => (form[day].trim() ? [[day, form[day].trim()]] : [])));
}

export interface BranchWithCentres {
  branch: Branch;
  centres: Centre[];
}

/** Each branch with its centres, both in id order, as the page lists them. */
export function branchesWithCentres(branches: readonly Branch[], centres: readonly Centre[]): BranchWithCentres[] {
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return [...branches].sort(byId).map((branch) => ({ branch, centres: centres.filter((c) => c.branchId === branch.id).sort(byId) }));
}
