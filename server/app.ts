import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { API_PREFIX } from '../src/protocol/common';
import type { Database } from './db/database';
import core from './plugins/core';
import errors from './plugins/errors';
import repositories from './plugins/repositories';
import securityHeaders, { frameworkErrors } from './plugins/security-headers';
import stateSystems, { type SandboxOptions, type StateSystems } from './plugins/state-systems';
import staticFiles from './plugins/static-files';
import adminRoutes from './routes/admin';
import applicationRoutes from './routes/applications';
import citizenRoutes from './routes/citizens';
import healthRoutes from './routes/health';
import identifyRoutes from './routes/identify';
import packetRoutes, { type DeferredChecks } from './routes/packets';
import paymentRoutes from './routes/payments';
import phoneRoutes from './routes/phone';
import sandboxRoutes from './routes/sandbox';
import sandboxPages from './routes/sandbox-pages';
import terminalLogRoutes from './routes/terminal-log';
import terminalRoutes from './routes/terminals';
import { newAdminToken } from './sync/admin-token';
import { newBackOfficeKeys, type BackOfficeKeys } from './sync/back-office-keys';
import { settleApplication } from './sync/settle-application';
import { readVersion } from './version';

export interface AppOptions {
  db: Database;
  clock?: () => Date;
  /** The sandbox state systems (the default), or false with `systems` given. */
  sandbox?: SandboxOptions | false;
  /** Adapters to the real state systems; required when `sandbox` is false. */
  systems?: StateSystems;
  /** The built kiosk, served at `/`. */
  staticDir?: string;
  /** Key of the HMAC over SMS codes; a random one per process when not given. */
  codeSecret?: Uint8Array;
  /** What terminals seal packets to; a new key per app when not given (tests). */
  backOfficeKeys?: BackOfficeKeys;
  /** Bearer token of the /admin routes; a random one per app when not given, so they are closed. */
  adminToken?: string;
  /** Run on each newly stored packet's application, after the kiosk has its answer (routes/packets.ts). */
  deferredChecks?: DeferredChecks;
  logger?: FastifyServerOptions['logger'];
}

/** Requests are logged by method and path only: query strings (a phone number) and bodies carry personal data. */
const LOG_SERIALIZERS = {
  req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url.split('?')[0] }),
};

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const logger = options.logger === undefined || options.logger === false ? false : withSerializers(options.logger);
  const app = Fastify({
    logger,
    // The wire schemas say exactly what is allowed: refuse the rest instead of silently trimming or coercing it.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false } },
    frameworkErrors,
  });
  const clock = options.clock ?? (() => new Date());

  await app.register(securityHeaders);
  await app.register(errors);
  await app.register(core, {
    db: options.db,
    clock,
    codeSecret: options.codeSecret ?? randomBytes(32),
    backOfficeKeys: options.backOfficeKeys ?? (await newBackOfficeKeys()),
    adminToken: options.adminToken ?? newAdminToken(),
  });
  await app.register(repositories);
  if (options.sandbox === false) {
    if (!options.systems) throw new Error('buildApp: `systems` are required when the sandbox is off');
    await app.register(stateSystems, { systems: options.systems });
  } else {
    await app.register(stateSystems, { sandbox: options.sandbox ?? {} });
  }

  const version = await readVersion();
  await app.register(
    async (api) => {
      await api.register(healthRoutes, { version });
      await api.register(citizenRoutes);
      await api.register(phoneRoutes);
      await api.register(identifyRoutes);
      await api.register(paymentRoutes);
      await api.register(applicationRoutes);
      await api.register(terminalRoutes);
      await api.register(terminalLogRoutes);
      const deferredChecks: DeferredChecks = options.deferredChecks ?? settleApplication;
      await api.register(packetRoutes, { deferredChecks });
      await api.register(adminRoutes, { prefix: '/admin' });
      if (app.sandbox) await api.register(sandboxRoutes, { prefix: '/sandbox' });
    },
    { prefix: API_PREFIX },
  );
  if (app.sandbox) await app.register(sandboxPages, { prefix: '/sandbox' });

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
