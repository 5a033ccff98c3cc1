import fp from 'fastify-plugin';
import type { Database } from '../db/database';
import { kazakhstanDate } from '../../src/domain/dates';
import type { BackOfficeKeys } from '../sync/back-office-keys';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    /** Injected so that tests move time instead of waiting for it. */
    clock: () => Date;
    /** Today's date in Kazakhstan, 'YYYY-MM-DD'. */
    today: () => string;
    /** Key of the HMAC over SMS codes; outside the database on purpose (see phone/sms-code.ts). */
    codeSecret: Uint8Array;
    /** What terminals seal packets to (sync/back-office-keys.ts). */
    backOfficeKeys: BackOfficeKeys;
    /** The bearer token of the /admin routes. */
    adminToken: string;
    /** Where a citizen's phone reaches this back office (PUBLIC_URL): the receipt's QR opens `${publicUrl}/track/<number>`. */
    publicUrl: string;
  }
}

export interface CoreOptions {
  db: Database;
  clock: () => Date;
  codeSecret: Uint8Array;
  backOfficeKeys: BackOfficeKeys;
  adminToken: string;
  publicUrl: string;
}

export default fp<CoreOptions>(
  async (app, options) => {
    app.decorate('db', options.db);
    app.decorate('clock', options.clock);
    app.decorate('today', () => kazakhstanDate(options.clock()));
    app.decorate('codeSecret', options.codeSecret);
    app.decorate('backOfficeKeys', options.backOfficeKeys);
    app.decorate('adminToken', options.adminToken);
    app.decorate('publicUrl', options.publicUrl);
  },
  { name: 'core' },
);
