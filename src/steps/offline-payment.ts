import { kazakhstanDate } from '../domain/dates';
import { quoteFeeWith, referenceDataOn } from '../domain/reference-data';
import { encodePaymentQr } from '../domain/payment-qr';
import type { DocumentKind, ReferenceData, ServiceCode } from '../protocol';
import { referenceDataInUse } from '../sync/reference-data';

export interface OfflinePayment {
  /** Null when the year's MRP is not known to this kiosk: the fee is deferred and sent by SMS. */
  amountTiyn: number | null;
  /** Empty when no fee is due or it is deferred. */
  qrPayload: string;
}

/**
 * The fee and its QR when the gateway cannot be reached: the tariff of the day the application was
 * made, and an EMVCo QR whose reference is the application number, so the back office finds the
 * payment by it at sync. The citizen's phone pays over its own network. Offline the registry's count
 * of lost cards is unknown (0 is taken); a fee that turns out higher is the back office's to raise.
 * The figures are those of the verified reference data in force that day (src/sync/reference-data.ts),
 * the built-in ones before the kiosk has any.
 */
export function offlinePayment(input: {
  service: ServiceCode;
  document: DocumentKind;
  lostIdCardsThisYear: number | null;
  createdAt: string;
  number: string;
}, referenceData: readonly ReferenceData[] = referenceDataInUse()): OfflinePayment {
  const on = kazakhstanDate(new Date(input.createdAt));
  const fee = quoteFeeWith(
    { service: input.service, document: input.document, on, lostIdCardsThisYear: input.lostIdCardsThisYear ?? 0 },
    referenceDataOn(referenceData, on),
  );
  if (fee.amountTiyn === null || fee.amountTiyn === 0) return { amountTiyn: fee.amountTiyn, qrPayload: '' };
  return { amountTiyn: fee.amountTiyn, qrPayload: encodePaymentQr({ amountTiyn: fee.amountTiyn, reference: input.number }) };
}
