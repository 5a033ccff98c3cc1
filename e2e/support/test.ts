// The `test` every spec imports: each context's pages are watched for policy violations (csp.ts)
// and set to the back office's clock (kiosk-clock.ts). Browsers a spec launches itself get the
// same with prepareContext(context, baseURL).
import { test as base, type BrowserContext } from '@playwright/test';
import { expectNoViolations, forgetViolations, watchCsp } from './csp';
import { setKioskClock } from './kiosk-clock';

export { expect } from '@playwright/test';

/** What the shared fixture does to its context, for a context a spec makes itself. */
export async function prepareContext(context: BrowserContext, baseURL: string): Promise<void> {
  await watchCsp(context);
  await setKioskClock(context, baseURL);
}

export const test = base.extend<{ cspClean: void }>({
  // Auto: set up before and torn down after everything else a test uses, its own browsers included.
  cspClean: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's needs from this pattern; this one needs none
    async ({}, use) => {
      forgetViolations();
      await use();
      expectNoViolations();
    },
    { auto: true },
  ],
  context: async ({ context, baseURL }, use) => {
    await prepareContext(context, baseURL!);
    await use(context);
  },
});
