// The back office's entry point: `node --import tsx server/main.ts`.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { buildApp } from './app';
import { backOfficeClock } from './clock';
import { openDatabase } from './db/open-database';
import { loadAdminToken } from './sync/admin-token';
import { loadBackOfficeKeys } from './sync/back-office-keys';
import { ConfigError } from './config-error';
import { trustProxyFrom } from './limits/trust-proxy';
import { codeSecretFrom, portFrom, publicUrlFrom } from './process-config';
import { stateSystemsFromEnv } from './state-systems-config';

const env = process.env;
// Everything the environment configures is read before anything is opened: a mistake in it is one
// line on stderr and exit code 2, not a stack trace after the database was touched.
// Only this machine unless told otherwise: a back office is put on a network on purpose, behind its proxy.
const host = env.HOST ?? '127.0.0.1';
const { port, stateSystems, trustProxy, clock, codeSecret, publicUrl } = await (async () => {
  const port = portFrom(env.PORT);
  const stateSystems = await stateSystemsFromEnv(env);
  return {
    port,
    stateSystems,
    trustProxy: trustProxyFrom(env.TRUST_PROXY),
    clock: backOfficeClock(env),
    codeSecret: codeSecretFrom(env.CODE_SECRET),
    publicUrl: publicUrlFrom(env.PUBLIC_URL, { sandbox: stateSystems.sandbox !== false, host, port }),
  };
})().catch((error: unknown) => {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`back office: ${error.message}`);
  process.exit(2);
});
const dataDir = resolve(env.DATA_DIR ?? './data');
const databaseUrl = env.DATABASE_URL || undefined;

await mkdir(dataDir, { recursive: true });
const db = await openDatabase(databaseUrl ? { url: databaseUrl } : { dataDir });
const backOffice = await loadBackOfficeKeys({ env: env.BACK_OFFICE_KEY || undefined, dataDir });
const admin = await loadAdminToken({ env: env.ADMIN_TOKEN || undefined, dataDir });
const app = await buildApp({
  db,
  ...stateSystems,
  trustProxy,
  clock,
  staticDir: resolve('dist'),
  codeSecret: codeSecret ?? (await loadCodeSecret()),
  publicUrl,
  backOfficeKeys: backOffice.keys,
  adminToken: admin.token,
  logger: { level: env.LOG_LEVEL ?? 'info' },
  // JOB_WORKERS=0: this process takes requests and queues jobs, others run them (docs/jobs.md).
  jobs: { workers: env.JOB_WORKERS !== '0' },
});
if (stateSystems.sandbox) {
  app.log.warn('SANDBOX=1: synthetic citizens, and tester tools that show every SMS code and pay any QR (/sandbox). For trying the kiosk on this machine only, never on a network.');
}
if (backOffice.created) app.log.warn({ file: join(dataDir, 'back-office-key.jwk') }, 'back-office key created: back it up, packets sealed to it cannot be read without it');
// The one time it is shown: it is kept only in DATA_DIR/admin-token (mode 0600) after this.
if (admin.created) app.log.warn({ adminToken: admin.token, file: join(dataDir, 'admin-token') }, 'admin token created');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    app.log.info({ signal }, 'shutting down');
    void app.close().then(() => db.close()).then(() => process.exit(0));
  });
}

await app.listen({ port, host });

/** The SMS-code HMAC key without CODE_SECRET: made on first start and kept beside the data, outside the database. */
async function loadCodeSecret(): Promise<Uint8Array> {
  const file = join(dataDir, 'code-secret');
  try {
    return Buffer.from((await readFile(file, 'utf8')).trim(), 'hex');
  } catch {
    const secret = randomBytes(32);
    await writeFile(file, secret.toString('hex'), { mode: 0o600 });
    return secret;
  }
}
