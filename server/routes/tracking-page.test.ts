import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readyBy } from '../../src/domain/application';
import { kazakhstanDate } from '../../src/domain/dates';
import type { Lang } from '../../src/protocol/common';
import { ADDRESS_LIMITS } from '../limits/rules';
import { SECURITY_HEADERS } from '../plugins/security-headers';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../applications/status-machine';
import type { CheckOutcome } from '../sync/deferred-checks';
import { createTestApp, enrolTerminal, offlineApplication, postSealed, TEST_START, type TestApp, type TestTerminal } from '../test-support';

// The page the receipt's QR opens on a citizen's phone (routes/tracking-page.ts), through the real
// routes: an application stored from a sealed packet, then put in each state the back office can hold.

const READY_BY = readyBy(kazakhstanDate(TEST_START));
const READY_BY_PRINTED = READY_BY.split('-').reverse().join('.');

/** What the page must say in each language: the status in words, and what to do. */
const SAYS: Record<Lang, { status: Record<ApplicationStatus, string>; pay: string; notFound: string; tooMany: string }> = {
  kk: {
    status: { pending_checks: 'Тексерілуде', in_review: 'Қызметкер қарап жатыр', accepted: 'Қабылданды', in_production: 'Құжат дайындалуда', ready: 'Құжат дайын', issued: 'Құжат берілді', rejected: 'Қабылданбады', withdrawn: 'Кері қайтарылды' },
    pay: 'Мемлекеттік бажды банк қосымшасында төлеңіз',
    notFound: 'Өтініш табылмады',
    tooMany: 'Сұраныс тым көп',
  },
  ru: {
    status: { pending_checks: 'Проверяется', in_review: 'На рассмотрении у сотрудника', accepted: 'Принято', in_production: 'Документ изготавливается', ready: 'Документ готов', issued: 'Документ выдан', rejected: 'Отклонено', withdrawn: 'Отозвано' },
    pay: 'Оплатите госпошлину в приложении банка',
    notFound: 'Заявление не найдено',
    tooMany: 'Слишком много запросов',
  },
  en: {
    status: { pending_checks: 'Being checked', in_review: 'Being reviewed by staff', accepted: 'Accepted', in_production: 'Document being made', ready: 'Document ready', issued: 'Document issued', rejected: 'Refused', withdrawn: 'Withdrawn' },
    pay: "Pay the state fee in your bank&#39;s app",
    notFound: 'Application not found',
    tooMany: 'Too many requests',
  },
};
const LANGS: Lang[] = ['kk', 'ru', 'en'];
const STATUSES = APPLICATION_STATUSES;

describe('GET /track/:number, the citizen\'s tracking page', () => {
  let t: TestApp;
  let terminal: TestTerminal;
  let seq = 1;
  // Each test its own address, so the tracking limit of one never refuses another's pages.
  let address = 0;
  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, remoteAddress: `10.0.0.${++address % 250}`, headers });

  beforeAll(async () => {
    t = await createTestApp({ jobs: { workers: false } });
    terminal = await enrolTerminal(t.app, 'T-TRACK');
  }, 60_000);
  afterAll(() => t.close(), 60_000);

  /** An application stored from a packet, made in `lang`, then put in `status` with these checks recorded. */
  async function application(lang: Lang, status: ApplicationStatus = 'pending_checks', checks: CheckOutcome[] = [], tag = 'service-14') {
    const citizen = t.citizen(tag);
    const payload = offlineApplication(t, citizen, { terminalId: terminal.terminalId, centreId: terminal.centreId, test: false, lang });
    expect((await postSealed(t, terminal, payload, seq++)).statusCode).toBe(201);
    const { id, number } = payload.application;
    await t.db.query('UPDATE applications SET status = $2 WHERE id = $1', [id, status]);
    await t.app.applicationChecks.save(id, checks, t.now());
    return { number, citizen };
  }

  it.each(LANGS.flatMap((lang) => STATUSES.map((status) => [lang, status] as const)))('in %s, says %s in plain words, as HTML under the security headers', async (lang, status) => {
    const { number, citizen } = await application(lang, status);
    const response = await get(`/track/${number}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain(`<html lang="${lang}">`);
    expect(response.body).toContain(number);
    expect(response.body).toContain(SAYS[lang].status[status]);
    // Another language's words are not on the page (the language links name each language in itself).
    for (const other of LANGS.filter((l) => l !== lang)) expect(response.body).not.toContain(SAYS[other].status[status]);
    // The masked name, and nothing else of the person.
    expect(response.body).toContain(`${citizen.person.givenName} ${citizen.person.surname[0]}`);
    for (const personal of [citizen.person.iin, citizen.person.surname, citizen.phoneToType, citizen.person.birthDate]) expect(response.body).not.toContain(personal);
    // The day printed on the receipt, while a document is still to come.
    if (status === 'rejected' || status === 'issued' || status === 'withdrawn') expect(response.body).not.toContain(READY_BY_PRINTED);
    else expect(response.body).toContain(READY_BY_PRINTED);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(response.headers[name]).toBe(value);
    expect(response.headers['cache-control']).toBe('no-store');
    // Nothing inline: the CSP would block it.
    expect(response.body).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=/i);
  });

  it('is in the receipt\'s language first, and in the others one link away (?lang=)', async () => {
    const { number } = await application('ru', 'accepted');
    const page = await get(`/track/${number}`, { 'accept-language': 'en-GB,en;q=0.9' });
    expect(page.body).toContain('<html lang="ru">');
    // Relative to the page itself, so they hold behind a proxy's path prefix too.
    expect(page.body).toContain(`href="${number}?lang=kk"`);
    expect(page.body).toContain(`href="${number}?lang=en"`);
    expect(page.body).toContain('href="page.css"');
    const kk = await get(`/track/${number}?lang=kk`);
    expect(kk.body).toContain('<html lang="kk">');
    expect(kk.body).toContain(SAYS.kk.status.accepted);
    // A language the page does not have is no error: the receipt's.
    expect((await get(`/track/${number}?lang=de`)).body).toContain('<html lang="ru">');
    expect((await get(`/track/${number}?lang=kk&lang=en`)).body).toContain('<html lang="ru">');
  });

  it('names each check and which one waits, and what to do while the fee is awaited', async () => {
    const waits: Array<[CheckOutcome['code'], Record<Lang, string>]> = [
      ['payment_awaited', { kk: SAYS.kk.pay, ru: SAYS.ru.pay, en: SAYS.en.pay }],
      ['fee_due', { kk: 'Сомасы SMS арқылы жіберілді', ru: 'Сумму мы отправили SMS', en: 'We sent you the amount by SMS' }],
      ['fee_unknown', { kk: 'баж мөлшері әлі бекітілмеген', ru: 'ещё не утверждён', en: 'not approved yet' }],
    ];
    for (const [code, says] of waits) {
      for (const lang of LANGS) {
        const checks: CheckOutcome[] = [
          { check: 'registry', outcome: 'passed', code: null },
          { check: 'phone', outcome: 'passed', code: null },
          { check: 'face_match', outcome: 'passed', code: null },
          { check: 'payment', outcome: 'pending', code },
        ];
        const { number } = await application(lang, 'pending_checks', checks);
        const body = (await get(`/track/${number}`)).body;
        expect(body, `${code} in ${lang}`).toContain(says[lang]);
        // Paid by the application number: the page says which.
        if (code !== 'fee_unknown') expect(body).toContain(number);
        expect(body).toContain('data-check="payment" data-state="waiting"');
        expect(body).toContain('data-check="face_match" data-state="done"');
      }
    }
  });

  it('before the checks have run, says each is being checked and that there is nothing to do', async () => {
    const { number } = await application('en');
    const body = (await get(`/track/${number}`)).body;
    for (const check of ['registry', 'phone', 'face_match', 'payment']) expect(body).toContain(`data-check="${check}" data-state="checking"`);
    expect(body).toContain('There is nothing you need to do now.');
  });

  it('says why an application was refused, in general words, and to go to a centre', async () => {
    const { number } = await application('ru', 'rejected', [
      { check: 'registry', outcome: 'passed', code: null },
      { check: 'phone', outcome: 'passed', code: null },
      { check: 'face_match', outcome: 'failed', code: 'face_mismatch', detail: 'distance 0.71' },
      { check: 'payment', outcome: 'passed', code: null },
    ]);
    const body = (await get(`/track/${number}`)).body;
    expect(body).toContain('Личность не подтверждена по фото. Обратитесь в ЦОН с распиской.');
    // How the back office decided stays in the back office.
    expect(body).not.toContain('face_mismatch');
    expect(body).not.toContain('0.71');
  });

  it('shows an application the deferred checks accepted', async () => {
    const citizen = t.citizen('service-14');
    const payload = offlineApplication(t, citizen, { terminalId: terminal.terminalId, centreId: terminal.centreId, test: false, lang: 'kk' });
    expect((await postSealed(t, terminal, payload, seq++)).statusCode).toBe(201);
    await t.app.jobs.drain();
    const { status } = (await t.app.applications.findById(payload.application.id))!;
    const body = (await get(`/track/${payload.application.number}`)).body;
    expect(body).toContain(`data-status="${status}"`);
    expect(body).toContain(SAYS.kk.status[status]);
  });

  it('marks an application made on a test terminal as a test', async () => {
    const citizen = t.citizen('service-14');
    const payload = offlineApplication(t, citizen, { terminalId: terminal.terminalId, centreId: terminal.centreId, test: true, lang: 'en' });
    expect((await postSealed(t, terminal, payload, seq++)).statusCode).toBe(201);
    expect((await get(`/track/${payload.application.number}`)).body).toContain('TEST application');
  });

  it('answers an unknown or malformed number, and any other path under /track, with a 404 page in the phone\'s language', async () => {
    for (const url of ['/track/AAAA-BBBB-CCCC', '/track/nope', '/track/aaaa-bbbb-cccc', '/track/', '/track', '/track/AAAA-BBBB-CCCC/more', `/track/${'A'.repeat(5000)}`, '/track/%3Cscript%3E', '/track/..%2F..%2Fetc']) {
      const response = await get(url, { 'accept-language': 'ru-RU,ru;q=0.9' });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type'], url).toBe('text/html; charset=utf-8');
      expect(response.body, url).toContain(SAYS.ru.notFound);
      expect(response.body).not.toContain('<script');
      expect(response.headers['content-security-policy']).toBe(SECURITY_HEADERS['content-security-policy']);
    }
    expect((await get('/track/AAAA-BBBB-CCCC?lang=en')).body).toContain(SAYS.en.notFound);
    // No language asked and none known: Kazakh.
    expect((await get('/track/AAAA-BBBB-CCCC')).body).toContain(SAYS.kk.notFound);
  });

  it('answers a URL that does not decode, or holds a NUL, with a page too', async () => {
    for (const url of ['/track/%ZZ', '/track/%00', '/track/a%00b', '/track/%E0%A4%A']) {
      const response = await get(url);
      expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, url).toBeLessThan(500);
      expect(response.headers['content-type'], url).toBe('text/html; charset=utf-8');
      expect(response.body, url).toContain(SAYS.kk.notFound);
    }
  });

  it('changes nothing: a POST or any other method is refused with 405 and a page', async () => {
    const { number } = await application('kk', 'accepted');
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      for (const url of [`/track/${number}`, '/track', '/track/x/y']) {
        const response = await t.app.inject({ method, url, payload: '{"status":"issued"}', headers: { 'content-type': 'application/json' } });
        expect(response.statusCode, `${method} ${url}`).toBe(405);
        expect(response.headers.allow).toBe('GET, HEAD');
        expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      }
    }
    const broken = await t.app.inject({ method: 'POST', url: `/track/${number}`, payload: '{', headers: { 'content-type': 'application/json' } });
    expect(broken.statusCode).toBeLessThan(500);
    expect(broken.headers['content-type']).toBe('text/html; charset=utf-8');
    expect((await get(`/track/${number}`)).body).toContain('data-status="accepted"');
  });

  it('counts each lookup against the address\'s tracking limit, shared with the JSON route, and says so in a page', async () => {
    const { number } = await application('en', 'accepted');
    const remoteAddress = '192.0.2.77';
    const limit = ADDRESS_LIMITS.tracking.limit;
    for (let i = 0; i < limit - 1; i++) expect((await t.app.inject({ method: 'GET', url: `/track/${number}`, remoteAddress })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/applications/${number}`, remoteAddress })).statusCode).toBe(200);
    const refused = await t.app.inject({ method: 'GET', url: `/track/${number}`, remoteAddress, headers: { 'accept-language': 'kk' } });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body).toContain(SAYS.kk.tooMany);
    expect(refused.body).not.toContain(number.slice(5));
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(refused.headers[name]).toBe(value);
    // Another address is not refused; this one is again after the window.
    expect((await get(`/track/${number}`)).statusCode).toBe(200);
    t.advance(ADDRESS_LIMITS.tracking.windowS);
    expect((await t.app.inject({ method: 'GET', url: `/track/${number}`, remoteAddress })).statusCode).toBe(200);
  });

  it('serves its stylesheet, and HEAD as GET', async () => {
    const css = await get('/track/page.css');
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    const { number } = await application('kk', 'ready');
    const head = await t.app.inject({ method: 'HEAD', url: `/track/${number}`, remoteAddress: '198.51.100.1' });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
  });
});
