import type { KioskConfig } from '../config';
import { buildReceipt, formatReceiptText, type ReceiptLabel } from '../domain/receipt';
import { COLUMNS_80MM, type PrintJob } from '../devices/printer/printer';
import type { SessionData } from '../flow/session-data';
import { translate } from '../i18n';
import type { DocumentKind, Lang, ServiceCode } from '../protocol';

const LABELS: readonly ReceiptLabel[] = ['number', 'name', 'service', 'document', 'fee', 'date', 'centre', 'terminal', 'readyBy'];

function centred(text: string, width: number): string {
  const pad = Math.max(0, Math.floor((width - Array.from(text).length) / 2));
  return ' '.repeat(pad) + text;
}

/** The расписка as the printer gets it, in the citizen's language. */
export function receiptJob(data: SessionData, config: KioskConfig, readyBy: string, trackingBase: string): PrintJob {
  const { application, citizen, service, document, payment } = data;
  if (!application || !citizen || !service || !document || !payment) throw new Error('the receipt needs a finished application');
  const lang: Lang = data.lang ?? 'kk';
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
  const trackingUrl = `${trackingBase}/api/v1/applications/${application.number}`;
  const receipt = buildReceipt({
    number: application.number,
    maskedName: citizen.maskedName,
    service,
    document,
    feeKzt: payment.amountKzt,
    paidAt: null,
    createdAt: application.createdAt,
    centre: config.centreName[lang],
    terminalId: config.terminalId,
    readyBy,
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
  return {
    columns: width,
    lines: [centred(t('receipt.heading'), width), centred(t('receipt.subheading'), width), '-'.repeat(width), ...formatReceiptText(receipt, labels, width), '-'.repeat(width)],
    qr: trackingUrl,
    footer: [t('receipt.track'), t('receipt.keep')],
  };
}
