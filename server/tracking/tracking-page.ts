import type { Lang } from '../../src/protocol/common';
import { TRACKING_LANGS } from './tracking-lang';
import { DEFERRED_CHECKS, type DeferredCheck } from '../../src/protocol/packets';
import type { ApplicationStatus } from '../repositories/applications';
import type { CheckOutcome } from '../sync/deferred-checks';
import { TRACKING_TEXTS, type PaymentWait, type TrackingTexts } from './tracking-texts';

/*
 * The citizen's tracking page as HTML, from what the back office holds: pure, so every status in
 * every language is tested without a server. Everything that comes from data is escaped; the page
 * has no script and no inline style (the CSP allows neither), so it works on any phone's browser.
 */

/** Where the page's only stylesheet is served (routes/tracking-page.ts). */
export const TRACKING_STYLESHEET = '/track/page.css';

/** What the page shows of an application: nothing personal but the masked name. */
export interface TrackedApplication {
  number: string;
  status: ApplicationStatus;
  readyBy: string;
  test: boolean;
  /** "Айгерим Б***** К." (src/domain/application.ts maskName); null when the registry cannot say. */
  maskedName: string | null;
  /** The latest outcome of each deferred check made so far (none before the checks have run). */
  checks: readonly CheckOutcome[];
}

const PAYMENT_WAITS: ReadonlySet<string> = new Set<PaymentWait>(['payment_awaited', 'fee_unknown', 'fee_due']);

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** 'YYYY-MM-DD' as the receipt prints it: DD.MM.YYYY. */
function formatDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}`;
}

/** The page of one application, in `lang`, with links to the same page in the other languages. */
export function applicationPage(application: TrackedApplication, lang: Lang): string {
  const t = TRACKING_TEXTS[lang];
  const { number, status } = application;
  const parts = [
    application.test ? `<p class="test">${escapeHtml(t.testBanner)}</p>` : '',
    `<h1>${escapeHtml(t.application(number))}</h1>`,
    application.maskedName ? `<p class="name">${escapeHtml(application.maskedName)}</p>` : '',
    `<p class="status ${status}" data-status="${status}"><strong>${escapeHtml(t.status[status].label)}</strong><br>${escapeHtml(t.status[status].explanation)}</p>`,
    status === 'rejected' || status === 'issued' || status === 'withdrawn'
      ? ''
      : `<p class="ready-by">${escapeHtml(t.readyBy)}: <strong data-field="ready-by">${escapeHtml(formatDate(application.readyBy))}</strong></p>`,
    status === 'pending_checks' ? checksSection(application.checks, t) : '',
    todoSection(application, t),
  ];
  // Relative: the page is always one segment under .../track/, also behind a proxy that serves the
  // back office under a path prefix of PUBLIC_URL.
  return page(lang, `${t.title} ${number}`, parts.join('\n'), encodeURIComponent(number), 'page.css');
}

function checksSection(checks: readonly CheckOutcome[], t: TrackingTexts): string {
  const items = DEFERRED_CHECKS.map((check) => {
    const outcome = checks.find((o) => o.check === check)?.outcome;
    const [state, word] = outcome === 'passed' ? ['done', t.checkDone] : outcome === 'pending' ? ['waiting', t.checkWaiting] : ['checking', t.checkInProgress];
    return `<li class="${state}" data-check="${check}" data-state="${state}">${escapeHtml(t.check[check])}: <strong>${escapeHtml(word)}</strong></li>`;
  });
  return `<h2>${escapeHtml(t.checksHeading)}</h2><ul class="checks">${items.join('')}</ul>`;
}

/** What the citizen must do now: pay, wait, collect, or go to a centre about a refusal. */
function todoSection(application: TrackedApplication, t: TrackingTexts): string {
  const todo = (text: string) => `<h2>${escapeHtml(t.todoHeading)}</h2><p class="todo" data-field="todo">${escapeHtml(text)}</p>`;
  switch (application.status) {
    case 'pending_checks': {
      const wait = application.checks.find((o) => o.check === 'payment' && o.outcome === 'pending')?.code;
      return todo(wait && PAYMENT_WAITS.has(wait) ? t.payment[wait as PaymentWait](application.number) : t.nothingToDo);
    }
    case 'rejected':
      return todo(`${refusal(application.checks, t)}. ${t.refusedTodo}`);
    case 'ready':
      return todo(t.collect);
    case 'in_review':
    case 'accepted':
    case 'in_production':
      return todo(t.nothingToDo);
    case 'issued':
    case 'withdrawn':
      return '';
  }
}

/** The check that refused it, in journey order; a refusal with no failed check was a person's decision. */
function refusal(checks: readonly CheckOutcome[], t: TrackingTexts): string {
  const failed: DeferredCheck | undefined = DEFERRED_CHECKS.find((check) => checks.some((o) => o.check === check && o.outcome === 'failed'));
  const reason = failed ? t.refusedBecause[failed] : t.refusedOther;
  return reason.charAt(0).toUpperCase() + reason.slice(1);
}

/** An unknown or malformed number: said plainly, with what to check. */
export function notFoundPage(lang: Lang): string {
  const t = TRACKING_TEXTS[lang];
  return page(lang, t.notFoundTitle, `<h1>${escapeHtml(t.notFoundTitle)}</h1><p>${escapeHtml(t.notFound)}</p><p>${escapeHtml(t.notFoundHint)}</p>`, null, TRACKING_STYLESHEET);
}

/** The address asked too often (ADDRESS_LIMITS.tracking); the minutes are rounded up. */
export function tooManyPage(lang: Lang, retryAfterS: number): string {
  const t = TRACKING_TEXTS[lang];
  return page(lang, t.tooManyTitle, `<h1>${escapeHtml(t.tooManyTitle)}</h1><p>${escapeHtml(t.tooMany(Math.max(1, Math.ceil(retryAfterS / 60))))}</p>`, null, TRACKING_STYLESHEET);
}

/** A POST or any other method but GET: the page has nothing to change. */
export function methodPage(lang: Lang): string {
  const t = TRACKING_TEXTS[lang];
  return page(lang, t.methodTitle, `<h1>${escapeHtml(t.methodTitle)}</h1><p>${escapeHtml(t.method)}</p>`, null, TRACKING_STYLESHEET);
}

/** The links to the page in each language, relative to it; `path` null on pages that have no address of their own to offer. */
function languageLinks(current: Lang, path: string | null): string {
  if (path === null) return '';
  const links = TRACKING_LANGS.map((lang) =>
    lang === current
      ? `<span lang="${lang}" aria-current="page">${escapeHtml(TRACKING_TEXTS[lang].langName)}</span>`
      : `<a href="${escapeHtml(`${path}?lang=${lang}`)}" hreflang="${lang}" lang="${lang}">${escapeHtml(TRACKING_TEXTS[lang].langName)}</a>`,
  );
  return `<nav class="langs">${links.join(' ')}</nav>`;
}

/** `stylesheet`: relative on the application's page, absolute on the refusals, which may be at any depth. */
function page(lang: Lang, title: string, body: string, path: string | null, stylesheet: string): string {
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${stylesheet}"></head>
<body><main>
${languageLinks(lang, path)}
${body}
</main></body></html>
`;
}

/** Large type and one column: read on a phone, at arm's length, in a queue. */
export const TRACKING_CSS = `html{font:20px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111;background:#fff;-webkit-text-size-adjust:100%}
body{margin:0}main{max-width:34rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.15rem;margin:1.25rem 0 .4rem}
.langs{display:flex;gap:1.25rem;flex-wrap:wrap;align-items:center;font-size:1rem}.langs a,.langs span{padding:.6rem 0}
.langs [aria-current]{font-weight:bold}
.name{font-size:1.1rem;margin:.25rem 0}
.status{border-left:.5rem solid #1a5fb4;background:#eef4fb;padding:.75rem 1rem;font-size:1.1rem}
.status strong{font-size:1.35rem}
.status.accepted,.status.ready,.status.issued{border-color:#1e7b34;background:#edf7ef}
.status.rejected{border-color:#b00020;background:#fbeff1}
.ready-by strong{font-size:1.25rem;white-space:nowrap}
.checks{list-style:none;padding:0;margin:0}.checks li{padding:.3rem 0}
.checks li.done strong{color:#1e7b34}.checks li.waiting strong{color:#b05a00}
.test{background:#b00020;color:#fff;padding:.5rem 1rem;font-weight:bold}
`;
