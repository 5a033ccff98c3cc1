import { describe, expect, it } from 'vitest';
import { parseEmvQr, parseTlv } from '../domain/payment-qr';
import { offlinePayment } from './offline-payment';

const NUMBER = '1X61-PZHD-795P';
const IN_2026 = '2026-03-02T05:15:30.123Z';

describe('offlinePayment', () => {
  it('charges 0.2 MRP for an ID card replaced as unusable in 2026, in a QR that names the application', () => {
    const offline = offlinePayment({ service: '07', document: 'id_card', lostIdCardsThisYear: 0, createdAt: IN_2026, number: NUMBER });
    expect(offline.amountTiyn).toBe(86_500);
    const tags = parseEmvQr(offline.qrPayload);
    expect(tags.get('54')).toBe('865.00');
    expect(tags.get('53')).toBe('398');
    expect(parseTlv(tags.get('62') ?? '').get('05')).toBe(NUMBER);
  });

  it('asks nothing for a replacement on expiry: no fee, no QR', () => {
    expect(offlinePayment({ service: '18', document: 'id_card', lostIdCardsThisYear: null, createdAt: IN_2026, number: NUMBER })).toEqual({
      amountTiyn: 0,
      qrPayload: '',
    });
  });

  it('takes the ordinary fee for a lost ID card when the registry count is unknown, and 1 MRP past two losses', () => {
    expect(offlinePayment({ service: '09', document: 'id_card', lostIdCardsThisYear: null, createdAt: IN_2026, number: NUMBER }).amountTiyn).toBe(86_500);
    const repeated = offlinePayment({ service: '09', document: 'id_card', lostIdCardsThisYear: 3, createdAt: IN_2026, number: NUMBER });
    expect(repeated.amountTiyn).toBe(432_500);
    expect(parseEmvQr(repeated.qrPayload).get('54')).toBe('4325.00');
  });

  it('takes the day in Kazakhstan time: 23:59 on 31 December there is still 2026', () => {
    const lastMinute = offlinePayment({ service: '07', document: 'id_card', lostIdCardsThisYear: 0, createdAt: '2026-12-31T18:59:59Z', number: NUMBER });
    expect(lastMinute.amountTiyn).toBe(86_500);
  });

  // 20:00 UTC on 31 December is 01:00 on 1 January 2027 in Kazakhstan. This build knows no 2027
  // MRP (the budget law sets it), so the fee is deferred rather than guessed with 2026's or refused.
  it('defers the fee on a day whose MRP is not known, with no QR: 2027 begins at 19:00 UTC on 31 December', () => {
    expect(offlinePayment({ service: '07', document: 'id_card', lostIdCardsThisYear: 0, createdAt: '2026-12-31T20:00:00Z', number: NUMBER })).toEqual({
      amountTiyn: null,
      qrPayload: '',
    });
    // An exempt replacement stays exempt: nothing is owed whatever the MRP.
    expect(offlinePayment({ service: '18', document: 'id_card', lostIdCardsThisYear: 0, createdAt: '2027-01-04T04:00:00Z', number: NUMBER }).amountTiyn).toBe(0);
  });
});
