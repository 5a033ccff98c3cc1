// The sandbox registry's synthetic citizens: one eligible person per service (the e2e journeys),
// one per refusal, the phone and photo cases, and ordinary people to make up a realistic crowd.
// Names, IINs, phones and faces are fixed; document dates are relative to the seeding day, so a
// document seeded as expired stays expired and one seeded far from expiry stays in force.
import { addDays } from '../../src/domain/dates';
import { iinControlDigit } from '../../src/domain/iin';
import type { RegistryDocument, RegistryPerson } from '../../src/domain/registry-person';
import type { DocumentKind, RefusalCode, ServiceCode } from '../../src/protocol';
import { KAZAKH_NAMES, RUSSIAN_NAMES, type NamePool } from './names';
import { seededRandom } from '../../src/domain/seeded-random';
import { pick } from './prng';

export interface SeedCitizen {
  /** A stable key for tests and the table: 'service-04', 'refusal-deceased', 'phone-mismatch', … */
  tag: string;
  person: RegistryPerson;
  /** What the БМГ holds; null when the person never registered a number. */
  bmgPhone: string | null;
  /** What the tester types at the kiosk; differs from bmgPhone for the mismatch case. */
  phoneToType: string;
  /** The registry photo, one of the faces cut from face-api's samples; null when none is on record. */
  faceId: string | null;
  /** The service and document the table suggests, and what the registry check answers for them. */
  example: { service: ServiceCode; document: DocumentKind; refusal: RefusalCode | null };
  shows: string;
}

const SEED = 20_260_125;
const YEAR = 365;
const VALIDITY = 10 * YEAR;
/** The first eight are the e2e journeys, one per service. */
const E2E_FACES = 8;
/**
 * Faces of those eight, by service 04 07 09 13 14 16 17 18. The e2e journeys (04, 09, 13, 18) go
 * through the photo step, whose checks want a neutral face with the mouth closed: of the 18 sample
 * faces (group photos, mostly smiling) only f06 passes every check once the test clip turns it
 * frontal and level (f01 too, but levelling its bowed head moves its descriptor to the match
 * threshold; see docs/biometrics.md). So those four citizens share f06's face, as crowd citizens
 * share faces; the match is one to one by IIN, so nothing confuses them.
 */
const E2E_FACE_ORDER = ['f06', 'f03', 'f06', 'f06', 'f07', 'f08', 'f02', 'f06'] as const;
/** Faces loadRegistryFaces() keeps from the sample photos (22 found, 18 large and sharp enough). */
const FACE_COUNT = 18;

type Sex = 'M' | 'F';

interface Scenario {
  tag: string;
  shows: string;
  sex: Sex;
  service: ServiceCode;
  document: DocumentKind;
  refusal: RefusalCode | null;
  documents: (d: DocumentMaker) => RegistryDocument[];
  born?: string;
  extra?: (today: string) => Partial<RegistryPerson>;
  phone?: 'mismatch' | 'not_in_bmg';
  noFace?: boolean;
  /** A face of its own choosing (the e2e clips show f06); otherwise by position. */
  face?: string;
}

interface DocumentMaker {
  idCard(issuedDaysAgo: number, status?: RegistryDocument['status'], expiresInDays?: number): RegistryDocument;
  passport(issuedDaysAgo: number, status?: RegistryDocument['status'], expiresInDays?: number): RegistryDocument;
}

const idOk = (d: DocumentMaker) => [d.idCard(3 * YEAR)];
const bothOk = (d: DocumentMaker) => [d.idCard(3 * YEAR), d.passport(2 * YEAR)];

const SCENARIOS: readonly Scenario[] = [
  // The e2e journeys: one per service code, with the document each is done for.
  { tag: 'service-04', shows: '04 surname change, ID card: married 2 months ago', sex: 'F', service: '04', document: 'id_card', refusal: null, documents: idOk, extra: (t) => ({ civilStatusChangedOn: addDays(t, -60) }) },
  { tag: 'service-07', shows: '07 document unusable, ID card', sex: 'F', service: '07', document: 'id_card', refusal: null, documents: idOk },
  { tag: 'service-09', shows: '09 ID card lost, fee 0.2 MRP', sex: 'F', service: '09', document: 'id_card', refusal: null, documents: idOk },
  { tag: 'service-13', shows: '13 passport lost, fee 8 MRP', sex: 'F', service: '13', document: 'passport', refusal: null, documents: bothOk },
  { tag: 'service-14', shows: '14 locality renamed a year ago, ID card', sex: 'F', service: '14', document: 'id_card', refusal: null, documents: idOk, extra: (t) => ({ localityRenamedOn: addDays(t, -YEAR) }) },
  { tag: 'service-16', shows: "16 owner's wish, passport", sex: 'F', service: '16', document: 'passport', refusal: null, documents: bothOk },
  { tag: 'service-17', shows: '17 first passport on a valid ID card', sex: 'F', service: '17', document: 'passport', refusal: null, documents: idOk },
  { tag: 'service-18', shows: '18 ID card expires in 5 days: no fee (not_required)', sex: 'F', service: '18', document: 'id_card', refusal: null, documents: (d) => [d.idCard(VALIDITY - 5)] },
  // The same services with the other document, and the fee variants.
  { tag: 'service-04-passport', shows: '04 surname change, passport', sex: 'F', service: '04', document: 'passport', refusal: null, documents: bothOk, extra: (t) => ({ civilStatusChangedOn: addDays(t, -30) }) },
  { tag: 'service-07-passport', shows: '07 document unusable, passport', sex: 'F', service: '07', document: 'passport', refusal: null, documents: bothOk },
  { tag: 'service-14-passport', shows: '14 locality renamed, passport', sex: 'F', service: '14', document: 'passport', refusal: null, documents: bothOk, extra: (t) => ({ localityRenamedOn: addDays(t, -100) }) },
  { tag: 'service-16-id-card', shows: "16 owner's wish, ID card", sex: 'F', service: '16', document: 'id_card', refusal: null, documents: idOk },
  { tag: 'service-18-passport', shows: '18 passport expired 2 months ago, fee 8 MRP', sex: 'F', service: '18', document: 'passport', refusal: null, documents: (d) => [d.idCard(2 * YEAR), d.passport(VALIDITY + 60)] },
  { tag: 'service-18-expired-id-card', shows: '18 ID card expired a month ago: no fee', sex: 'F', service: '18', document: 'id_card', refusal: null, documents: (d) => [d.idCard(VALIDITY + 30)] },
  { tag: 'service-09-lost-repeatedly', shows: '09 third ID card lost this year: fee 1 MRP', sex: 'F', service: '09', document: 'id_card', refusal: null, documents: (d) => [d.idCard(40, 'lost'), d.idCard(20)], extra: () => ({ lostIdCardsThisYear: 3 }) },
  { tag: 'service-13-reported-lost', shows: '13 passport already reported lost elsewhere', sex: 'F', service: '13', document: 'passport', refusal: null, documents: (d) => [d.idCard(YEAR), d.passport(YEAR, 'lost')] },
  { tag: 'service-17-old-passport', shows: '17 first passport: the old one expired long ago', sex: 'F', service: '17', document: 'passport', refusal: null, documents: (d) => [d.idCard(YEAR), d.passport(VALIDITY + 3 * YEAR)] },
  // One person per refusal.
  { tag: 'refusal-deceased', shows: 'deceased (any service)', sex: 'M', service: '07', document: 'id_card', refusal: 'deceased', documents: idOk, born: '1948-03-14', extra: () => ({ deceased: true }) },
  { tag: 'refusal-under_16', shows: 'under 16 (any service)', sex: 'M', service: '07', document: 'id_card', refusal: 'under_16', documents: idOk, born: '2013-09-02' },
  { tag: 'refusal-application_in_progress', shows: 'an application already in progress (any service)', sex: 'F', service: '07', document: 'id_card', refusal: 'application_in_progress', documents: idOk, extra: () => ({ applicationInProgress: true }) },
  { tag: 'refusal-document_not_offered', shows: '09 with a passport: 09 is for ID cards only (13 is for passports)', sex: 'M', service: '09', document: 'passport', refusal: 'document_not_offered', documents: bothOk },
  { tag: 'refusal-no_valid_id_card', shows: '17 first passport, but the ID card expired', sex: 'M', service: '17', document: 'passport', refusal: 'no_valid_id_card', documents: (d) => [d.idCard(VALIDITY + 90)] },
  { tag: 'refusal-has_passport', shows: '17 first passport, but a valid passport is on record', sex: 'F', service: '17', document: 'passport', refusal: 'has_passport', documents: bothOk },
  { tag: 'refusal-document_not_expired', shows: '18 ID card on expiry, but it is valid for years', sex: 'M', service: '18', document: 'id_card', refusal: 'document_not_expired', documents: idOk },
  { tag: 'refusal-document_lost', shows: '07 ID card unusable, but the card is reported lost (use 09)', sex: 'F', service: '07', document: 'id_card', refusal: 'document_lost', documents: (d) => [d.idCard(2 * YEAR, 'lost')] },
  { tag: 'refusal-document_expired', shows: '07 ID card unusable, but the card expired (use 18)', sex: 'M', service: '07', document: 'id_card', refusal: 'document_expired', documents: (d) => [d.idCard(VALIDITY + 30)] },
  { tag: 'refusal-no_document_on_record', shows: '07 passport unusable, but no passport on record', sex: 'F', service: '07', document: 'passport', refusal: 'no_document_on_record', documents: idOk },
  { tag: 'refusal-no_civil_record', shows: '04 surname change, but no marriage or divorce on record', sex: 'F', service: '04', document: 'id_card', refusal: 'no_civil_record', documents: idOk },
  { tag: 'refusal-no_locality_change', shows: '14 locality renamed, but no renaming on record', sex: 'M', service: '14', document: 'id_card', refusal: 'no_locality_change', documents: idOk },
  // Eligible in the registry, stopped later in the journey.
  { tag: 'phone-mismatch', shows: 'eligible for 07; the БМГ holds another number: phone_mismatch', sex: 'M', service: '07', document: 'id_card', refusal: null, documents: idOk, phone: 'mismatch' },
  { tag: 'not-in-bmg', shows: 'eligible for 07; no number in the БМГ: not_in_bmg', sex: 'F', service: '07', document: 'id_card', refusal: null, documents: idOk, phone: 'not_in_bmg' },
  { tag: 'no-reference-photo', shows: 'eligible for 07; no photo in the registry: identify says no_reference', sex: 'F', service: '07', document: 'id_card', refusal: null, documents: idOk, noFace: true },
  // The offline-first and device e2e journeys (e2e/offline.spec.ts, devices.spec.ts, emulated-camera.spec.ts,
  // signature-pad.spec.ts): each may end with an application of its own, and a person with one in
  // progress cannot start another, so each test has its person. Face f06, the one the journey clips show.
  ...(['offline', 'reload', 'replay-first', 'replay-second', 'altered', 'revoked', 'webusb', 'emulated-camera', 'signature-pad', 'telemetry'] as const).map(
    (name): Scenario => ({ tag: `kiosk-${name}`, shows: `07 ID card: the ${name} kiosk e2e test`, sex: 'F', service: '07', document: 'id_card', refusal: null, documents: idOk, face: 'f06' }),
  ),
];

/**
 * e2e people added after the crowd, so every citizen seeded before them keeps their IIN, name and
 * phone.
 */
const AFTER_THE_CROWD: readonly Scenario[] = [
  // The accessibility journeys (e2e/accessibility.spec.ts, one per language) and the tactile keypad's (e2e/keypad.spec.ts).
  ...(['a11y-kk', 'a11y-ru', 'a11y-en', 'keypad-kk', 'keypad-ru'] as const).map(
    (name): Scenario => ({ tag: `kiosk-${name}`, shows: `07 ID card: the ${name} kiosk e2e test`, sex: 'F', service: '07', document: 'id_card', refusal: null, documents: idOk, face: 'f06' }),
  ),
  // The payment e2e (e2e/payment-countdown.spec.ts): one who pays by QR, one exempt from the fee.
  { tag: 'kiosk-payment-countdown', shows: '07 ID card: the payment countdown e2e test', sex: 'F', service: '07', document: 'id_card', refusal: null, documents: idOk, face: 'f06' },
  { tag: 'kiosk-payment-exempt', shows: '18 ID card expires in 5 days, no fee: the payment e2e test', sex: 'F', service: '18', document: 'id_card', refusal: null, documents: (d) => [d.idCard(VALIDITY - 5)], face: 'f06' },
  // The colour challenge's (e2e/colour-liveness.spec.ts): a lit face, and a replay in each language.
  // Their own, so another test's SMS to them is never the newest when that one asks for its code.
  ...(['colour-lit', 'colour-replay-kk', 'colour-replay-ru'] as const).map(
    (name): Scenario => ({ tag: `kiosk-${name}`, shows: `07 ID card: the ${name} kiosk e2e test`, sex: 'F', service: '07', document: 'id_card', refusal: null, documents: idOk, face: 'f06' }),
  ),
];

/** Ordinary people with an ID card and often a passport, to make the registry a crowd. */
const CROWD = 22;


/** A valid IIN that the registry does not know: the 'not_found' refusal. */
export const NOT_FOUND_IIN = makeIin('1987-07-07', 'M', 9876);

export function buildSeedCitizens(today: string): SeedCitizen[] {
  const random = seededRandom(SEED);
  const usedPhones = new Set<string>();
  const usedNumbers = new Set<string>();
  const unique = (used: Set<string>, make: () => string) => {
    for (;;) {
      const value = make();
      if (!used.has(value)) {
        used.add(value);
        return value;
      }
    }
  };
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
  const phone = () => unique(usedPhones, () => `+77${pick(random, ['01', '02', '05', '07', '47', '71', '75', '77'])}${digits(7)}`);
  const makeDocument = (kind: DocumentKind, prefix: string) =>
    (issuedDaysAgo: number, status: RegistryDocument['status'] = 'valid', expiresInDays?: number): RegistryDocument => {
      const issuedOn = addDays(today, -issuedDaysAgo);
      return {
        kind,
        number: unique(usedNumbers, () => prefix + digits(prefix ? 8 : 9)),
        issuedOn,
        expiresOn: expiresInDays === undefined ? addDays(issuedOn, VALIDITY) : addDays(today, expiresInDays),
        status,
      };
    };
  const maker: DocumentMaker = { idCard: makeDocument('id_card', ''), passport: makeDocument('passport', 'N') };

  const crowd: Scenario[] = Array.from({ length: CROWD }, (_, i) => ({
    tag: `crowd-${String(i + 1).padStart(2, '0')}`,
    shows: i % 2 === 0 ? 'ordinary: ID card and passport, eligible for 07/16' : 'ordinary: ID card, eligible for 07/16/17',
    sex: 'F',
    service: '16',
    document: 'id_card',
    refusal: null,
    documents: i % 2 === 0 ? bothOk : idOk,
  }));

  let faceCursor = 0;
  return [...SCENARIOS, ...crowd, ...AFTER_THE_CROWD].map((scenario, index) => {
    const birthDate = scenario.born ?? adultBirthDate(random);
    const names = nameFor(random, scenario.sex, index % 3 === 2 ? RUSSIAN_NAMES : KAZAKH_NAMES);
    const iin = makeIin(birthDate, scenario.sex, 100 + index * 7);
    const own = phone();
    const faceId = scenario.noFace ? null : scenario.face ? scenario.face : index < E2E_FACES ? E2E_FACE_ORDER[index]! : faceName(E2E_FACES + (faceCursor++ % (FACE_COUNT - E2E_FACES)));
    const person: RegistryPerson = {
      iin,
      ...names,
      birthDate,
      sex: scenario.sex,
      deceased: false,
      documents: scenario.documents(maker),
      civilStatusChangedOn: null,
      localityRenamedOn: null,
      applicationInProgress: false,
      lostIdCardsThisYear: 0,
      ...scenario.extra?.(today),
    };
    return {
      tag: scenario.tag,
      person,
      bmgPhone: scenario.phone === 'not_in_bmg' ? null : own,
      phoneToType: scenario.phone === 'mismatch' ? phone() : own,
      faceId,
      example: { service: scenario.service, document: scenario.document, refusal: scenario.refusal },
      shows: scenario.shows,
    };
  });
}

function faceName(index: number): string {
  return `f${String(index + 1).padStart(2, '0')}`;
}

/** Adults from 20 to 60 years old for decades to come. */
function adultBirthDate(random: () => number): string {
  const year = 1966 + Math.floor(random() * 40);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function nameFor(random: () => number, sex: Sex, pool: NamePool) {
  const form = sex === 'M' ? 0 : 1;
  const surname = pick(random, pool.surnames)[form];
  const givenName = pick(random, sex === 'M' ? pool.givenM : pool.givenF);
  // Some Kazakhs carry no patronymic at all; the registry then holds none.
  const patronymic = pool === KAZAKH_NAMES && random() < 0.15 ? null : pick(random, pool.patronymics)[form];
  return { surname, givenName, patronymic };
}

/** YYMMDD, century-and-sex digit, serial from `serial` upwards until the control digit exists. */
function makeIin(birthDate: string, sex: Sex, serial: number): string {
  const year = Number(birthDate.slice(0, 4));
  const centuryDigit = (year >= 2000 ? 5 : 3) + (sex === 'M' ? 0 : 1);
  const head = `${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${birthDate.slice(8, 10)}${centuryDigit}`;
  for (let s = serial; ; s++) {
    const first11 = head + String(s % 10_000).padStart(4, '0');
    const control = iinControlDigit(first11);
    if (control !== null) return first11 + String(control);
  }
}
