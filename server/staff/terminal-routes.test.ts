import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FleetList } from '../../src/protocol/heartbeat';
import { createTestApp, enrolTerminal, type TestApp } from '../test-support';
import { asStaff, signIn } from './test-staff';

describe('staff: the terminals', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ jobs: { workers: false } });
    for (const centreId of ['AST-ESIL', 'AST-SARYARKA', 'ALA-ALMALY']) await enrolTerminal(t.app, `T-${centreId}`, centreId);
  }, 60_000);
  afterAll(() => t.close(), 60_000);

  const fleetOf = async (role: 'supervisor' | 'admin') => {
    const response = await asStaff(t.app, await signIn(t.app, role), { method: 'GET', url: '/api/v1/staff/terminals' });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as FleetList).terminals;
  };

  it("shows a supervisor their branch's terminals and an admin every one, a terminal never heard from as silent", async () => {
    expect((await fleetOf('supervisor')).map((f) => f.terminalId).sort()).toEqual(['T-AST-ESIL', 'T-AST-SARYARKA']);
    const all = await fleetOf('admin');
    expect(all.map((f) => f.terminalId)).toEqual(expect.arrayContaining(['T-AST-ESIL', 'T-AST-SARYARKA', 'T-ALA-ALMALY']));
    expect(all.find((f) => f.terminalId === 'T-ALA-ALMALY')?.health).toMatchObject({ silent: true, lastContactAt: null });
  });
});
