import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_REFERENCE_DATA } from '../../src/domain/reference-data';
import type { ReferenceDataForKiosk, ReferenceDataVersionDetail, ReferenceDataVersionList } from '../../src/protocol/reference-data';
import { importBackOfficeVerifyKey, verifyReferenceData } from '../../src/sync/reference-data-signature';
import { createTestApp, type TestApp } from '../test-support';
import { asStaff, signIn, type SignedIn } from './test-staff';

const URL = '/api/v1/staff/reference-data';
// The test clock starts on 2026-03-02.
const { mrpByYear, tariff, kurbanAit } = BUILT_IN_REFERENCE_DATA;
const NEXT_YEAR = {
  effectiveFrom: '2026-12-01',
  note: 'Law on the republican budget for 2027–2029',
  mrpByYear: [...mrpByYear, { year: 2027, mrpKzt: 4593 }],
  tariff: [...tariff, { from: '2027-01-01', document: 'id_card', rule: 'id_card', mrp: 0.5 }],
  kurbanAit,
};

describe('reference data: admins add versions, kiosks fetch them signed', () => {
  let t: TestApp;
  let admin: SignedIn;
  let verifyKey: CryptoKey;
  beforeAll(async () => {
    t = await createTestApp({ jobs: { workers: false } });
    admin = await signIn(t.app, 'admin');
    verifyKey = await importBackOfficeVerifyKey(t.app.backOfficeKeys.publicJwk);
  }, 60_000);
  afterAll(() => t.close(), 60_000);

  const versionCount = async () => Number((await t.db.query<{ n: string }>('SELECT count(*) AS n FROM reference_data_versions')).rows[0]!.n);

  it('starts from version 1, the MRP rows the back office had and the built-in tariff and Kurban ait, in force and signed', async () => {
    const list = (await asStaff(t.app, admin, { method: 'GET', url: URL })).json() as ReferenceDataVersionList;
    expect(list.versions).toEqual([expect.objectContaining({ version: 1, effectiveFrom: '2024-01-01', inForce: true, createdBy: null })]);
    const oneResponse = await asStaff(t.app, admin, { method: 'GET', url: `${URL}/1` });
    expect(oneResponse.statusCode, oneResponse.body).toBe(200);
    const one = oneResponse.json() as ReferenceDataVersionDetail;
    expect(one.document.mrpByYear).toEqual([
      { year: 2024, mrpKzt: 3692 },
      { year: 2025, mrpKzt: 3932 },
      { year: 2026, mrpKzt: 4325 },
    ]);
    expect(one.document).toMatchObject({ version: 1, tariff, kurbanAit });
    expect(await verifyReferenceData(one, verifyKey)).toBe(true);
    expect((await asStaff(t.app, admin, { method: 'GET', url: `${URL}/99` })).json()).toEqual({ code: 'version_not_found' });
  });

  it('refuses each mistake with its own code and row, and stores nothing', async () => {
    const before = await versionCount();
    const refused = async (body: object) => {
      const response = await asStaff(t.app, admin, { method: 'POST', url: URL, payload: body });
      expect(response.statusCode, response.body).toBe(400);
      return response.json() as { code: string; detail?: string; problems?: { code: string; at: string }[] };
    };
    expect(await refused({ ...NEXT_YEAR, effectiveFrom: '2026-03-01' })).toMatchObject({ code: 'effective_from_in_past', detail: '2026-03-01' });
    expect(await refused({ ...NEXT_YEAR, mrpByYear: [...NEXT_YEAR.mrpByYear, { year: 2027, mrpKzt: 4600 }] })).toMatchObject({ code: 'mrp_year_repeated', detail: '2027' });
    expect(await refused({ ...NEXT_YEAR, kurbanAit: [{ year: 2028, date: '2027-05-04' }] })).toMatchObject({ code: 'kurban_ait_year_mismatch', detail: '2028' });
    const several = await refused({ ...NEXT_YEAR, tariff: [{ from: '2027-01-01', document: 'passport', rule: 'passport_adult_36', mrp: 8.0001 }] });
    expect(several.problems?.map((p) => p.code)).toEqual(['tariff_share_invalid', 'tariff_rule_missing', 'tariff_rule_missing', 'tariff_rule_missing']);
    // What the schema refuses: a zero MRP, a date that is no date, a member it does not know.
    for (const body of [
      { ...NEXT_YEAR, mrpByYear: [{ year: 2027, mrpKzt: 0 }] },
      { ...NEXT_YEAR, effectiveFrom: '2027-02-30' },
      { ...NEXT_YEAR, extra: true },
    ]) {
      expect((await refused(body)).code).toBeTypeOf('string');
    }
    expect(await versionCount()).toBe(before);
  });

  it('numbers, signs and audits a new version, in force from its day', async () => {
    const created = await asStaff(t.app, admin, { method: 'POST', url: URL, payload: NEXT_YEAR });
    expect(created.statusCode, created.body).toBe(201);
    const version = created.json() as ReferenceDataVersionDetail;
    expect(version).toMatchObject({ version: 2, effectiveFrom: '2026-12-01', inForce: false, createdBy: admin.session.staff.id, note: NEXT_YEAR.note });
    expect(await verifyReferenceData(version, verifyKey)).toBe(true);
    // Any change of a figure breaks the signature.
    const changed = { ...version, document: { ...version.document, mrpByYear: [...version.document.mrpByYear.slice(0, -1), { year: 2027, mrpKzt: 4594 }] } };
    expect(await verifyReferenceData(changed, verifyKey)).toBe(false);

    const audit = await t.db.query<{ staff_id: string; details: Record<string, unknown> }>("SELECT staff_id, details FROM audit_log WHERE action = 'reference_data_version_created'");
    expect(audit.rows).toEqual([{ staff_id: admin.session.staff.id, details: { version: 2, effectiveFrom: '2026-12-01', mrpYears: [2024, 2025, 2026, 2027], kurbanAitYears: [2025, 2026, 2027] } }]);

    const list = (await asStaff(t.app, admin, { method: 'GET', url: URL })).json() as ReferenceDataVersionList;
    expect(list.versions.map((v) => [v.version, v.inForce])).toEqual([
      [2, false],
      [1, true],
    ]);
  });

  it('hands a kiosk the version in force and the later-dated one, each signed, and only to a signed request', async () => {
    const response = await t.asTerminal({ method: 'GET', url: '/api/v1/terminals/reference-data' });
    expect(response.statusCode, response.body).toBe(200);
    const { versions } = response.json() as ReferenceDataForKiosk;
    expect(versions.map((v) => v.document.version)).toEqual([1, 2]);
    for (const version of versions) expect(await verifyReferenceData(version, verifyKey)).toBe(true);

    const unsigned = await t.app.inject({ method: 'GET', url: '/api/v1/terminals/reference-data' });
    expect(unsigned.statusCode).toBe(401);
  });

  it('never changes nor removes a version, whoever asks the database', async () => {
    await expect(t.db.query("UPDATE reference_data_versions SET note = 'rewritten' WHERE version = 2")).rejects.toThrow(/append-only/);
    await expect(t.db.query('DELETE FROM reference_data_versions WHERE version = 2')).rejects.toThrow(/append-only/);
    await expect(t.db.query('TRUNCATE reference_data_versions')).rejects.toThrow(/append-only/);
  });

  it('switches to the new version on its day, for the console and for kiosks', async () => {
    // 2027-01-04: version 2 has been in force since 2026-12-01, and version 1 is of no more use to a kiosk.
    t.advance((Date.parse('2027-01-04T05:00:00Z') - t.now().getTime()) / 1000);
    const list = (await asStaff(t.app, await signIn(t.app, 'admin'), { method: 'GET', url: URL })).json() as ReferenceDataVersionList;
    expect(list.versions.find((v) => v.inForce)?.version).toBe(2);
    const { versions } = (await t.asTerminal({ method: 'GET', url: '/api/v1/terminals/reference-data' })).json() as ReferenceDataForKiosk;
    expect(versions.map((v) => v.document.version)).toEqual([2]);
  });
});
