import { WEEKDAYS, type CentreErrorCode, type OpeningHours } from '../../src/protocol/centres';

export interface CentreFields {
  nameRu: string;
  nameKk: string;
  region: string;
  address: string;
  hours: OpeningHours;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; code: CentreErrorCode; detail: string };

const CENTRE_ID = /^[A-Z0-9]+(-[A-Z0-9]+)*$/;
const SPAN = /^([01][0-9]|2[0-3]):([0-5][0-9])-([01][0-9]|2[0-3]):([0-5][0-9])$/;

/** 'AST-ESIL': upper-case letters and digits in parts joined by '-', as the seed's ids and terminals' centre ids are. */
export function checkCentreId(id: string): Checked<string> {
  const trimmed = id.trim();
  return trimmed.length <= 32 && CENTRE_ID.test(trimmed) ? { ok: true, value: trimmed } : { ok: false, code: 'invalid_centre_id', detail: 'id' };
}

/** Both names, trimmed and not empty: the kiosk and the receipts show them in ru and kk. */
export function checkNames(names: { nameRu: string; nameKk: string }): Checked<{ nameRu: string; nameKk: string }> {
  const nameRu = names.nameRu.trim();
  const nameKk = names.nameKk.trim();
  if (!nameRu) return { ok: false, code: 'name_required', detail: 'nameRu' };
  if (!nameKk) return { ok: false, code: 'name_required', detail: 'nameKk' };
  return { ok: true, value: { nameRu, nameKk } };
}

/**
 * Opening hours: each named day one of mon…sun, open 'HH:MM-HH:MM' with the opening before the
 * closing (a ЦОН does not work past midnight). The days come back in week order.
 */
export function checkHours(hours: OpeningHours): Checked<OpeningHours> {
  const checked: OpeningHours = {};
  for (const day of Object.keys(hours)) {
    if (!(WEEKDAYS as readonly string[]).includes(day)) return { ok: false, code: 'invalid_hours', detail: day };
  }
  for (const day of WEEKDAYS) {
    const span = hours[day];
    if (span === undefined) continue;
    const m = SPAN.exec(span.trim());
    if (!m || `${m[1]}:${m[2]}` >= `${m[3]}:${m[4]}`) return { ok: false, code: 'invalid_hours', detail: day };
    checked[day] = span.trim();
  }
  return { ok: true, value: checked };
}

/** A centre's editable fields against the regions there are (one a branch); trimmed as kept. */
export function checkCentreFields(fields: CentreFields, regions: ReadonlySet<string>): Checked<CentreFields> {
  const names = checkNames(fields);
  if (!names.ok) return names;
  const region = fields.region.trim();
  if (!regions.has(region)) return { ok: false, code: 'unknown_region', detail: 'region' };
  const address = fields.address.trim();
  if (!address) return { ok: false, code: 'address_required', detail: 'address' };
  const hours = checkHours(fields.hours);
  if (!hours.ok) return hours;
  return { ok: true, value: { ...names.value, region, address, hours: hours.value } };
}
