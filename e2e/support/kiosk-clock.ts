// The e2e run lives on a fixed day, so no verdict changes with the real date: the shared back
// office starts its clock there (BACK_OFFICE_CLOCK, playwright.config.ts) and every kiosk page is
// set to the back office's time, as a terminal's NTP would set it. Fees, ages, ready-by dates and
// signed requests then agree between the two, whatever day CI runs on.
import type { BrowserContext } from '@playwright/test';

/** A Monday in a year whose MRP and holidays are known (server/reference-data), at opening time. */
export const E2E_CLOCK = '2026-06-15T09:00:00+05:00';

/** E2E_CLOCK's day in Kazakhstan: the day the back office seeds its citizens on. */
export const E2E_DAY = E2E_CLOCK.slice(0, 10);

/** The back office's clock now, from its Date header (to the second). */
async function backOfficeNow(baseURL: string): Promise<number> {
  const response = await fetch(new URL('/api/v1/health', baseURL));
  const date = response.headers.get('date');
  if (!date) throw new Error(`the back office at ${baseURL} sent no Date header`);
  return Date.parse(date);
}

/**
 * Sets the wall clock of every page in `context` to the back office's. Only `Date` moves:
 * timers, performance.now() and animation frames keep real time, so the camera steps' time limits
 * are what a kiosk has (Playwright's clock.install fakes those too, and the liveness sequence's
 * limits under it failed on two loaded cores). Workers keep the real clock; none of them dates
 * anything the back office judges.
 */
export async function setKioskClock(context: BrowserContext, baseURL: string): Promise<void> {
  const offsetMs = (await backOfficeNow(baseURL)) - Date.now();
  await context.addInitScript((offset: number) => {
    const RealDate = Date;
    const now = () => RealDate.now() + offset;
    // A function, not a class: Date() called without `new` gives a string, and must still work.
    function KioskDate(this: unknown, ...args: unknown[]): unknown {
      if (!new.target) return new RealDate(now()).toString();
      return args.length === 0 ? new RealDate(now()) : new (RealDate as unknown as new (...a: unknown[]) => Date)(...args);
    }
    KioskDate.prototype = RealDate.prototype;
    Object.assign(KioskDate, { now, parse: RealDate.parse, UTC: RealDate.UTC });
    Object.defineProperty(globalThis, 'Date', { value: KioskDate, writable: true, configurable: true });
  }, offsetMs);
}
