import { kazakhstanDate } from '../domain/dates';
import { feeFor } from '../domain/fees';
import { encodePaymentQr } from '../domain/payment-qr';
import type { DocumentKind, ServiceCode } from '../protocol';

export interface OfflinePayment {
  amountKzt: number;
  /** Empty when no fee is due. */
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
  const fee = feeFor({
    service: input.service,
    document: input.document,
    on: kazakhstanDate(new Date(input.createdAt)),
    lostIdCardsThisYear: input.lostIdCardsThisYear ?? 0,
  });
  return {
    amountKzt: fee.amountKzt,
    qrPayload: fee.amountKzt === 0 ? '' : encodePaymentQr({ amountKzt: fee.amountKzt, reference: input.number }),
  };
}
