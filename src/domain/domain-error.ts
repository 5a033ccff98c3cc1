/**
 * A rule broken by a caller's input. `code` is stable: the kiosk maps it to a message in the
 * citizen's language and the back office returns it as an ApiError code.
 */
export type DomainErrorCode =
  | 'invalid_date'
  | 'invalid_phone'
  | 'invalid_amount'
  | 'invalid_mrp'
  | 'invalid_tariff'
  | 'invalid_reference'
  | 'invalid_merchant'
  | 'invalid_uuid'
  | 'invalid_pad'
  | 'invalid_width'
  | 'no_mrp_for_year'
  | 'no_tariff'
  | 'qr_malformed'
  | 'qr_crc_mismatch';

export class DomainError extends Error {
  readonly code: DomainErrorCode;

  constructor(code: DomainErrorCode, message: string) {
    super(`${code}: ${message}`);
    this.name = 'DomainError';
    this.code = code;
  }
}
