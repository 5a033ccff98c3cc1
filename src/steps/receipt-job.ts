import { centreName } from '../config';
import { buildReceipt, formatReceiptText, wrap, type ReceiptLabel } from '../domain/receipt';
import { COLUMNS_80MM, type PrintJob } from '../devices/printer/printer';
import type { TerminalIdentity } from '../flow/readiness.svelte';
import type { SessionData } from '../flow/session-data';
import { translate } from '../i18n';
import type { DocumentKind, Lang, ServiceCode } from '../protocol';

const LABELS: readonly ReceiptLabel[] = ['number', 'name', 'service', 'document', 'fee', 'date', 'centre', 'terminal', 'readyBy'];

function centred(text: string, width: number): string {
  const pad = Math.max(0, Math.floor((width - Array.from(text).length) / 2));
  return ' '.repeat(pad) + text;
}

/** Offline the kiosk never learnt the name: the IIN's last four digits let the citizen recognise their receipt. */
function maskedIin(iin: string): string {
  return `${'*'.repeat(8)}${iin.slice(8)}`;
}

/**
 * The расписка as the printer gets it, in the citizen's language. A journey that ran partly
 * offline gets a provisional receipt naming the checks the back office still has to make.
 */
export function receiptJob(data: SessionData, terminal: TerminalIdentity, trackingBase: string): PrintJob {
  const { application, citizen, iin, service, document, payment, sealed } = data;
  if (!application || !iin || !service || !document || !payment || !sealed) throw new Error('the receipt needs a sealed application');
  const lang: Lang = data.lang ?? 'kk';
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
  const trackingUrl = `${trackingBase}/api/v1/applications/${application.number}`;
  const receipt = buildReceipt({
    number: application.number,
    maskedName: citizen?.maskedName ?? maskedIin(iin),
    service,
    document,
    feeKzt: payment.amountKzt,
    paidAt: null,
    createdAt: application.createdAt,
    centre: centreName(terminal.centreId, lang),
    terminalId: terminal.terminalId,
    readyBy: sealed.readyBy,
    trackingUrl,
  });
  // The service and document rows carry codes; the citizen reads them in words.
  receipt.rows = receipt.rows.map((row) =>
    row.label === 'service'
      ? { ...row, value: t(`service.${row.value as ServiceCode}`) }
      : row.label === 'document'
        ? { ...row, value: t(`document.${row.value as DocumentKind}`) }
        : row,
  );
  const labels = Object.fromEntries(LABELS.map((label) => [label, t(`receipt.label.${label}`)])) as Record<ReceiptLabel, string>;
  const width = COLUMNS_80MM;
  const rule = '-'.repeat(width);
  const provisional = sealed.pendingChecks.length > 0;
  // A provisional receipt says so in its heading, then what is still to be checked.
  const pending = !provisional
    ? []
    : [
        ...wrap(t('receipt.pendingIntro'), width),
        ...sealed.pendingChecks.flatMap((check) => wrap(`- ${t(`receipt.pending.${check}`)}`, width)),
        ...wrap(t('receipt.pendingSms'), width),
        rule,
      ];
  return {
    columns: width,
    lines: [
      centred(t(provisional ? 'receipt.provisional' : 'receipt.heading'), width),
      centred(t('receipt.subheading'), width),
      rule,
      ...pending,
      ...formatReceiptText(receipt, labels, width),
      rule,
    ],
    qr: trackingUrl,
    footer: [t('receipt.track'), t('receipt.keep')],
  };
}
