import { centreName } from '../config';
import { dueDateWith } from '../domain/reference-data';
import { referenceDataInUse } from '../sync/reference-data';
import { buildReceipt, trackingUrl, type Receipt } from '../domain/receipt';
import { receiptTextLines, type PrintableReceipt } from '../devices/printer/printable-receipt';
import { COLUMNS_80MM, type PrintJob } from '../devices/printer/printer';
import { pendingChecks } from '../flow/offline-policy';
import type { TerminalIdentity } from '../flow/readiness.svelte';
import type { SessionData } from '../flow/session-data';
import type { StepId } from '../flow/steps';
import { translate } from '../i18n';
import type { DocumentKind, Lang, ServiceCode } from '../protocol';
import type { ApplicationPayload } from '../protocol/packets';

/** Offline the kiosk never learnt the name: the IIN's last four digits let the citizen recognise their receipt. */
function maskedIin(iin: string): string {
  return `${'*'.repeat(8)}${iin.slice(8)}`;
}

/**
 * The расписка in the citizen's language, not yet laid out: each printer sets it for its paper
 * (devices/printer/escpos.ts). A journey that ran partly offline gets a provisional receipt whose
 * heading says so, and which names the checks the back office still has to make. The QR opens the
 * tracking page at the back office's public address the terminal keeps; a kiosk that has not
 * learnt it yet (enrolled before it was sent, and offline since) prints no QR rather than one
 * that a phone could not open: the number is printed either way.
 */
export function printableReceipt(data: SessionData, terminal: TerminalIdentity): PrintableReceipt {
  const { application, citizen, iin, service, document, payment, sealed } = data;
  if (!application || !iin || !service || !document || !payment || !sealed) throw new Error('the receipt needs a sealed application');
  const lang: Lang = data.lang ?? 'kk';
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
  const qr = terminal.publicUrl ? trackingUrl(terminal.publicUrl, application.number, lang) : null;
  const receipt = buildReceipt({
    number: application.number,
    maskedName: citizen?.maskedName ?? maskedIin(iin),
    service,
    document,
    feeTiyn: payment.amountTiyn,
    lang,
    paidAt: null,
    createdAt: application.createdAt,
    centre: centreName(terminal.centreId, lang),
    terminalId: terminal.terminalId,
    readyBy: sealed.readyBy,
    trackingUrl: qr,
  });
  const feeDeferred = payment.status === 'fee_deferred';
  // The service and document rows carry codes; the citizen reads them in words. The fee row says
  // what became of the fee: paid, exempt, to be checked (paid offline or not yet known to be), or a
  // fee not set yet, which has no amount.
  const feeText = (amount: string): string => {
    switch (payment.status) {
      case 'paid':
        return translate(lang, 'receipt.fee.paid', { amount });
      case 'not_required':
        return t('receipt.fee.exempt');
      case 'fee_deferred':
        return t('receipt.feeBySms');
      default:
        return translate(lang, 'receipt.fee.deferred', { amount });
    }
  };
  const value = ({ label, value }: Receipt['rows'][number]): string =>
    label === 'service'
      ? t(`service.${value as ServiceCode}`)
      : label === 'document'
        ? t(`document.${value as DocumentKind}`)
        : label === 'fee'
          ? feeText(value)
          : value;
  const provisional = sealed.pendingChecks.length > 0;
  return {
    title: t(provisional ? 'receipt.provisional' : 'receipt.heading'),
    subtitle: t('receipt.subheading'),
    notes: [
      ...(provisional
        ? [t('receipt.pendingIntro'), ...sealed.pendingChecks.map((check) => `- ${t(`receipt.pending.${check}`)}`), t('receipt.pendingSms')]
        : []),
      ...(feeDeferred ? [t('receipt.feeDeferred')] : []),
    ],
    rows: receipt.rows.map((row) => ({ label: t(`receipt.label.${row.label}`), value: value(row) })),
    qr,
    footer: qr ? [t('receipt.track'), t('receipt.keep')] : [t('receipt.keep')],
  };
}

/** The расписка as the emulated printer shows it: 80 mm paper, in the columns of a printer's own font. */
export function receiptJob(data: SessionData, terminal: TerminalIdentity): PrintJob {
  const receipt = printableReceipt(data, terminal);
  return { printable: receipt, columns: COLUMNS_80MM, lines: receiptTextLines(receipt, COLUMNS_80MM), qr: receipt.qr, footer: receipt.footer };
}

type Sealed = NonNullable<SessionData['sealed']>;

/**
 * What the receipt states that the kiosk works out rather than was told: the due date, and the
 * checks still to come (a deferred fee is one, online or not). The holidays are those of the verified
 * reference data in force on the application's day (src/sync/reference-data.ts). Never throws for a
 * year without its holiday calendar: that date counts the fixed holidays, and the back office flags it for review.
 */
export function sealedFacts(data: SessionData): Sealed {
  const createdAt = data.application?.createdAt;
  if (!createdAt) throw new Error('the receipt needs an application');
  const steps = new Set<StepId>(data.offlineSteps);
  if (data.payment?.status === 'fee_deferred') steps.add('payment');
  return { readyBy: dueDateWith(createdAt, referenceDataInUse()).readyBy, pendingChecks: pendingChecks(steps) };
}

export interface ReceiptSession {
  readonly data: SessionData;
  update(patch: Partial<SessionData>): void;
}

/**
 * Seals the application once and gives the job to print. Everything the receipt needs is worked
 * out first, so what can fail fails while nothing is sealed and "try again" is true; after the
 * seal only the session is marked, and a second call (a press of "try again", a remount) finds
 * the application sealed and never seals it again.
 */
export async function sealForReceipt(
  session: ReceiptSession,
  payload: ApplicationPayload,
  outbox: { seal(payload: ApplicationPayload): Promise<unknown> },
  terminal: TerminalIdentity,
): Promise<{ job: PrintJob; sealedNow: boolean }> {
  if (session.data.sealed) return { job: receiptJob(session.data, terminal), sealedNow: false };
  const sealed = sealedFacts(session.data);
  const job = receiptJob({ ...session.data, sealed }, terminal);
  await outbox.seal(payload);
  session.update({ sealed });
  return { job, sealedNow: true };
}
