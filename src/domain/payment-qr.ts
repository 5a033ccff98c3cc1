// EMVCo merchant-presented QR (MPM): the common base of national QR payment standards, so a real
// acquirer's merchant data drops in without changing the encoding.
import { DomainError } from './domain-error';

export interface Merchant {
  /** Sub-tag 00 of the merchant account template: a reverse-domain globally unique id. */
  guid: string;
  /** Sub-tag 01: the merchant's account with the acquirer, here the recipient's BIN. */
  account: string;
  /** Tag 59, at most 25 Latin characters. */
  name: string;
  /** Tag 60, at most 15 Latin characters. */
  city: string;
}

/** Not a real recipient: a payment to it goes nowhere, which the name says on the payer's screen. */
export const SANDBOX_MERCHANT: Merchant = {
  guid: 'kz.gov.egov.fee',
  account: '000000000000',
  name: 'SANDBOX EGOV FEE',
  city: 'ASTANA',
};

const TAG = {
  formatIndicator: '00',
  initiationMethod: '01',
  merchantAccount: '26',
  mcc: '52',
  currency: '53',
  amount: '54',
  country: '58',
  merchantName: '59',
  merchantCity: '60',
  additionalData: '62',
  crc: '63',
} as const;
const DYNAMIC = '12'; // one QR per payment, as opposed to '11', a QR printed once and reused
const MCC_GOVERNMENT_SERVICES = '9311'; // government services, tax payments
const CURRENCY_KZT = '398'; // ISO 4217 numeric
const BILL_NUMBER = '01';
const REFERENCE_LABEL = '05';
const MAX_AMOUNT_TIYN = 999_999_999_999; // 9,999,999,999.99 ₸: tag 54's 13 characters
const REFERENCE = /^[A-Z0-9-]{1,25}$/;
const LATIN_TEXT = /^[A-Za-z0-9 .,'-]+$/;

function tlv(tag: string, value: string): string {
  if (value.length > 99) throw new DomainError('qr_malformed', `tag ${tag} is longer than 99 characters`);
  return `${tag}${String(value.length).padStart(2, '0')}${value}`;
}

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final xor) over the UTF-8 bytes, as EMVCo specifies. */
export function crc16CcittFalse(text: string): number {
  let crc = 0xffff;
  for (const byte of new TextEncoder().encode(text)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc;
}

function crcHex(text: string): string {
  return crc16CcittFalse(text).toString(16).toUpperCase().padStart(4, '0');
}

function validateMerchant(merchant: Merchant): void {
  const problems = [
    /^[A-Za-z0-9.-]{1,32}$/.test(merchant.guid) ? null : 'guid',
    /^[A-Za-z0-9]{1,32}$/.test(merchant.account) ? null : 'account',
    merchant.name.length <= 25 && LATIN_TEXT.test(merchant.name) ? null : 'name',
    merchant.city.length <= 15 && LATIN_TEXT.test(merchant.city) ? null : 'city',
  ].filter((problem) => problem !== null);
  if (problems.length > 0) throw new DomainError('invalid_merchant', `bad merchant ${problems.join(', ')}`);
}

/** An amount in tenge with at most two decimals (786.4, 865), or in integer tiyn as the fee is kept. */
export type QrAmount = { amountKzt: number } | { amountTiyn: number };

/**
 * The amount in integer tiyn. Tenge are taken only when they are exactly a number of tiyn: 786.4 is
 * 78,640 tiyn, but 786.401, or 0.1 + 0.2 (float noise, 0.30000000000000004), is refused rather than
 * rounded into a QR that charges what nobody computed.
 */
function qrAmountTiyn(amount: QrAmount): number {
  if ('amountTiyn' in amount) {
    if (!Number.isSafeInteger(amount.amountTiyn)) throw new DomainError('invalid_amount', `the amount must be a whole number of tiyn, got ${amount.amountTiyn}`);
    return amount.amountTiyn;
  }
  const tiyn = Math.round(amount.amountKzt * 100);
  // A decimal of at most two places divided back is the very double it was written as; anything else is not.
  if (!Number.isFinite(amount.amountKzt) || tiyn / 100 !== amount.amountKzt) {
    throw new DomainError('invalid_amount', `the amount must be tenge with at most two decimals, got ${amount.amountKzt}`);
  }
  return tiyn;
}

/** Tag 54: KZT's minor unit is 2, and EMVCo asks the decimals to match it: "786.40", "865.00". */
function tag54(tiyn: number): string {
  return `${Math.floor(tiyn / 100)}.${String(tiyn % 100).padStart(2, '0')}`;
}

/**
 * The payload for one fee. The reference (the application number) goes in the additional data's
 * reference label, which banks show and pass back to the acquirer. An acquirer's invoice adds its
 * own bill number, so a new invoice for the same application is a new QR; the kiosk's own QR,
 * made offline, has none.
 */
export function encodePaymentQr(payment: QrAmount & { reference: string; bill?: string }, merchant: Merchant = SANDBOX_MERCHANT): string {
  const tiyn = qrAmountTiyn(payment);
  if (tiyn <= 0 || tiyn > MAX_AMOUNT_TIYN) {
    throw new DomainError('invalid_amount', `the amount must be above 0 and at most 9,999,999,999.99 tenge, got ${tiyn} tiyn`);
  }
  if (!REFERENCE.test(payment.reference)) {
    throw new DomainError('invalid_reference', `the reference must be 1–25 of A–Z, 0–9 and "-", got ${JSON.stringify(payment.reference)}`);
  }
  if (payment.bill !== undefined && !REFERENCE.test(payment.bill)) {
    throw new DomainError('invalid_reference', `the bill number must be 1–25 of A–Z, 0–9 and "-", got ${JSON.stringify(payment.bill)}`);
  }
  validateMerchant(merchant);
  const body = [
    tlv(TAG.formatIndicator, '01'),
    tlv(TAG.initiationMethod, DYNAMIC),
    tlv(TAG.merchantAccount, tlv('00', merchant.guid) + tlv('01', merchant.account)),
    tlv(TAG.mcc, MCC_GOVERNMENT_SERVICES),
    tlv(TAG.currency, CURRENCY_KZT),
    tlv(TAG.amount, tag54(tiyn)),
    tlv(TAG.country, 'KZ'),
    tlv(TAG.merchantName, merchant.name),
    tlv(TAG.merchantCity, merchant.city),
    tlv(TAG.additionalData, (payment.bill === undefined ? '' : tlv(BILL_NUMBER, payment.bill)) + tlv(REFERENCE_LABEL, payment.reference)),
    `${TAG.crc}04`,
  ].join('');
  return body + crcHex(body);
}

/** Splits a TLV string into its tags; also used for templates such as 26 and 62. Lengths count characters, as EMVCo does. */
export function parseTlv(text: string): Map<string, string> {
  const tags = new Map<string, string>();
  let at = 0;
  while (at < text.length) {
    const tag = text.slice(at, at + 2);
    const lengthText = text.slice(at + 2, at + 4);
    const length = Number(lengthText);
    const value = text.slice(at + 4, at + 4 + length);
    if (!/^\d{2}$/.test(tag) || !/^\d{2}$/.test(lengthText) || value.length !== length) {
      throw new DomainError('qr_malformed', `bad TLV at character ${at}`);
    }
    if (tags.has(tag)) throw new DomainError('qr_malformed', `tag ${tag} appears twice`);
    tags.set(tag, value);
    at += 4 + length;
  }
  return tags;
}

/** The top-level tags of a payload whose CRC (tag 63, last) checks out. */
export function parseEmvQr(payload: string): Map<string, string> {
  const tags = parseTlv(payload);
  const crc = tags.get(TAG.crc);
  if (crc === undefined || !payload.endsWith(`${TAG.crc}04${crc}`) || !/^[0-9A-Fa-f]{4}$/.test(crc)) {
    throw new DomainError('qr_malformed', 'the payload does not end with a CRC (tag 63)');
  }
  const expected = crcHex(payload.slice(0, -4));
  // Some producers write the CRC in lower case; the value is what counts.
  if (crc.toUpperCase() !== expected) throw new DomainError('qr_crc_mismatch', `CRC is ${crc}, computed ${expected}`);
  return tags;
}
