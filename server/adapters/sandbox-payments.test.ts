import { describe, expect, it } from 'vitest';
import { crc16CcittFalse, encodePaymentQr, parseTlv } from '../../src/domain/payment-qr';
import { readSandboxFeeQr } from './sandbox-payments';

const OURS = encodePaymentQr({ amountKzt: 3_460, reference: 'KZ-2603-ABCD' });

/** Our QR with some top-level tags changed (undefined drops the tag), its CRC made right again. */
function withTags(change: Record<string, string | undefined>): string {
  const tags = parseTlv(OURS);
  tags.delete('63');
  for (const [tag, value] of Object.entries(change)) {
    if (value === undefined) tags.delete(tag);
    else tags.set(tag, value);
  }
  const body = `${[...tags].map(([tag, value]) => `${tag}${String(value.length).padStart(2, '0')}${value}`).join('')}6304`;
  return body + crc16CcittFalse(body).toString(16).toUpperCase().padStart(4, '0');
}

describe('readSandboxFeeQr', () => {
  it('reads the amount and the application number of a fee QR of the sandbox merchant', () => {
    expect(readSandboxFeeQr(OURS)).toEqual({ ok: true, amountTiyn: 346_000, reference: 'KZ-2603-ABCD', bill: null });
    expect(readSandboxFeeQr(encodePaymentQr({ amountKzt: 3_460, reference: 'KZ-2603-ABCD', bill: '0A1B2C3D4E5F' }))).toMatchObject({ ok: true, bill: '0A1B2C3D4E5F' });
    // The helper itself changes nothing when asked to change nothing.
    expect(withTags({})).toBe(OURS);
  });

  it('reads the tiyn of an amount that has them', () => {
    const withTiyn = encodePaymentQr({ amountKzt: 786.4, reference: 'KZ-2501-ABCD' });
    expect(readSandboxFeeQr(withTiyn)).toEqual({ ok: true, amountTiyn: 78_640, reference: 'KZ-2501-ABCD', bill: null });
    expect(readSandboxFeeQr(withTags({ '54': '0.05' }))).toMatchObject({ ok: true, amountTiyn: 5 });
  });

  it.each([
    ['no amount', { '54': undefined }],
    ['an amount of nothing', { '54': '0.00' }],
    ['an amount with one decimal', { '54': '3460.5' }],
    ['an amount with three decimals', { '54': '3460.500' }],
    ['an amount without decimals', { '54': '3460' }],
    ['an amount with a leading zero', { '54': '03460.00' }],
    ['an amount larger than a fee QR holds', { '54': '10000000000.00' }],
    ['another currency', { '53': '840' }],
    ['no additional data', { '62': undefined }],
    ['no reference label', { '62': '0103ABC' }],
    ['no merchant account', { '26': undefined }],
  ])('refuses a QR with %s as not ours', (_name, change) => {
    expect(readSandboxFeeQr(withTags(change))).toMatchObject({ ok: false, code: 'qr_not_ours' });
  });

  it('tells a broken payload from a typo in a good one', () => {
    expect(readSandboxFeeQr('')).toMatchObject({ ok: false, code: 'qr_malformed' });
    expect(readSandboxFeeQr(withTags({ '26': '00XX' }))).toMatchObject({ ok: false, code: 'qr_malformed' });
    expect(readSandboxFeeQr(OURS.replace('3460', '3470'))).toMatchObject({ ok: false, code: 'qr_crc_mismatch' });
  });
});
