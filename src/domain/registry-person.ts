import type { DocumentKind } from '../protocol';

/** One document as the registry holds it. Dates are 'YYYY-MM-DD'; a document is valid through `expiresOn` inclusive. */
export interface RegistryDocument {
  kind: DocumentKind;
  number: string;
  issuedOn: string;
  expiresOn: string;
  status: 'valid' | 'lost' | 'invalidated';
}

/** A person as the population registry returns them to the back office. */
export interface RegistryPerson {
  iin: string;
  surname: string;
  givenName: string;
  patronymic: string | null;
  birthDate: string;
  sex: 'M' | 'F';
  deceased: boolean;
  documents: RegistryDocument[];
  /** The last civil registry act that changes a surname (marriage, divorce). */
  civilStatusChangedOn: string | null;
  /** When the locality of the person's registered address was renamed. */
  localityRenamedOn: string | null;
  applicationInProgress: boolean;
  /** ID cards lost in the 12 months before today, which the fee depends on. */
  lostIdCardsThisYear: number;
}
