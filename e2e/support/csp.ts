// The kiosk runs under the back office's Content-Security-Policy and Permissions-Policy
// (server/plugins/security-headers.ts). Every test that imports `test` from ./test fails if a page
// it opened broke either: a `securitypolicyviolation` event, or the browser's console saying it
// refused something under the policy or did not understand the Permissions-Policy. Browsers a spec
// launches itself are watched through prepareContext(context, baseURL) in ./test.
// A dedicated worker (the face worker) has a policy and events of its own: a listener is added to
// it as soon as it starts, which says any violation on the console, which reaches the context. It
// starts a moment before the listener, so its first lines of script are not covered; what it does
// on the page's request (load the models, compile wasm) is.
import { expect, type BrowserContext } from '@playwright/test';

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
  context.on('page', (page) =>
    page.on('worker', (worker) => {
      worker
        .evaluate(() =>
          self.addEventListener('securitypolicyviolation', (e) =>
            console.error(`Content Security Policy violation in a worker: ${e.effectiveDirective} refused ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`),
          ),
        )
        .catch(() => {}); // a worker that has already ended broke nothing more
    }),
  );
  context.on('console', (message) => {
    if (POLICY_CONSOLE.test(message.text())) violations.push({ page: message.page()?.url() ?? '?', what: message.text() });
  });
}

/** Called as each test starts. */
export function forgetViolations(): void {
  violations.length = 0;
}

/** Fails the running test if any page it opened broke a policy. */
export function expectNoViolations(): void {
  expect(violations, 'the kiosk broke its Content-Security-Policy or Permissions-Policy').toEqual([]);
}
