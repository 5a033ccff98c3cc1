import cookie from '@fastify/cookie';
import fp from 'fastify-plugin';
import { AuditLog } from './audit-log';
import { dummyPasswordHash } from './password';
import { seedSandboxStaff } from './seed-staff';
import { StaffSessionsRepository } from './sessions-repository';
import { StaffRepository } from './staff-repository';

declare module 'fastify' {
  interface FastifyInstance {
    staffAccounts: StaffRepository;
    staffSessions: StaffSessionsRepository;
    auditLog: AuditLog;
  }
}

export interface StaffPluginOptions {
  /** Seed one account per role (server/staff/seed-staff.ts): the sandbox only, never a deployment. */
  seedSandboxAccounts: boolean;
}

/**
 * What every staff route stands on: the cookie parser, `request.staff`, the staff, session and
 * audit repositories, and in the sandbox its four accounts. The routes are server/staff/routes.ts.
 */
export default fp<StaffPluginOptions>(
  async (app, options) => {
    await app.register(cookie);
    app.decorateRequest('staff', null);
    app.decorate('staffAccounts', new StaffRepository(app.db));
    app.decorate('staffSessions', new StaffSessionsRepository(app.db));
    app.decorate('auditLog', new AuditLog(app.db, app.clock));
    // Made now, not by the first sign-in under an unknown username, which would otherwise take two hashes' time and stand out.
    await dummyPasswordHash();
    if (options.seedSandboxAccounts) {
      const added = await seedSandboxStaff(app.db, app.clock());
      if (added > 0) app.log.info({ accounts: added }, 'sandbox staff accounts seeded');
    }
  },
  { name: 'staff', dependencies: ['core'] },
);
