// The kiosk runs under the back office's Content-Security-Policy and Permissions-Policy
// (server/plugins/security-headers.ts). Every test that imports `test` from here fails if a page
// it opened broke either: a `securitypolicyviolation` event, or the browser's console saying it
// refused something under the policy or did not understand the Permissions-Policy. Browsers a spec
// launches itself are watched with watchCsp(context).
// Violations inside a worker reach neither the page's events nor its console here; the face
// worker's one need, compiling wasm, is checked by e2e/face-worker.spec.ts (backend 'wasm').
import { test as base, type BrowserContext } from '@playwright/test';

export { expect } from '@playwright/test';

export interface CspViolation {
  page: string;
  /** The directive that refused it, or the console's words. */
  what: string;
  blocked?: string;
  source?: string;
}

interface ViolationEvent {
  directive: string;
  blocked: string;
  source: string;
  line: number;
  sample: string;
}

/** What the pages of the running test broke; emptied when each test starts. */
const violations: CspViolation[] = [];

const POLICY_CONSOLE = /Content Security Policy|Permissions-Policy|Permissions policy/i;

/** Records every policy violation in the context's pages, for the running test to assert none. */
export async function watchCsp(context: BrowserContext): Promise<void> {
  await context.exposeBinding('__cspViolation', ({ page }, event: ViolationEvent) => {
    violations.push({ page: page.url(), what: event.directive, blocked: event.blocked, source: `${event.source}:${event.line} ${event.sample}`.trim() });
  });
  await context.addInitScript(() => {
    const report = (window as unknown as { __cspViolation(event: ViolationEvent): void }).__cspViolation;
    document.addEventListener('securitypolicyviolation', (e) => {
      void report({ directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber, sample: e.sample });
    });
  });
  context.on('console', (message) => {
    if (POLICY_CONSOLE.test(message.text())) violations.push({ page: message.page()?.url() ?? '?', what: message.text() });
  });
}

export const test = base.extend<{ cspClean: void }>({
  // Auto: set up before and torn down after everything else a test uses, its own browsers included.
  cspClean: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's needs from this pattern; this one needs none
    async ({}, use) => {
      violations.length = 0;
      await use();
      base.expect(violations, 'the kiosk broke its Content-Security-Policy or Permissions-Policy').toEqual([]);
    },
    { auto: true },
  ],
  context: async ({ context }, use) => {
    await watchCsp(context);
    await use(context);
  },
});
