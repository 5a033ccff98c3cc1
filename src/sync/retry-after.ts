/**
 * Seconds from a Retry-After header (RFC 9110 §10.2.3). The back office sends whole seconds; an
 * HTTP-date (a proxy's) is read against `now`. Anything else is no advice at all: null.
 */
export function retryAfterSeconds(header: string | null, now: Date = new Date()): number | null {
  if (header === null) return null;
  const value = header.trim();
  if (/^\d{1,9}$/.test(value)) return Number(value);
  const at = Date.parse(value);
  if (!/[a-z]/i.test(value) || Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}
