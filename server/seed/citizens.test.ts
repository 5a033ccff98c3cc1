import { describe, expect, it } from 'vitest';
import { parseIin } from '../../src/domain/iin';
import { checkEligibility } from '../../src/domain/services';
import { REFUSAL_CODES } from '../../src/protocol/citizens';
import { SERVICE_CODES } from '../../src/protocol/common';
import { buildSeedCitizens, NOT_FOUND_IIN } from './citizens';

const today = '2026-03-02';
const citizens = buildSeedCitizens(today);

describe('seed citizens', () => {
  it('are at least 50 people with valid, unique IINs whose digits match their birth date and sex', () => {
    expect(citizens.length).toBeGreaterThanOrEqual(50);
    expect(new Set(citizens.map((c) => c.person.iin)).size).toBe(citizens.length);
    for (const { person } of citizens) {
      const parsed = parseIin(person.iin);
      expect(parsed).toEqual({ ok: true, iin: person.iin, birthDate: person.birthDate, sex: person.sex });
    }
  });

  it('are the same on every run, and only document dates follow the seeding day', () => {
    const later = buildSeedCitizens('2026-09-30');
    expect(buildSeedCitizens(today)).toEqual(citizens);
    expect(later.map((c) => [c.person.iin, c.person.surname, c.phoneToType, c.faceId])).toEqual(
      citizens.map((c) => [c.person.iin, c.person.surname, c.phoneToType, c.faceId]),
    );
    expect(later[0]?.person.documents[0]?.issuedOn).not.toBe(citizens[0]?.person.documents[0]?.issuedOn);
  });

  it.each(citizens.map((c) => [c.tag, c] as const))('%s shows what the table says', (_tag, citizen) => {
    const { service, document, refusal } = citizen.example;
    expect(checkEligibility(citizen.person, service, document, today)).toBe(refusal);
  });

  it('stay as they were seeded: a year on, expired documents are still expired and valid ones still valid', () => {
    for (const citizen of citizens.filter((c) => c.example.refusal !== 'under_16')) {
      const { service, document, refusal } = citizen.example;
      expect(checkEligibility(citizen.person, service, document, '2027-03-01'), citizen.tag).toBe(refusal);
    }
  });

  it('give one eligible person per service code; the e2e journeys (04, 09, 13, 18) the face that passes the photo checks', () => {
    const firstEight = citizens.slice(0, 8);
    expect(firstEight.map((c) => c.example.service)).toEqual([...SERVICE_CODES]);
    expect(firstEight.map((c) => c.example.refusal)).toEqual(Array(8).fill(null));
    const faceOf = (service: string) => firstEight.find((c) => c.example.service === service)?.faceId;
    expect(['04', '09', '13', '18'].map(faceOf)).toEqual(['f06', 'f06', 'f06', 'f06']);
    // The others keep faces of their own, so a face-mismatch test has people to choose from.
    expect(new Set(['07', '14', '16', '17'].map(faceOf)).size).toBe(4);
  });

  it('cover every refusal code, not_found by an IIN that is valid but not seeded', () => {
    const shown = new Set(citizens.map((c) => c.example.refusal));
    for (const code of REFUSAL_CODES.filter((c) => c !== 'not_found')) expect(shown, code).toContain(code);
    expect(parseIin(NOT_FOUND_IIN).ok).toBe(true);
    expect(citizens.map((c) => c.person.iin)).not.toContain(NOT_FOUND_IIN);
  });

  it('include the phone cases and at most 22 faces', () => {
    const mismatch = citizens.find((c) => c.tag === 'phone-mismatch');
    expect(mismatch?.bmgPhone).not.toBeNull();
    expect(mismatch?.phoneToType).not.toBe(mismatch?.bmgPhone);
    expect(citizens.find((c) => c.tag === 'not-in-bmg')?.bmgPhone).toBeNull();
    expect(citizens.find((c) => c.tag === 'no-reference-photo')?.faceId).toBeNull();
    const faces = new Set(citizens.flatMap((c) => (c.faceId ? [c.faceId] : [])));
    expect(faces.size).toBeLessThanOrEqual(22);
    for (const c of citizens) {
      expect(c.phoneToType).toMatch(/^\+77\d{9}$/);
      if (c.tag !== 'phone-mismatch' && c.tag !== 'not-in-bmg') expect(c.bmgPhone).toBe(c.phoneToType);
    }
  });

  it('have Kazakh and Russian names', () => {
    const surnames = citizens.map((c) => c.person.surname);
    expect(surnames.some((s) => /[әіңғүұқөһ]/i.test(s))).toBe(true);
    expect(surnames.some((s) => /^(Иванов|Петров|Смирнов|Кузнецов|Попов|Соколов|Морозов|Волков)/.test(s))).toBe(true);
  });
});
