import { describe, expect, it } from 'vitest';
import { SERVICE_CODES, type DocumentKind, type RefusalCode, type ServiceCode } from '../protocol';
import { SERVICES, checkEligibility, checkLocalEligibility, documentsFor, type RegistryDocument, type RegistryPerson } from './services';

const TODAY = '2026-06-15';

function doc(kind: DocumentKind, overrides: Partial<RegistryDocument> = {}): RegistryDocument {
  return { kind, number: kind === 'id_card' ? '012345678' : 'N12345678', issuedOn: '2020-03-01', expiresOn: '2030-02-28', status: 'valid', ...overrides };
}

function person(overrides: Partial<RegistryPerson> = {}): RegistryPerson {
  return {
    iin: '850714300123',
    surname: 'Бекова',
    givenName: 'Айгерим',
    patronymic: 'Канатовна',
    birthDate: '1985-07-14',
    sex: 'F',
    deceased: false,
    documents: [doc('id_card'), doc('passport')],
    civilStatusChangedOn: null,
    localityRenamedOn: null,
    applicationInProgress: false,
    lostIdCardsThisYear: 0,
    ...overrides,
  };
}

const check = (p: RegistryPerson, service: ServiceCode, document: DocumentKind): RefusalCode | null => checkEligibility(p, service, document, TODAY);

describe('SERVICES', () => {
  it('lists the eight reasons in display order', () => {
    expect(SERVICES.map((s) => s.code)).toEqual(['04', '07', '09', '13', '14', '16', '17', '18']);
    expect([...SERVICES.map((s) => s.code)].sort()).toEqual([...SERVICE_CODES]);
  });

  it('offers each reason for its documents', () => {
    expect(documentsFor('04')).toEqual(['id_card', 'passport']);
    expect(documentsFor('07')).toEqual(['id_card', 'passport']);
    expect(documentsFor('09')).toEqual(['id_card']);
    expect(documentsFor('13')).toEqual(['passport']);
    expect(documentsFor('14')).toEqual(['id_card', 'passport']);
    expect(documentsFor('16')).toEqual(['id_card', 'passport']);
    expect(documentsFor('17')).toEqual(['passport']);
    expect(documentsFor('18')).toEqual(['id_card', 'passport']);
  });
});

describe('checkEligibility: person-level refusals come first', () => {
  it('refuses the deceased even with everything else wrong', () => {
    expect(check(person({ deceased: true, birthDate: '2015-01-01', applicationInProgress: true }), '09', 'passport')).toBe('deceased');
  });

  it('refuses those under 16, counting to the day', () => {
    expect(check(person({ birthDate: '2010-06-16', applicationInProgress: true }), '07', 'id_card')).toBe('under_16');
    expect(check(person({ birthDate: '2010-06-15' }), '07', 'id_card')).toBeNull();
  });

  it('refuses one with an application in progress', () => {
    expect(check(person({ applicationInProgress: true }), '09', 'passport')).toBe('application_in_progress');
  });

  it('refuses a document the reason does not cover', () => {
    expect(check(person(), '09', 'passport')).toBe('document_not_offered');
    expect(check(person(), '13', 'id_card')).toBe('document_not_offered');
    expect(check(person(), '17', 'id_card')).toBe('document_not_offered');
  });
});

describe('checkLocalEligibility: what an offline kiosk decides from the IIN alone', () => {
  it('refuses those under 16, counting to the day', () => {
    expect(checkLocalEligibility('2010-06-16', '07', 'id_card', TODAY)).toBe('under_16');
    expect(checkLocalEligibility('2010-06-15', '07', 'id_card', TODAY)).toBeNull();
  });

  it('refuses a document the reason does not cover', () => {
    expect(checkLocalEligibility('1985-07-14', '09', 'passport', TODAY)).toBe('document_not_offered');
    expect(checkLocalEligibility('1985-07-14', '13', 'id_card', TODAY)).toBe('document_not_offered');
    expect(checkLocalEligibility('1985-07-14', '17', 'id_card', TODAY)).toBe('document_not_offered');
  });

  it('tells a minor their age before the document', () => {
    expect(checkLocalEligibility('2012-01-01', '09', 'passport', TODAY)).toBe('under_16');
  });

  it('lets an adult apply for any reason with a document it covers', () => {
    expect(checkLocalEligibility('1985-07-14', '07', 'id_card', TODAY)).toBeNull();
    for (const { code, documents } of SERVICES) {
      for (const document of documents) expect(checkLocalEligibility('1985-07-14', code, document, TODAY)).toBeNull();
    }
  });
});

describe('checkEligibility keeps its order of refusals around the local rules', () => {
  it('refuses a deceased minor as deceased', () => {
    expect(check(person({ deceased: true, birthDate: '2012-01-01' }), '07', 'id_card')).toBe('deceased');
  });

  it('refuses a minor with an application in progress as under 16', () => {
    expect(check(person({ birthDate: '2012-01-01', applicationInProgress: true }), '07', 'id_card')).toBe('under_16');
  });

  it('names an application in progress before a document the reason does not cover', () => {
    expect(check(person({ applicationInProgress: true }), '13', 'id_card')).toBe('application_in_progress');
  });

  it('refuses what the local rules refuse, whatever the registry holds', () => {
    expect(check(person({ documents: [] }), '09', 'passport')).toBe('document_not_offered');
  });
});

describe('04 surname change', () => {
  const married = person({ civilStatusChangedOn: '2026-05-01' });

  it('accepts a civil act after the document was issued', () => {
    expect(check(married, '04', 'id_card')).toBeNull();
    expect(check(married, '04', 'passport')).toBeNull();
  });

  it('refuses without a civil act, or with one the document already reflects', () => {
    expect(check(person(), '04', 'id_card')).toBe('no_civil_record');
    expect(check(person({ civilStatusChangedOn: '2019-05-01' }), '04', 'id_card')).toBe('no_civil_record');
    expect(check(person({ civilStatusChangedOn: '2020-03-01' }), '04', 'id_card')).toBe('no_civil_record');
  });

  it('needs a current document in force', () => {
    expect(check({ ...married, documents: [doc('passport')] }, '04', 'id_card')).toBe('no_document_on_record');
    expect(check({ ...married, documents: [doc('id_card', { status: 'lost' })] }, '04', 'id_card')).toBe('document_lost');
    expect(check({ ...married, documents: [doc('id_card', { expiresOn: '2026-06-14' })] }, '04', 'id_card')).toBe('document_expired');
    expect(check({ ...married, documents: [doc('id_card', { status: 'invalidated' })] }, '04', 'id_card')).toBe('no_document_on_record');
  });

  it('judges the most recently issued document, not an older valid one', () => {
    const documents = [doc('id_card', { issuedOn: '2016-01-01', expiresOn: '2026-12-31' }), doc('id_card', { issuedOn: '2021-01-01', status: 'lost' })];
    expect(check({ ...married, documents }, '04', 'id_card')).toBe('document_lost');
    // …and compares the civil act with that document's issue date.
    const reissued = [doc('id_card', { issuedOn: '2016-01-01' }), doc('id_card', { issuedOn: '2026-05-20' })];
    expect(check({ ...married, documents: reissued }, '04', 'id_card')).toBe('no_civil_record');
  });
});

describe('07 unusable and 16 owner\'s wish', () => {
  for (const code of ['07', '16'] as const) {
    it(`${code}: accepts a current valid document, on its last day too`, () => {
      expect(check(person(), code, 'id_card')).toBeNull();
      expect(check(person({ documents: [doc('passport', { expiresOn: TODAY })] }), code, 'passport')).toBeNull();
    });

    it(`${code}: refuses a missing, lost or expired document`, () => {
      expect(check(person({ documents: [doc('id_card')] }), code, 'passport')).toBe('no_document_on_record');
      expect(check(person({ documents: [doc('passport', { status: 'lost' })] }), code, 'passport')).toBe('document_lost');
      expect(check(person({ documents: [doc('id_card', { expiresOn: '2026-06-14' })] }), code, 'id_card')).toBe('document_expired');
    });
  }
});

describe('14 locality renamed', () => {
  it('accepts a renaming after the document was issued', () => {
    expect(check(person({ localityRenamedOn: '2022-09-17' }), '14', 'id_card')).toBeNull();
  });

  it('refuses without a renaming, or one before the document', () => {
    expect(check(person(), '14', 'passport')).toBe('no_locality_change');
    expect(check(person({ localityRenamedOn: '2019-03-20' }), '14', 'passport')).toBe('no_locality_change');
  });

  it('needs a current document in force', () => {
    const renamed = { localityRenamedOn: '2022-09-17' };
    expect(check(person({ ...renamed, documents: [] }), '14', 'passport')).toBe('no_document_on_record');
    expect(check(person({ ...renamed, documents: [doc('passport', { status: 'lost' })] }), '14', 'passport')).toBe('document_lost');
    expect(check(person({ ...renamed, documents: [doc('passport', { expiresOn: '2025-01-01' })] }), '14', 'passport')).toBe('document_expired');
  });
});

describe('09 ID card lost and 13 passport lost', () => {
  it('accepts a document on record as valid or already as lost, expired or not', () => {
    expect(check(person(), '09', 'id_card')).toBeNull();
    expect(check(person({ documents: [doc('id_card', { status: 'lost' })] }), '09', 'id_card')).toBeNull();
    expect(check(person({ documents: [doc('passport', { status: 'lost' })] }), '13', 'passport')).toBeNull();
    expect(check(person({ documents: [doc('passport', { expiresOn: '2025-01-01' })] }), '13', 'passport')).toBeNull();
  });

  it('refuses when no such document is on record', () => {
    expect(check(person({ documents: [doc('passport')] }), '09', 'id_card')).toBe('no_document_on_record');
    expect(check(person({ documents: [doc('id_card')] }), '13', 'passport')).toBe('no_document_on_record');
    expect(check(person({ documents: [doc('id_card', { status: 'invalidated' })] }), '09', 'id_card')).toBe('no_document_on_record');
  });
});

describe('17 first passport', () => {
  const idOnly = [doc('id_card')];

  it('accepts a holder of a valid ID card without a passport', () => {
    expect(check(person({ documents: idOnly }), '17', 'passport')).toBeNull();
  });

  it('accepts one whose old passport has expired or was invalidated', () => {
    expect(check(person({ documents: [...idOnly, doc('passport', { expiresOn: '2020-01-01' })] }), '17', 'passport')).toBeNull();
    expect(check(person({ documents: [...idOnly, doc('passport', { status: 'invalidated' })] }), '17', 'passport')).toBeNull();
  });

  it('refuses without a valid, unexpired ID card', () => {
    expect(check(person({ documents: [] }), '17', 'passport')).toBe('no_valid_id_card');
    expect(check(person({ documents: [doc('id_card', { status: 'lost' })] }), '17', 'passport')).toBe('no_valid_id_card');
    expect(check(person({ documents: [doc('id_card', { expiresOn: '2026-06-14' })] }), '17', 'passport')).toBe('no_valid_id_card');
  });

  it('refuses one who has a passport in force, even one reported lost', () => {
    expect(check(person(), '17', 'passport')).toBe('has_passport');
    expect(check(person({ documents: [...idOnly, doc('passport', { status: 'lost' })] }), '17', 'passport')).toBe('has_passport');
  });
});

describe('18 replacement on expiry', () => {
  it('accepts an ID card from ten days before its expiry', () => {
    expect(check(person({ documents: [doc('id_card', { expiresOn: '2026-06-25' })] }), '18', 'id_card')).toBeNull();
    expect(check(person({ documents: [doc('id_card', { expiresOn: '2026-06-15' })] }), '18', 'id_card')).toBeNull();
    expect(check(person({ documents: [doc('id_card', { expiresOn: '2026-01-01' })] }), '18', 'id_card')).toBeNull();
  });

  it('refuses an ID card expiring later than that', () => {
    expect(check(person({ documents: [doc('id_card', { expiresOn: '2026-06-26' })] }), '18', 'id_card')).toBe('document_not_expired');
  });

  it('accepts a passport only once expired', () => {
    expect(check(person({ documents: [doc('passport', { expiresOn: '2026-06-14' })] }), '18', 'passport')).toBeNull();
    expect(check(person({ documents: [doc('passport', { expiresOn: '2026-06-15' })] }), '18', 'passport')).toBe('document_not_expired');
    expect(check(person({ documents: [doc('passport', { expiresOn: '2026-06-20' })] }), '18', 'passport')).toBe('document_not_expired');
  });

  it('refuses when none is on record or it is lost', () => {
    expect(check(person({ documents: [doc('id_card')] }), '18', 'passport')).toBe('no_document_on_record');
    expect(check(person({ documents: [doc('id_card', { status: 'lost', expiresOn: '2026-01-01' })] }), '18', 'id_card')).toBe('document_lost');
  });
});
