import { describe, expect, it } from 'vitest';
import { applicationNumber } from '../domain/application';
import type { TerminalIdentity } from '../flow/readiness.svelte';
import { emptySession, type SessionData } from '../flow/session-data';
import { translate } from '../i18n';
import type { Lang } from '../protocol';
import { DEFERRED_CHECKS } from '../protocol/packets';
import type { ApplicationPayload } from '../protocol/packets';
import { receiptJob, sealForReceipt, sealedFacts, type ReceiptSession } from './receipt-job';

/** The back office's public address, as the terminal keeps it since enrolment. */
const PUBLIC_URL = 'https://track.example.kz';
const TERMINAL: TerminalIdentity = { terminalId: 'SBX-ABCD2345', centreId: 'AST-ESIL', publicUrl: PUBLIC_URL };
const ID = '0f4c1b7e-2d3a-4b6c-9e8f-1a2b3c4d5e6f';
const NUMBER = applicationNumber(ID);
const IIN = '880415300127';

function sealedSession(lang: Lang, change: Partial<SessionData> = {}): SessionData {
  return {
    ...emptySession(),
    lang,
    service: '07',
    document: 'id_card',
    iin: IIN,
    citizen: { maskedName: 'БЕКОВА А. К.', lostIdCardsThisYear: 0 },
    phone: '+77011234567',
    payment: { paymentId: 'pay-1', amountTiyn: 86_500, status: 'paid' },
    application: { id: ID, number: NUMBER, createdAt: '2026-03-02T05:15:30.123Z' },
    sealed: { readyBy: '2026-03-23', pendingChecks: [] },
    ...change,
  };
}

const within = (lines: string[], columns: number) => lines.filter((line) => Array.from(line).length > columns);

describe('receiptJob', () => {
  it('prints a final receipt for a journey made online: no provisional lines, the terminal, the centre by name, the due date', () => {
    const job = receiptJob(sealedSession('ru'), TERMINAL);
    const text = job.lines.join('\n');
    expect(job.lines[0]?.trim()).toBe('РАСПИСКА');
    expect(text).not.toContain(translate('ru', 'receipt.provisional'));
    expect(text).not.toContain(translate('ru', 'receipt.pendingIntro'));
    expect(job.lines.some((line) => line.startsWith('Терминал') && line.endsWith('SBX-ABCD2345'))).toBe(true);
    expect(job.lines.some((line) => line.startsWith('ЦОН') && line.endsWith('ЦОН Есильского района г. Астаны'))).toBe(true);
    expect(job.lines.some((line) => line.startsWith('Готов к') && line.endsWith('23.03.2026'))).toBe(true);
    expect(job.lines.some((line) => line.startsWith('Гражданин') && line.endsWith('БЕКОВА А. К.'))).toBe(true);
    // The tracking page at the back office's public address, in the receipt's language.
    expect(job.qr).toBe(`${PUBLIC_URL}/track/${NUMBER}?lang=ru`);
    expect(job.footer).toEqual([translate('ru', 'receipt.track'), translate('ru', 'receipt.keep')]);
    expect(within(job.lines, job.columns)).toEqual([]);
  });

  it('says on the fee row whether the fee was paid, is exempt, or is still to be checked', () => {
    const feeLine = (payment: SessionData['payment']) =>
      receiptJob(sealedSession('ru', { payment }), TERMINAL).lines.find((line) => line.startsWith('Госпошлина'));
    expect(feeLine({ paymentId: 'pay-1', amountTiyn: 86_500, status: 'paid' })).toMatch(/ 865\s₸, оплачено$/);
    expect(feeLine({ paymentId: null, amountTiyn: 0, status: 'not_required' })).toMatch(/ не взимается$/);
    expect(feeLine({ paymentId: null, amountTiyn: 86_500, status: 'deferred' })).toMatch(/ 865\s₸, оплата будет проверена$/);
    expect(feeLine({ paymentId: null, amountTiyn: 0, status: 'fee_deferred' })).toMatch(/ придёт по SMS$/);
    const exempt = receiptJob(sealedSession('kk', { payment: { paymentId: null, amountTiyn: 0, status: 'not_required' } }), TERMINAL).lines.join('\n');
    expect(exempt).toContain('алынбайды');
    expect(exempt).not.toMatch(/\b0\s₸/);
  });

  it("names the centre in the citizen's language", () => {
    expect(receiptJob(sealedSession('kk'), TERMINAL).lines.join('\n')).toContain('Астана қ., Есіл ауданының ХҚКО');
    expect(receiptJob(sealedSession('en'), TERMINAL).lines.join('\n')).toContain('Astana, Esil district service centre');
  });

  it.each(['ru', 'kk'] as const)('marks a receipt provisional in %s, one line per check still to come', (lang) => {
    const session = sealedSession(lang, {
      payment: { paymentId: null, amountTiyn: 86_500, status: 'deferred' },
      sealed: { readyBy: '2026-03-23', pendingChecks: [...DEFERRED_CHECKS] },
    });
    const job = receiptJob(session, TERMINAL);
    const trimmed = job.lines.map((line) => line.trim());
    // The heading itself says provisional; the plain heading is not printed above it as well.
    expect(trimmed[0]).toBe(lang === 'ru' ? 'ПРЕДВАРИТЕЛЬНАЯ РАСПИСКА' : 'АЛДЫН АЛА ҚОЛХАТ');
    expect(trimmed).not.toContain(translate(lang, 'receipt.heading'));
    const intro = trimmed.indexOf(translate(lang, 'receipt.pendingIntro'));
    expect(intro).toBeGreaterThan(trimmed.indexOf(translate(lang, 'receipt.provisional')));
    expect(job.lines.slice(intro + 1, intro + 1 + DEFERRED_CHECKS.length)).toEqual(
      DEFERRED_CHECKS.map((check) => `- ${translate(lang, `receipt.pending.${check}`)}`),
    );
    expect(job.lines[intro + 1 + DEFERRED_CHECKS.length]).toBe(translate(lang, 'receipt.pendingSms'));
    // Nothing in another language slipped in.
    expect(job.lines.join('\n')).not.toContain(translate('en', 'receipt.pending.payment'));
    expect(within(job.lines, job.columns)).toEqual([]);
  });

  it('lists only the checks that are pending, in the order given', () => {
    const job = receiptJob(sealedSession('ru', { sealed: { readyBy: '2026-03-23', pendingChecks: ['payment'] } }), TERMINAL);
    const pending = job.lines.filter((line) => line.startsWith('- '));
    expect(pending).toEqual([`- ${translate('ru', 'receipt.pending.payment')}`]);
  });

  it('names an offline citizen by the last four digits of the IIN, never the whole IIN', () => {
    const job = receiptJob(sealedSession('ru', { citizen: null, sealed: { readyBy: '2026-03-23', pendingChecks: ['registry'] } }), TERMINAL);
    expect(job.lines.some((line) => line.startsWith('Гражданин') && line.endsWith('********0127'))).toBe(true);
    const everything = [...job.lines, ...job.footer, job.qr ?? ''].join('\n');
    expect(everything).not.toContain(IIN);
  });

  it.each(['kk', 'en'] as const)('opens the tracking page in %s, the language of the receipt', (lang) => {
    expect(receiptJob(sealedSession(lang), TERMINAL).qr).toBe(`${PUBLIC_URL}/track/${NUMBER}?lang=${lang}`);
  });

  it('prints no QR, and no line inviting to scan one, while the kiosk does not know the public address', () => {
    const job = receiptJob(sealedSession('ru'), { terminalId: TERMINAL.terminalId, centreId: TERMINAL.centreId });
    expect(job.qr).toBeNull();
    expect(job.footer).toEqual([translate('ru', 'receipt.keep')]);
    // The number is what the citizen tracks by until then.
    expect(job.lines.some((line) => line.endsWith(NUMBER))).toBe(true);
  });

  it('refuses to print an application that is not sealed', () => {
    expect(() => receiptJob(sealedSession('ru', { sealed: null }), TERMINAL)).toThrow('sealed');
  });
});

/** A session object as the Receipt step holds it, over plain data. */
function liveSession(data: SessionData): ReceiptSession & { data: SessionData } {
  const session = {
    data,
    update(patch: Partial<SessionData>) {
      session.data = { ...session.data, ...patch };
    },
  };
  return session;
}

/** An outbox that counts what it seals; the payload itself is the Receipt step's business (application-payload.ts). */
function countingOutbox() {
  const sealed: ApplicationPayload[] = [];
  return { sealed, seal: (payload: ApplicationPayload) => Promise.resolve(sealed.push(payload)) };
}
const PAYLOAD = { application: { id: ID } } as ApplicationPayload;

describe('sealForReceipt', () => {
  // Made on 2027-12-13 at 10:00 in Astana: 15 working days run into 2028, whose Kurban ait is not decreed yet.
  const DECEMBER_2027 = { id: ID, number: NUMBER, createdAt: '2027-12-13T05:00:00.000Z' };

  it('works out the due date before sealing, into 2028 without its calendar, and prints it', async () => {
    const session = liveSession(sealedSession('ru', { application: DECEMBER_2027, sealed: null }));
    const outbox = countingOutbox();
    const { job, sealedNow } = await sealForReceipt(session, PAYLOAD, outbox, TERMINAL);
    expect(sealedNow).toBe(true);
    expect(outbox.sealed).toHaveLength(1);
    expect(session.data.sealed).toEqual({ readyBy: '2028-01-06', pendingChecks: [] });
    expect(job.lines.some((line) => line.startsWith('Готов к') && line.endsWith('06.01.2028'))).toBe(true);
  });

  it('never seals the same application twice: a second press prints what the first sealed', async () => {
    const session = liveSession(sealedSession('kk', { application: DECEMBER_2027, sealed: null }));
    const outbox = countingOutbox();
    const first = await sealForReceipt(session, PAYLOAD, outbox, TERMINAL);
    const second = await sealForReceipt(session, PAYLOAD, outbox, TERMINAL);
    expect(outbox.sealed).toHaveLength(1);
    expect(second.sealedNow).toBe(false);
    expect(second.job.lines).toEqual(first.job.lines);
  });

  it('seals nothing when the receipt cannot be made, so "try again" is true', async () => {
    const session = liveSession(sealedSession('ru', { application: DECEMBER_2027, payment: null, sealed: null }));
    const outbox = countingOutbox();
    await expect(sealForReceipt(session, PAYLOAD, outbox, TERMINAL)).rejects.toThrow('sealed application');
    expect(outbox.sealed).toEqual([]);
    expect(session.data.sealed).toBeNull();
  });

  it('leaves the session unsealed when sealing itself fails, and a retry seals once', async () => {
    const session = liveSession(sealedSession('ru', { application: DECEMBER_2027, sealed: null }));
    const outbox = countingOutbox();
    const flaky = { seal: () => Promise.reject(new Error('disk full')) };
    await expect(sealForReceipt(session, PAYLOAD, flaky, TERMINAL)).rejects.toThrow('disk full');
    expect(session.data.sealed).toBeNull();
    await sealForReceipt(session, PAYLOAD, outbox, TERMINAL);
    expect(outbox.sealed).toHaveLength(1);
  });
});

describe('a fee deferred for want of the year\'s MRP', () => {
  // 2027-01-04, 10:00 in Astana, online: the back office answered fee_unknown.
  const JANUARY_2027 = { id: ID, number: NUMBER, createdAt: '2027-01-04T05:00:00.000Z' };
  const deferred = (lang: Lang) =>
    sealedSession(lang, { application: JANUARY_2027, payment: { paymentId: null, amountTiyn: 0, status: 'fee_deferred' }, sealed: null });

  it('leaves the payment to be checked, even on a journey made online', () => {
    expect(sealedFacts(deferred('ru')).pendingChecks).toEqual(['payment']);
  });

  it.each(['ru', 'kk'] as const)('says in %s that the fee comes by SMS, in its row and in a note, never "0 ₸"', (lang) => {
    const data = deferred(lang);
    const job = receiptJob({ ...data, sealed: sealedFacts(data) }, TERMINAL);
    const feeLabel = translate(lang, 'receipt.label.fee');
    expect(job.lines.some((line) => line.startsWith(feeLabel) && line.endsWith(translate(lang, 'receipt.feeBySms')))).toBe(true);
    expect(job.lines.join(' ')).toContain(translate(lang, 'receipt.feeDeferred').split(' ').slice(0, 3).join(' '));
    expect(job.lines.join('\n')).not.toMatch(/\b0\u00a0₸/);
  });
});
