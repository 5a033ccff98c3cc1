import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyServerOptions, type RouteOptions } from 'fastify';
import { API_PREFIX } from '../src/protocol/common';
import { WIRE_FORMATS } from '../src/protocol/formats';
import type { Database } from './db/database';
import core from './plugins/core';
import { requireTerminal } from './auth/terminal-request';
import errors from './plugins/errors';
import jsonBody from './plugins/json-body';
import jobs from './plugins/jobs';
import repositories from './plugins/repositories';
import securityHeaders, { frameworkErrors } from './plugins/security-headers';
import stateSystems, { type SandboxOptions, type StateSystems } from './plugins/state-systems';
import staticFiles from './plugins/static-files';
import staff from './staff/plugin';
import staffRoutes from './staff/routes';
import adminRoutes from './routes/admin';
import applicationRoutes from './routes/applications';
import citizenRoutes from './routes/citizens';
import healthRoutes from './routes/health';
import identifyRoutes from './routes/identify';
import packetRoutes from './routes/packets';
import paymentRoutes from './routes/payments';
import phoneRoutes from './routes/phone';
import sandboxRoutes from './routes/sandbox';
import sandboxPages from './routes/sandbox-pages';
import terminalHeartbeatRoutes from './routes/terminal-heartbeat';
import terminalLogRoutes from './routes/terminal-log';
import terminalProfileRoutes from './routes/terminal-profile';
import terminalReferenceDataRoutes from './routes/terminal-reference-data';
import terminalTelemetryRoutes from './routes/terminal-telemetry';
import terminalRoutes from './routes/terminals';
import trackingPages from './routes/tracking-page';
import { newAdminToken } from './sync/admin-token';
import { newBackOfficeKeys, type BackOfficeKeys } from './sync/back-office-keys';
import { settleApplication, type DeferredChecks } from './sync/settle-application';
import { readVersion } from './version';

export interface AppOptions {
  db: Database;
  clock?: () => Date;
  /**
   * The sandbox — synthetic citizens and the tester tools — or false for the real state systems
   * given in `systems`. Always said, never a default: server/state-systems-config.ts decides it for main.ts.
   */
  sandbox: SandboxOptions | false;
  /** Adapters to the real state systems; required when `sandbox` is false. */
  systems?: StateSystems;
  /** The built kiosk, served at `/`. */
  staticDir?: string;
  /**
   * The address a citizen's phone reaches this back office at (PUBLIC_URL, server/process-config.ts):
   * terminals get it at enrolment and put it in the receipt's QR. Required when `sandbox` is false;
   * the sandbox's default is only for tests and benches that never print a receipt.
   */
  publicUrl?: string;
  /** Key of the HMAC over SMS codes; a random one per process when not given. */
  codeSecret?: Uint8Array;
  /** What terminals seal packets to; a new key per app when not given (tests). */
  backOfficeKeys?: BackOfficeKeys;
  /** Bearer token of the /admin routes; a random one per app when not given, so they are closed. */
  adminToken?: string;
  /** What the settle and re-check jobs run on a packet's application; settleApplication unless checks are off (chaos, bench). */
  deferredChecks?: DeferredChecks;
  /** `workers: false`: this app queues jobs but runs none until `app.jobs.drain()` (tests that run them by hand). */
  jobs?: { workers?: boolean; pollingIntervalMs?: number };
  logger?: FastifyServerOptions['logger'];
  /** Whose X-Forwarded-For to believe for request.ip (server/limits/trust-proxy.ts); none by default. */
  trustProxy?: FastifyServerOptions['trustProxy'];
  /** Told of every route as it is registered, with its schema: the request fuzz test (server/fuzz/) reads them. */
  onRoute?: (route: RouteOptions) => void;
}

/** The sandbox's address when none is given: `npm start`'s (main.ts passes the one it listens at). */
const SANDBOX_PUBLIC_URL = 'http://127.0.0.1:8080';

/** Requests are logged by method and path only: query strings (a phone number) and bodies carry personal data. */
const LOG_SERIALIZERS = {
  req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url.split('?')[0] }),
};

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const logger = options.logger === undefined || options.logger === false ? false : withSerializers(options.logger);
  const app = Fastify({
    logger,
    trustProxy: options.trustProxy ?? false,
    // The wire schemas say exactly what is allowed: refuse the rest instead of silently trimming or coercing it.
    // Their formats (dates in the wire window, storable text) are the kiosk's too: src/protocol/formats.ts.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, formats: WIRE_FORMATS } },
    serializerOpts: { ajv: { formats: WIRE_FORMATS } },
    frameworkErrors,
  });
  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  const clock = options.clock ?? (() => new Date());

  await app.register(securityHeaders);
  await app.register(errors);
  await app.register(jsonBody);
  app.decorateRequest('terminal', null);
  await app.register(core, {
    db: options.db,
    clock,
    codeSecret: options.codeSecret ?? randomBytes(32),
    backOfficeKeys: options.backOfficeKeys ?? (await newBackOfficeKeys()),
    adminToken: options.adminToken ?? newAdminToken(),
    publicUrl: options.publicUrl ?? SANDBOX_PUBLIC_URL,
  });
  // Every answer's Date is the back office's clock: the time requests are judged by, which a kiosk
  // refused as stale learns (src/sync/backoffice.ts), a sandbox's BACK_OFFICE_CLOCK included.
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('date', clock().toUTCString());
  });
  await app.register(repositories);
  if (options.sandbox === false) {
    if (!options.systems) throw new Error('buildApp: `systems` are required when the sandbox is off');
    if (!options.publicUrl) throw new Error('buildApp: `publicUrl` is required when the sandbox is off');
    await app.register(stateSystems, { systems: options.systems });
  } else {
    await app.register(stateSystems, { sandbox: options.sandbox });
  }
  // The sandbox's four staff accounts are seeded with its citizens, and as they are: never elsewhere.
  await app.register(staff, { seedSandboxAccounts: options.sandbox !== false && options.sandbox.seed !== false });
  await app.register(jobs, { deferredChecks: options.deferredChecks ?? settleApplication, ...options.jobs });

  const version = await readVersion();
  await app.register(
    async (api) => {
      await api.register(healthRoutes, { version });
      // What a kiosk asks on a citizen's behalf: only an enrolled terminal, by a signed request.
      await api.register(async (kiosk) => {
        kiosk.addHook('preValidation', requireTerminal);
        await kiosk.register(citizenRoutes);
        await kiosk.register(phoneRoutes);
        await kiosk.register(identifyRoutes);
        await kiosk.register(paymentRoutes);
        await kiosk.register(terminalProfileRoutes);
        // Not on a citizen's behalf, but the terminal's own word on its health: signed the same way.
        await kiosk.register(terminalHeartbeatRoutes);
        // The journeys' telemetry, with each drain (docs/api.md, "Telemetry").
        await kiosk.register(terminalTelemetryRoutes);
        // The signed reference data a kiosk keeps for offline days (docs/reference-data.md).
        await kiosk.register(terminalReferenceDataRoutes);
      });
      await api.register(applicationRoutes);
      await api.register(terminalRoutes);
      await api.register(terminalLogRoutes);
      await api.register(packetRoutes);
      await api.register(adminRoutes, { prefix: '/admin' });
      // The staff console's API: a session cookie, CSRF, roles (server/staff/require-staff.ts).
      await api.register(staffRoutes, { prefix: '/staff' });
      if (app.sandbox) await api.register(sandboxRoutes, { prefix: '/sandbox' });
    },
    { prefix: API_PREFIX },
  );
  if (app.sandbox) await app.register(sandboxPages, { prefix: '/sandbox' });
  // The receipt's QR opens this on a citizen's phone: a page, never JSON (routes/tracking-page.ts).
  await app.register(trackingPages, { prefix: '/track' });

  if (options.staticDir) {
    await app.register(staticFiles, { root: options.staticDir });
  } else {
    app.setNotFoundHandler((_request, reply) => reply.code(404).send({ code: 'not_found' }));
  }
  return app;
}

function withSerializers(logger: NonNullable<FastifyServerOptions['logger']>): FastifyServerOptions['logger'] {
  if (logger === true) return { serializers: LOG_SERIALIZERS };
  if (typeof logger === 'object') return { ...logger, serializers: { ...LOG_SERIALIZERS, ...logger.serializers } };
  return logger;
}
