// The eight reasons a citizen may apply for at the kiosk, and who may apply for which.
// Dates are 'YYYY-MM-DD', so comparing the strings compares the days.
import type { DocumentKind, RefusalCode, ServiceCode } from '../protocol';
import { addDays } from './dates';
import { ageOn } from './iin';
import type { RegistryDocument, RegistryPerson } from './registry-person';

export type { RegistryDocument, RegistryPerson } from './registry-person';

export interface Service {
  code: ServiceCode;
  documents: readonly DocumentKind[];
}

const BOTH: readonly DocumentKind[] = ['id_card', 'passport'];

/** In display order. */
export const SERVICES: readonly Service[] = [
  { code: '04', documents: BOTH }, // surname change on marriage or divorce
  { code: '07', documents: BOTH }, // document unusable (damaged)
  { code: '09', documents: ['id_card'] }, // ID card lost
  { code: '13', documents: ['passport'] }, // passport lost
  { code: '14', documents: BOTH }, // locality renamed
  { code: '16', documents: BOTH }, // owner's wish: colour photo, chip
  { code: '17', documents: ['passport'] }, // first passport on the basis of the ID card
  { code: '18', documents: BOTH }, // ID card expired (up to 10 days before) and/or passport expired
];

export function documentsFor(code: ServiceCode): readonly DocumentKind[] {
  return SERVICES.find((service) => service.code === code)?.documents ?? [];
}

const MIN_AGE = 16;
/** An ID card may be replaced on expiry from this many days before it expires. */
const ID_CARD_EARLY_RENEWAL_DAYS = 10;

/** The most recently issued document of a kind: older ones were superseded by it whatever their status says. */
function currentDocument(person: RegistryPerson, kind: DocumentKind): RegistryDocument | undefined {
  let current: RegistryDocument | undefined;
  for (const doc of person.documents) {
    if (doc.kind === kind && (current === undefined || doc.issuedOn >= current.issuedOn)) current = doc;
  }
  return current;
}

/** A document is valid through its expiry date inclusive. */
function isExpired(doc: RegistryDocument, today: string): boolean {
  return doc.expiresOn < today;
}

/**
 * The refusal for a current document that is not a usable one. An invalidated document counts as
 * none on record: there is nothing left to replace, and the registry clerk, not the kiosk, must
 * sort out why it was invalidated.
 */
function unusableDocument(doc: RegistryDocument | undefined, today: string): RefusalCode | null {
  if (doc === undefined || doc.status === 'invalidated') return 'no_document_on_record';
  if (doc.status === 'lost') return 'document_lost';
  if (isExpired(doc, today)) return 'document_expired';
  return null;
}

/**
 * What can be decided without the registry (the kiosk offline): the age, from the IIN's birth date,
 * and whether the document goes with the reason. The rest waits for the back office.
 */
export function checkLocalEligibility(birthDate: string, service: ServiceCode, document: DocumentKind, today: string): RefusalCode | null {
  if (ageOn(birthDate, today) < MIN_AGE) return 'under_16';
  if (!documentsFor(service).includes(document)) return 'document_not_offered';
  return null;
}

export function checkEligibility(person: RegistryPerson, service: ServiceCode, document: DocumentKind, today: string): RefusalCode | null {
  if (person.deceased) return 'deceased';
  const local = checkLocalEligibility(person.birthDate, service, document, today);
  if (local === 'under_16') return local;
  if (person.applicationInProgress) return 'application_in_progress';
  if (local) return local;

  const current = currentDocument(person, document);
  switch (service) {
    // A new surname needs a civil act after the document was issued; a document already issued
    // after the act carries the new surname. An expired or lost document is replaced under 18 or 09/13 instead.
    case '04':
      return unusableDocument(current, today) ?? (isAfter(person.civilStatusChangedOn, current) ? null : 'no_civil_record');
    // Replacing a damaged document, or one the owner wants in the new form, presumes one in force.
    case '07':
    case '16':
      return unusableDocument(current, today);
    // As 07, and the renaming must postdate the document, or the document already has the new name.
    case '14':
      return unusableDocument(current, today) ?? (isAfter(person.localityRenamedOn, current) ? null : 'no_locality_change');
    // The citizen declares the loss now, so the registry may still show the document as valid, or
    // already as lost if it was reported elsewhere. Expiry does not matter: a lost document is replaced either way.
    case '09':
    case '13':
      return current === undefined || current.status === 'invalidated' ? 'no_document_on_record' : null;
    // A first passport is issued against an ID card in force. Any passport that is not invalidated
    // and not expired — even one reported lost, which goes under 13 — means this is not a first one.
    case '17': {
      const idCard = currentDocument(person, 'id_card');
      if (idCard === undefined || idCard.status !== 'valid' || isExpired(idCard, today)) return 'no_valid_id_card';
      const hasPassport = person.documents.some((doc) => doc.kind === 'passport' && doc.status !== 'invalidated' && !isExpired(doc, today));
      return hasPassport ? 'has_passport' : null;
    }
    // Replacement on expiry: an ID card from ten days before its expiry date, a passport once expired.
    case '18': {
      if (current === undefined || current.status === 'invalidated') return 'no_document_on_record';
      if (current.status === 'lost') return 'document_lost';
      const renewableFrom = document === 'id_card' ? addDays(today, ID_CARD_EARLY_RENEWAL_DAYS) : addDays(today, -1);
      return current.expiresOn <= renewableFrom ? null : 'document_not_expired';
    }
  }
}

function isAfter(event: string | null, doc: RegistryDocument | undefined): boolean {
  return event !== null && doc !== undefined && event > doc.issuedOn;
}
