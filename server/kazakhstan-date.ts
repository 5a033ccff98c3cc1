// Kazakhstan has kept one time zone, UTC+5, since 1 March 2024; "today" for a tariff or an expiry
// is the date there, whatever the server's own zone is.
const KAZAKHSTAN_OFFSET_MS = 5 * 60 * 60 * 1000;

export function kazakhstanDate(instant: Date): string {
  return new Date(instant.getTime() + KAZAKHSTAN_OFFSET_MS).toISOString().slice(0, 10);
}
