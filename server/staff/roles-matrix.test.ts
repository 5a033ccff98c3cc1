import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_ROLES, type StaffRole } from '../../src/protocol/staff';
import { createTestApp, type TestApp } from '../test-support';
import { asStaff, signIn, type SignedIn } from './test-staff';

/**
 * Every staff route and the roles that may call it. A new console route joins by adding its row:
 * the loop below signs in as each role and checks that the route answers 401 without a session,
 * 403 forbidden_role to every role not listed, and neither 401 nor 403 to every role listed.
 * `payload` is a body the route takes (or refuses for its content, never for who sends it).
 */
interface MatrixRow {
  method: NonNullable<InjectOptions['method']>;
  url: string;
  allowed: readonly StaffRole[];
  payload?: unknown;
}

const ANY_ROLE = STAFF_ROLES;
const ADMIN = ['admin'] as const;
// A police officer is on none of the routes that show a citizen's application, a terminal or an account.
// Who may see one citizen's application: not the analyst, who sees aggregates only.
const READERS = ['operator', 'supervisor', 'admin'] as const;
// Who decides the manual-review cases: the centre's operators and the branch's supervisor.
const REVIEWERS = ['operator', 'supervisor'] as const;
// An id no account has: the admin gets 404, which is neither 401 nor 403.
const NO_ACCOUNT = '00000000-0000-4000-8000-000000000000';

const STAFF_ROUTES: readonly MatrixRow[] = [
  { method: 'GET', url: '/api/v1/staff/accounts', allowed: ADMIN },
  { method: 'POST', url: '/api/v1/staff/accounts', allowed: ADMIN, payload: { username: 'matrix', role: 'analyst' } },
  { method: 'POST', url: `/api/v1/staff/accounts/${NO_ACCOUNT}/disable`, allowed: ADMIN },
  { method: 'POST', url: `/api/v1/staff/accounts/${NO_ACCOUNT}/password`, allowed: ADMIN, payload: {} },
  { method: 'DELETE', url: `/api/v1/staff/accounts/${NO_ACCOUNT}/totp`, allowed: ADMIN },
  { method: 'GET', url: '/api/v1/staff/audit', allowed: ADMIN },
  { method: 'GET', url: '/api/v1/staff/applications', allowed: READERS },
  { method: 'GET', url: '/api/v1/staff/terminals', allowed: ['supervisor', 'admin'] },
  // Terminal management: the branch's supervisor and the admin. A terminal no one has answers 404.
  { method: 'GET', url: '/api/v1/staff/terminals/centres', allowed: ['supervisor', 'admin'] },
  { method: 'POST', url: '/api/v1/staff/terminals', allowed: ['supervisor', 'admin'], payload: { terminalId: 'MATRIX-1', centreId: 'AST-ESIL' } },
  { method: 'PUT', url: '/api/v1/staff/terminals/MATRIX-NONE/name', allowed: ['supervisor', 'admin'], payload: { name: 'matrix' } },
  { method: 'PUT', url: '/api/v1/staff/terminals/MATRIX-NONE/centre', allowed: ['supervisor', 'admin'], payload: { centreId: 'AST-ESIL' } },
  { method: 'POST', url: '/api/v1/staff/terminals/MATRIX-NONE/revoke', allowed: ['supervisor', 'admin'] },
  { method: 'GET', url: '/api/v1/staff/applications/AAAA-BBBB-CCCC', allowed: READERS },
  { method: 'GET', url: '/api/v1/staff/applications/AAAA-BBBB-CCCC/portrait', allowed: READERS },
  { method: 'GET', url: '/api/v1/staff/applications/AAAA-BBBB-CCCC/signature', allowed: READERS },
  { method: 'GET', url: '/api/v1/staff/applications/AAAA-BBBB-CCCC/registry-photo', allowed: READERS },
  // A valid IIN and reason: 200 with nothing found to every reader.
  { method: 'POST', url: '/api/v1/staff/applications/lookup', allowed: READERS, payload: { iin: '900101300017', reason: 'roles matrix: a lookup' } },
  { method: 'GET', url: '/api/v1/staff/review', allowed: REVIEWERS },
  { method: 'POST', url: '/api/v1/staff/applications/AAAA-BBBB-CCCC/decision', allowed: REVIEWERS, payload: { decision: 'accept', reason: 'face_confirmed' } },
  { method: 'GET', url: '/api/v1/staff/reference-data', allowed: ADMIN },
  { method: 'GET', url: '/api/v1/staff/reference-data/1', allowed: ADMIN },
  // A version dated in the past: 400 effective_from_in_past to the admin, which is neither 401 nor 403.
  { method: 'POST', url: '/api/v1/staff/reference-data', allowed: ADMIN, payload: { effectiveFrom: '2020-01-01', mrpByYear: [], tariff: [], kurbanAit: [] } },
  // Centres and branches (server/staff/centre-routes.ts): read by any staff member, changed by an admin.
  { method: 'GET', url: '/api/v1/staff/branches', allowed: ANY_ROLE },
  { method: 'GET', url: '/api/v1/staff/centres', allowed: ANY_ROLE },
  { method: 'GET', url: '/api/v1/staff/centres/AST-ESIL/versions', allowed: ADMIN },
  // A version that cannot be the current one: the admin gets 409, which is neither 401 nor 403.
  { method: 'PUT', url: '/api/v1/staff/centres/AST-ESIL', allowed: ADMIN, payload: { nameRu: 'a', nameKk: 'b', region: 'astana', address: 'c', hours: {}, version: 999 } },
  { method: 'PUT', url: '/api/v1/staff/branches/AST', allowed: ADMIN, payload: { nameRu: 'a', nameKk: 'b', version: 999 } },
  { method: 'POST', url: '/api/v1/staff/centres', allowed: ADMIN, payload: { id: 'AST-MATRIX', branchId: 'AST', nameRu: 'a', nameKk: 'b', region: 'astana', address: 'c', hours: {} } },
  // The weekly report (server/staff/report-routes.ts): aggregates, not the operator's; the supervisor asks for their branch.
  { method: 'GET', url: '/api/v1/staff/reports/weekly?week=2026-W09&scope=branch:AST', allowed: ['analyst', 'supervisor', 'admin'] },
  // The problems register (server/problems/): recorded by a centre's operator, the branch's supervisor
  // and the region's police; read by those and by the analyst and the admin. Every sandbox account
  // is of the Astana branch at AST-ESIL, so a recorder's problem there is taken (201).
  { method: 'GET', url: '/api/v1/staff/problems', allowed: ['operator', 'supervisor', 'police', 'analyst', 'admin'] },
  { method: 'GET', url: '/api/v1/staff/problems/places', allowed: ['operator', 'supervisor', 'police'] },
  { method: 'POST', url: '/api/v1/staff/problems', allowed: ['operator', 'supervisor', 'police'], payload: { centreId: 'AST-ESIL', category: 'network', description: 'roles matrix', happenedAt: '2025-01-01T00:00:00.000Z' } },
  { method: 'PUT', url: `/api/v1/staff/problems/${NO_ACCOUNT}`, allowed: ['operator', 'supervisor', 'police'], payload: { status: 'resolved', version: 1 } },
  { method: 'POST', url: '/api/v1/staff/totp', allowed: ANY_ROLE },
  // A code that cannot be right: 400 invalid_totp to every role, which is neither 401 nor 403.
  { method: 'PUT', url: '/api/v1/staff/totp', allowed: ANY_ROLE, payload: { secret: 'A'.repeat(32), code: '000000' } },
  // Signing out is any signed-in staff member's, and last: it ends the session it is sent with.
  { method: 'DELETE', url: '/api/v1/staff/session', allowed: ANY_ROLE },
];

describe('roles × staff routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ jobs: { workers: false } });
  });
  afterAll(() => t.close());

  it.each(STAFF_ROUTES)('$method $url: 401 no_session without a session', async (route) => {
    const response = await asStaff(t.app, null, route);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ code: 'no_session' });
  });

  describe.each(STAFF_ROLES)('as %s', (role) => {
    let who: SignedIn;
    beforeAll(async () => {
      who = await signIn(t.app, role);
    });

    it.each(STAFF_ROUTES)(`$method $url`, async (route) => {
      const response = await asStaff(t.app, who, route);
      if (route.allowed.includes(role)) {
        expect([401, 403], `${route.method} ${route.url} as ${role}: ${response.body}`).not.toContain(response.statusCode);
        expect(response.statusCode).toBeLessThan(500);
      } else {
        expect(response.statusCode, response.body).toBe(403);
        expect(response.json()).toEqual({ code: 'forbidden_role' });
      }
    });
  });
});
