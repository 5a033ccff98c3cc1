import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support';
import { seedSandboxStaff } from './seed-staff';
import { signInRequest } from './test-staff';

describe('staff accounts the back office seeds', () => {
  describe('in the sandbox', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ jobs: { workers: false } });
    });
    afterAll(() => t.close());

    it('one per role, named after it, of the Astana branch at AST-ESIL, with the password sandbox-password', async () => {
      const { rows } = await t.db.query<{ username: string; role: string; branch_id: string; centre_id: string }>(
        'SELECT username, role, branch_id, centre_id FROM staff ORDER BY username',
      );
      expect(rows).toEqual(
        ['admin', 'analyst', 'operator', 'police', 'supervisor'].map((role) => ({ username: role, role, branch_id: 'AST', centre_id: 'AST-ESIL' })),
      );
      for (const { username } of rows) {
        expect((await t.app.inject(signInRequest({ username, password: 'sandbox-password' }))).statusCode).toBe(200);
      }
    });

    it('only once: a restart on the same database adds none', async () => {
      expect(await seedSandboxStaff(t.db, t.now())).toBe(0);
    });
  });

  describe('in the production configuration', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ configuration: 'production', jobs: { workers: false } });
    });
    afterAll(() => t.close());

    it('none at all: sandbox-password signs nobody in', async () => {
      expect((await t.db.query('SELECT 1 FROM staff')).rows).toEqual([]);
      const response = await t.app.inject(signInRequest({ username: 'admin', password: 'sandbox-password' }));
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({ code: 'invalid_credentials' });
    });
  });
});
