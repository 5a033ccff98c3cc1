export type GatewayPaymentStatus = 'pending' | 'paid' | 'declined' | 'expired';

/**
 * An acquirer that shows a QR for an invoice and reports whether it was paid. `orderId` is the
 * back office's own payment id, which acquirers accept as the merchant's order reference.
 */
export interface PaymentGateway {
  createInvoice(invoice: { orderId: string; reference: string; amountTiyn: number; expiresAt: Date }): Promise<{
    qrPayload: string;
  }>;
  status(orderId: string): Promise<GatewayPaymentStatus>;
  /**
   * Payments received under a reference (the application number in the QR): how an application made
   * offline, whose QR the kiosk made itself, is reconciled.
   */
  findByReference(reference: string): Promise<Array<{ status: GatewayPaymentStatus; amountTiyn: number }>>;
}
