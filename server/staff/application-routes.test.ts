import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationDetail, ApplicationListPage } from '../../src/protocol/console';
import { createTestApp, enrolTerminal, offlineApplication, postSealed, type TestApp } from '../test-support';
import { asStaff, signIn, type SignedIn } from './test-staff';

// What each role finds when it looks applications up: its own centres' only, another centre's
// answered as not there, and every look at one citizen's application in the audit log.
describe('staff: applications', () => {
  let t: TestApp;
  const numbers: Record<string, string> = {};
  const as: Partial<Record<'operator' | 'supervisor' | 'admin' | 'analyst', SignedIn>> = {};
  beforeAll(async () => {
    t = await createTestApp({ jobs: { workers: false } });
    // The sandbox's operator works at AST-ESIL; its supervisor heads the Astana branch (AST-ESIL, AST-SARYARKA).
    for (const centreId of ['AST-ESIL', 'AST-SARYARKA', 'ALA-ALMALY']) {
      const terminal = await enrolTerminal(t.app, `T-${centreId}`, centreId);
      const payload = offlineApplication(t, t.citizen('service-18'), { terminalId: terminal.terminalId, centreId });
      expect((await postSealed(t, terminal, payload, 1)).statusCode).toBe(201);
      numbers[centreId] = payload.application.number;
    }
    for (const role of ['operator', 'supervisor', 'admin', 'analyst'] as const) as[role] = await signIn(t.app, role);
  }, 60_000);
  afterAll(() => t.close(), 60_000);

  // The test payloads are marked test (as a test-profile kiosk's are), which the list leaves out unless asked.
  const listed = async (who: SignedIn, query = '') => {
    const response = await asStaff(t.app, who, { method: 'GET', url: `/api/v1/staff/applications?test=include${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as ApplicationListPage).rows.map((r) => r.centreId).sort();
  };

  it("lists each role's own centres only: the operator's centre, the supervisor's branch, every centre for an admin", async () => {
    expect(await listed(as.operator!)).toEqual(['AST-ESIL']);
    expect(await listed(as.supervisor!)).toEqual(['AST-ESIL', 'AST-SARYARKA']);
    expect(await listed(as.admin!)).toEqual(['ALA-ALMALY', 'AST-ESIL', 'AST-SARYARKA']);
    // Asking for another centre by filter narrows; it never widens the scope.
    expect(await listed(as.operator!, '&centre=ALA-ALMALY')).toEqual([]);
  });

  it('names each bad filter with its own code', async () => {
    const response = await asStaff(t.app, as.admin!, { method: 'GET', url: '/api/v1/staff/applications?status=lost&from=yesterday' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: expect.stringMatching(/^invalid_/) });
  });

  it("opens an application of one's own centres with its history, and writes who looked at it in the audit log", async () => {
    await t.app.jobs.drain();
    const response = await asStaff(t.app, as.operator!, { method: 'GET', url: `/api/v1/staff/applications/${numbers['AST-ESIL']}` });
    expect(response.statusCode, response.body).toBe(200);
    const detail = response.json() as ApplicationDetail;
    expect(detail).toMatchObject({ number: numbers['AST-ESIL'], centreId: 'AST-ESIL' });
    // Taken from its packet, then settled by the checks: each change in the history, as it happened.
    expect(detail.status).not.toBe('pending_checks');
    expect(detail.events.map((e) => [e.kind, e.fromStatus, e.toStatus, e.actor])).toEqual([
      ['received', null, 'pending_checks', 'system'],
      ['status_changed', 'pending_checks', detail.status, 'system'],
    ]);
    const audit = await asStaff(t.app, as.admin!, { method: 'GET', url: `/api/v1/staff/audit?applicationId=${detail.id}` });
    expect((audit.json() as { entries: { username: string; action: string }[] }).entries).toContainEqual(
      expect.objectContaining({ username: 'operator', action: 'application_viewed' }),
    );
  });

  it("answers another centre's application as not there, and an analyst not at all", async () => {
    const other = await asStaff(t.app, as.operator!, { method: 'GET', url: `/api/v1/staff/applications/${numbers['ALA-ALMALY']}` });
    expect(other.statusCode).toBe(404);
    expect(other.json()).toEqual({ code: 'not_found' });
    const analyst = await asStaff(t.app, as.analyst!, { method: 'GET', url: `/api/v1/staff/applications/${numbers['AST-ESIL']}` });
    expect(analyst.statusCode).toBe(403);
  });

  const auditOf = async (action: string) => {
    const { rows } = await t.db.query<{ username: string; reason: string | null; details: Record<string, unknown> | null; application_id: string | null }>(
      `SELECT s.username, l.reason, l.details, l.application_id FROM audit_log l JOIN staff s ON s.id = l.staff_id WHERE l.action = $1 ORDER BY l.id`,
      [action],
    );
    return rows;
  };

  describe('lookup by IIN', () => {
    const lookup = (who: SignedIn, body: unknown) => asStaff(t.app, who, { method: 'POST', url: '/api/v1/staff/applications/lookup', payload: body });
    const iin = () => t.citizen('service-18').person.iin;
    const reason = 'the citizen is at desk 4 without the receipt';

    it("finds the citizen's applications in one's own centres only, and keeps who asked, why and for whom", async () => {
      const asOperator = await lookup(as.operator!, { iin: iin(), reason });
      expect(asOperator.statusCode, asOperator.body).toBe(200);
      expect((asOperator.json() as { rows: { number: string }[] }).rows.map((r) => r.number)).toEqual([numbers['AST-ESIL']]);
      const asSupervisor = (await lookup(as.supervisor!, { iin: iin(), reason })).json() as { rows: { centreId: string }[]; more: boolean };
      expect(asSupervisor.rows.map((r) => r.centreId).sort()).toEqual(['AST-ESIL', 'AST-SARYARKA']);
      expect(asSupervisor.more).toBe(false);
      expect(await auditOf('applications_looked_up')).toContainEqual({ username: 'operator', reason, details: { iin: iin(), found: 1 }, application_id: null });
    });

    it('wants a reason, and an IIN that is one', async () => {
      const noReason = await lookup(as.operator!, { iin: iin() });
      expect(noReason.statusCode).toBe(400);
      const blank = await lookup(as.operator!, { iin: iin(), reason: '          .' });
      expect(blank.json()).toEqual({ code: 'reason_required' });
      const typo = `${iin().slice(0, 11)}${(Number(iin().at(-1)) + 1) % 10}`;
      const wrong = await lookup(as.operator!, { iin: typo, reason });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json()).toEqual({ code: 'invalid_iin', detail: 'checksum' });
      // Refused lookups looked at nobody: nothing written.
      expect((await auditOf('applications_looked_up')).filter((e) => e.details?.iin === typo)).toEqual([]);
      expect((await lookup(as.analyst!, { iin: iin(), reason })).statusCode).toBe(403);
    });
  });

  describe('portrait and signature', () => {
    it('shows them to the centre, never cached, each view audited', async () => {
      const portrait = await asStaff(t.app, as.operator!, { method: 'GET', url: `/api/v1/staff/applications/${numbers['AST-ESIL']}/portrait` });
      expect(portrait.statusCode).toBe(200);
      expect(portrait.headers['content-type']).toBe('image/jpeg');
      expect(portrait.headers['cache-control']).toBe('no-store');
      expect(portrait.rawPayload.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
      const signature = await asStaff(t.app, as.supervisor!, { method: 'GET', url: `/api/v1/staff/applications/${numbers['AST-ESIL']}/signature` });
      expect(signature.headers['content-type']).toBe('image/png');
      expect(signature.rawPayload.subarray(1, 4).toString()).toBe('PNG');
      expect((await auditOf('portrait_viewed')).map((e) => e.username)).toContain('operator');
      expect((await auditOf('signature_viewed')).map((e) => e.username)).toContain('supervisor');
    });

    it("shows the registry's photo of the applicant beside them, audited", async () => {
      const photo = await asStaff(t.app, as.operator!, { method: 'GET', url: `/api/v1/staff/applications/${numbers['AST-ESIL']}/registry-photo` });
      expect(photo.statusCode).toBe(200);
      expect(photo.headers['content-type']).toBe('image/jpeg');
      expect(photo.headers['cache-control']).toBe('no-store');
      // Compared as bytes: PGlite gives a Uint8Array, PostgreSQL's driver a Buffer.
      expect(Buffer.from(photo.rawPayload).equals(Buffer.from((await t.app.registry.referencePhoto(t.citizen('service-18').person.iin))!))).toBe(true);
      expect((await auditOf('registry_photo_viewed')).map((e) => e.username)).toContain('operator');
      const other = await asStaff(t.app, as.operator!, { method: 'GET', url: `/api/v1/staff/applications/${numbers['ALA-ALMALY']}/registry-photo` });
      expect(other.statusCode).toBe(404);
    });

    it("answers another centre's as not there, and refuses the analyst", async () => {
      const other = await asStaff(t.app, as.operator!, { method: 'GET', url: `/api/v1/staff/applications/${numbers['ALA-ALMALY']}/portrait` });
      expect(other.statusCode).toBe(404);
      expect((await asStaff(t.app, as.analyst!, { method: 'GET', url: `/api/v1/staff/applications/${numbers['AST-ESIL']}/signature` })).statusCode).toBe(403);
    });
  });
});
