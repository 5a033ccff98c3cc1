import { describe, expect, it } from 'vitest';
import { DomainError } from './domain-error';
import { SANDBOX_MERCHANT, crc16CcittFalse, encodePaymentQr, parseEmvQr, parseTlv, type Merchant } from './payment-qr';

/** The example payload of the EMVCo MPM specification (with Chinese text in UTF-8), CRC A13A. */
const EMVCO_EXAMPLE =
  '00020101021229300012D156000000000510A93FO3230Q31280012D15600000001030812345678520441115802CN5914BEST TRANSPORT6007BEIJING64200002ZH0104最佳运输0202北京540523.7253031565502016233030412340603***0708A60086670902ME91320016A0112233449988770708123456786304A13A';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a DomainError';
  }
  return undefined;
}

describe('crc16CcittFalse', () => {
  it('gives the standard check value for "123456789"', () => {
    expect(crc16CcittFalse('123456789')).toBe(0x29b1);
  });

  it('gives the EMVCo example its CRC', () => {
    expect(crc16CcittFalse(EMVCO_EXAMPLE.slice(0, -4))).toBe(0xa13a);
  });
});

describe('parseEmvQr', () => {
  it('reads the EMVCo example', () => {
    const tags = parseEmvQr(EMVCO_EXAMPLE);
    expect(tags.get('00')).toBe('01');
    expect(tags.get('52')).toBe('4111');
    expect(tags.get('54')).toBe('23.72');
    expect(tags.get('59')).toBe('BEST TRANSPORT');
    expect(tags.get('64')).toBe('0002ZH0104最佳运输0202北京');
    expect(parseTlv(tags.get('62')!).get('03')).toBe('1234');
  });

  it('throws on a CRC mismatch', () => {
    expect(codeOf(() => parseEmvQr(EMVCO_EXAMPLE.replace('BEST', 'BETS')))).toBe('qr_crc_mismatch');
    expect(codeOf(() => parseEmvQr(`${EMVCO_EXAMPLE.slice(0, -4)}A13B`))).toBe('qr_crc_mismatch');
  });

  it('accepts a CRC written in lower case', () => {
    expect(parseEmvQr(`${EMVCO_EXAMPLE.slice(0, -4)}a13a`).get('59')).toBe('BEST TRANSPORT');
  });

  it('throws on a payload without a final CRC or with broken TLV', () => {
    expect(codeOf(() => parseEmvQr('000201'))).toBe('qr_malformed');
    expect(codeOf(() => parseEmvQr('0002016304A13A5802KZ'))).toBe('qr_malformed');
    expect(codeOf(() => parseEmvQr('000501'))).toBe('qr_malformed');
    expect(codeOf(() => parseEmvQr('0x0201'))).toBe('qr_malformed');
    expect(codeOf(() => parseEmvQr('000201000201'))).toBe('qr_malformed');
  });
});

describe('encodePaymentQr', () => {
  const payload = encodePaymentQr({ amountKzt: 865, reference: '7K3M-9QXA-2BCD' });

  it("puts an invoice's bill number beside the reference, so each invoice is its own QR", () => {
    const payment = { amountTiyn: 86_500, reference: 'ABCD-EFGH-JKMN' };
    const first = encodePaymentQr({ ...payment, bill: '0A1B2C3D4E5F' });
    const second = encodePaymentQr({ ...payment, bill: '9F8E7D6C5B4A' });
    expect(first).not.toBe(second);
    const additional = parseTlv(parseEmvQr(first).get('62') ?? '');
    expect(additional.get('01')).toBe('0A1B2C3D4E5F');
    expect(additional.get('05')).toBe('ABCD-EFGH-JKMN');
    expect(parseTlv(parseEmvQr(encodePaymentQr(payment)).get('62') ?? '').has('01')).toBe(false);
    expect(codeOf(() => encodePaymentQr({ ...payment, bill: 'no spaces' }))).toBe('invalid_reference');
  });

  it('encodes every field in TLV order with a valid CRC', () => {
    expect(payload).toBe(
      '000201' +
        '010212' +
        '2635' + '0015kz.gov.egov.fee' + '0112000000000000' +
        '52049311' +
        '5303398' +
        '5406865.00' +
        '5802KZ' +
        '5916SANDBOX EGOV FEE' +
        '6006ASTANA' +
        '6218' + '05147K3M-9QXA-2BCD' +
        '6304' + payload.slice(-4),
    );
    const tags = parseEmvQr(payload);
    expect([...tags.keys()]).toEqual(['00', '01', '26', '52', '53', '54', '58', '59', '60', '62', '63']);
    expect(parseTlv(tags.get('26')!)).toEqual(new Map([['00', 'kz.gov.egov.fee'], ['01', '000000000000']]));
    expect(parseTlv(tags.get('62')!).get('05')).toBe('7K3M-9QXA-2BCD');
  });

  it('writes amounts with two decimals', () => {
    expect(parseEmvQr(encodePaymentQr({ amountKzt: 34_600, reference: 'A' })).get('54')).toBe('34600.00');
    expect(parseEmvQr(encodePaymentQr({ amountKzt: 0.05, reference: 'A' })).get('54')).toBe('0.05');
  });

  it('keeps the tiyn of 0.2 MRP of 3,932 ₸ in tag 54, with a CRC that still checks out', () => {
    const withTiyn = encodePaymentQr({ amountKzt: 786.4, reference: '7K3M-9QXA-2BCD' });
    expect(withTiyn).toBe(payload.slice(0, -4).replace('5406865.00', '5406786.40') + withTiyn.slice(-4));
    expect(parseEmvQr(withTiyn).get('54')).toBe('786.40');
    expect(withTiyn.slice(-4)).toBe(crc16CcittFalse(withTiyn.slice(0, -4)).toString(16).toUpperCase().padStart(4, '0'));
    expect(parseEmvQr(encodePaymentQr({ amountKzt: 738.4, reference: 'A' })).get('54')).toBe('738.40');
  });

  it('takes the amount in integer tiyn as fees are kept, to the same payload', () => {
    expect(encodePaymentQr({ amountTiyn: 78_640, reference: 'A' })).toBe(encodePaymentQr({ amountKzt: 786.4, reference: 'A' }));
    expect(encodePaymentQr({ amountTiyn: 86_500, reference: 'A' })).toBe(encodePaymentQr({ amountKzt: 865, reference: 'A' }));
  });

  it('names the default merchant as a sandbox', () => {
    expect(parseEmvQr(payload).get('59')).toMatch(/SANDBOX/);
  });

  it('takes a real merchant', () => {
    const merchant: Merchant = { guid: 'kz.example.acq', account: '123456789012', name: 'Egov Fees', city: 'Almaty' };
    const tags = parseEmvQr(encodePaymentQr({ amountKzt: 865, reference: 'X1' }, merchant));
    expect(tags.get('59')).toBe('Egov Fees');
    expect(tags.get('60')).toBe('Almaty');
    expect(parseTlv(tags.get('26')!).get('01')).toBe('123456789012');
  });

  it('refuses amounts that are not positive tenge with at most two decimals', () => {
    for (const amountKzt of [0, -865, 786.401, 865.005, 0.1 + 0.2, Number.NaN, Number.POSITIVE_INFINITY, 1e10]) {
      expect(codeOf(() => encodePaymentQr({ amountKzt, reference: 'A' }))).toBe('invalid_amount');
    }
    expect(codeOf(() => encodePaymentQr({ amountKzt: 9_999_999_999.99, reference: 'A' }))).toBeUndefined();
    expect(parseEmvQr(encodePaymentQr({ amountKzt: 9_999_999_999.99, reference: 'A' })).get('54')).toBe('9999999999.99');
  });

  it('refuses tiyn that are not a positive whole number', () => {
    for (const amountTiyn of [0, -1, 78_640.5, Number.NaN, 1e12]) {
      expect(codeOf(() => encodePaymentQr({ amountTiyn, reference: 'A' }))).toBe('invalid_amount');
    }
  });

  it('refuses references outside A–Z, 0–9 and "-", or longer than 25', () => {
    for (const reference of ['', 'abc', 'A B', 'Ж', 'A'.repeat(26), 'A*']) {
      expect(codeOf(() => encodePaymentQr({ amountKzt: 865, reference }))).toBe('invalid_reference');
    }
    expect(codeOf(() => encodePaymentQr({ amountKzt: 865, reference: 'A'.repeat(25) }))).toBeUndefined();
  });

  it('refuses a merchant the payload cannot carry', () => {
    const bad: Merchant[] = [
      { ...SANDBOX_MERCHANT, name: 'A'.repeat(26) },
      { ...SANDBOX_MERCHANT, name: 'ЕГОВ' },
      { ...SANDBOX_MERCHANT, city: 'A'.repeat(16) },
      { ...SANDBOX_MERCHANT, account: '' },
      { ...SANDBOX_MERCHANT, guid: 'kz gov' },
    ];
    for (const merchant of bad) expect(codeOf(() => encodePaymentQr({ amountKzt: 865, reference: 'A' }, merchant))).toBe('invalid_merchant');
  });
});
