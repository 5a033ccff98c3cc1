import type { FastifyPluginAsync } from 'fastify';
import { ApiError } from '../../src/protocol/common';
import {
  AccountParams,
  AccountsPage,
  AccountsQuery,
  AccountWithPassword,
  NewAccountRequest,
  PasswordResetRequest,
  StaffAccount,
} from '../../src/protocol/staff';
import { createAccount } from './accounts';
import { AuditLog } from './audit-log';
import { generatePassword, hashPassword } from './password';
import { requireStaff, signedInStaff } from './require-staff';
import { publicAccount, StaffRepository } from './staff-repository';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError };

/** Staff accounts, for admins only: list, make, disable, reset a password. Each change is audited with it, in one transaction. */
const accountRoutes: FastifyPluginAsync = async (app) => {
  const adminOnly = requireStaff('admin');

  app.get<{ Querystring: AccountsQuery; Reply: AccountsPage | ApiError }>(
    '/accounts',
    { preHandler: adminOnly, schema: { querystring: AccountsQuery, response: { 200: AccountsPage, ...errors } } },
    async (request) => {
      const limit = Number(request.query.limit ?? 50);
      // One more than the page: whether there is a next page, without counting the table.
      const rows = await app.staffAccounts.list({ after: request.query.after, limit: limit + 1 });
      const page = rows.slice(0, limit);
      const lastSignIns = await app.auditLog.lastSignIns(page.map((account) => account.id));
      return { accounts: page.map((account) => ({ ...publicAccount(account), lastSignInAt: lastSignIns.get(account.id) ?? null })), next: rows.length > limit ? (page.at(-1)?.username ?? null) : null };
    },
  );

  app.post<{ Body: NewAccountRequest; Reply: AccountWithPassword | ApiError }>(
    '/accounts',
    { preHandler: adminOnly, schema: { body: NewAccountRequest, response: { 201: AccountWithPassword, ...errors } } },
    async (request, reply) => {
      const result = await createAccount(app.db, app.clock, request.body, signedInStaff(request).id, 'console');
      if (!result.ok) return reply.code(result.status).send({ code: result.code });
      return reply.code(201).send({
        account: publicAccount(result.account),
        ...(result.generatedPassword ? { password: result.generatedPassword } : {}),
      });
    },
  );

  app.post<{ Params: AccountParams; Reply: StaffAccount | ApiError }>(
    '/accounts/:id/disable',
    { preHandler: adminOnly, schema: { params: AccountParams, response: { 200: StaffAccount, ...errors } } },
    async (request, reply) => {
      const admin = signedInStaff(request);
      // An admin who disabled themselves could leave the back office with no admin at all.
      if (request.params.id === admin.id) return reply.code(409).send({ code: 'cannot_disable_self' });
      const account = await app.db.transaction(async (tx) => {
        const disabled = await new StaffRepository(tx).disable(request.params.id, app.clock());
        if (disabled) await new AuditLog(tx, app.clock).record({ staffId: admin.id, action: 'account_disabled', details: { account: disabled.id, username: disabled.username } });
        return disabled;
      });
      if (!account) return reply.code(404).send({ code: 'not_found' });
      return publicAccount(account);
    },
  );

  app.post<{ Params: AccountParams; Body: PasswordResetRequest; Reply: AccountWithPassword | ApiError }>(
    '/accounts/:id/password',
    { preHandler: adminOnly, schema: { params: AccountParams, body: PasswordResetRequest, response: { 200: AccountWithPassword, ...errors } } },
    async (request, reply) => {
      const admin = signedInStaff(request);
      const generated = request.body.password === undefined ? generatePassword() : null;
      const passwordHash = await hashPassword(request.body.password ?? generated ?? '');
      const account = await app.db.transaction(async (tx) => {
        const changed = await new StaffRepository(tx).setPassword(request.params.id, passwordHash);
        if (changed) await new AuditLog(tx, app.clock).record({ staffId: admin.id, action: 'password_reset', details: { account: changed.id, username: changed.username } });
        return changed;
      });
      if (!account) return reply.code(404).send({ code: 'not_found' });
      return { account: publicAccount(account), ...(generated ? { password: generated } : {}) };
    },
  );
};

export default accountRoutes;
