import { kazakhstanDate } from '../domain/dates';
import { quoteFee } from '../domain/fees';
import { encodePaymentQr } from '../domain/payment-qr';
import type { DocumentKind, ServiceCode } from '../protocol';

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
 */
export function offlinePayment(input: {
  service: ServiceCode;
  document: DocumentKind;
  lostIdCardsThisYear: number | null;
  createdAt: string;
  number: string;
}): OfflinePayment {
  const fee = quoteFee({
    service: input.service,
    document: input.document,
    on: kazakhstanDate(new Date(input.createdAt)),
    lostIdCardsThisYear: input.lostIdCardsThisYear ?? 0,
  });
  if (fee.amountTiyn === null || fee.amountTiyn === 0) return { amountTiyn: fee.amountTiyn, qrPayload: '' };
  return { amountTiyn: fee.amountTiyn, qrPayload: encodePaymentQr({ amountTiyn: fee.amountTiyn, reference: input.number }) };
}
