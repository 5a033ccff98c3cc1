import { Secret, TOTP } from 'otpauth';
import type { FastifyPluginAsync } from 'fastify';
import { ApiError } from '../../src/protocol/common';
import { AccountParams, StaffAccount, StaffMember, TotpEnrolRequest, TotpProposal } from '../../src/protocol/staff';
import { AuditLog } from './audit-log';
import { requireStaff, signedInStaff } from './require-staff';
import { TOTP_PERIOD_S, totpFor } from './sign-in';
import { publicAccount, staffMember, StaffRepository } from './staff-repository';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError };
const ISSUER = 'Documentation kiosk';

/**
 * The second factor, for oneself: ask for a secret (nothing stored), then send it back with a code
 * the authenticator app made from it; only then does sign-in ask for codes. The secret travels to
 * the console and back because the console must show it as a QR anyway; a session of this very
 * account, with its CSRF token, is what may set it. A lost phone: an admin removes the factor.
 */
const totpRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Reply: TotpProposal | ApiError }>('/totp', { preHandler: requireStaff(), schema: { response: { 200: TotpProposal, ...errors } } }, async (request) => {
    const staff = signedInStaff(request);
    const secret = new Secret({ size: 20 });
    const uri = new TOTP({ issuer: ISSUER, label: staff.username, secret, algorithm: 'SHA1', digits: 6, period: TOTP_PERIOD_S }).toString();
    return { secret: secret.base32, uri };
  });

  app.put<{ Body: TotpEnrolRequest; Reply: StaffMember | ApiError }>(
    '/totp',
    { preHandler: requireStaff(), schema: { body: TotpEnrolRequest, response: { 200: StaffMember, ...errors } } },
    async (request, reply) => {
      const staff = signedInStaff(request);
      const now = app.clock();
      const delta = totpFor(request.body.secret).validate({ token: request.body.code, timestamp: now.getTime(), window: 1 });
      if (delta === null) return reply.code(400).send({ code: 'invalid_totp' });
      const account = await app.db.transaction(async (tx) => {
        const accounts = new StaffRepository(tx);
        const current = await accounts.findById(staff.id);
        if (!current || current.totpSecret) return null;
        await accounts.setTotpSecret(staff.id, request.body.secret);
        // The code just shown is spent: it cannot sign anyone in after this.
        await accounts.takeTotpStep(staff.id, Math.floor(now.getTime() / 1000 / TOTP_PERIOD_S) + delta);
        await new AuditLog(tx, app.clock).record({ staffId: staff.id, action: 'totp_enrolled' });
        return accounts.findById(staff.id);
      });
      if (!account) return reply.code(409).send({ code: 'totp_already_enrolled' });
      return staffMember(account);
    },
  );

  app.delete<{ Params: AccountParams; Reply: StaffAccount | ApiError }>(
    '/accounts/:id/totp',
    { preHandler: requireStaff('admin'), schema: { params: AccountParams, response: { 200: StaffAccount, ...errors } } },
    async (request, reply) => {
      const admin = signedInStaff(request);
      const account = await app.db.transaction(async (tx) => {
        const accounts = new StaffRepository(tx);
        const found = await accounts.findById(request.params.id);
        if (!found) return null;
        await accounts.setTotpSecret(found.id, null);
        await new AuditLog(tx, app.clock).record({ staffId: admin.id, action: 'totp_removed', details: { account: found.id, username: found.username } });
        return accounts.findById(found.id);
      });
      if (!account) return reply.code(404).send({ code: 'not_found' });
      return publicAccount(account);
    },
  );
};

export default totpRoutes;
