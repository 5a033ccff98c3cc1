/** How long a payment QR can be paid; the kiosk shows the countdown. */
export const PAYMENT_LIFETIME_S = 15 * 60;
