// One back-office process for server/limits/two-processes.test.ts: the sandbox state systems on the
// PostgreSQL schema at DATABASE_URL (seeded by the test), the shared CODE_SECRET and ADMIN_TOKEN, a free port on
// 127.0.0.1, which it prints as {"port":…} once it listens.
import { buildApp } from '../app';
import { openDatabase } from '../db/open-database';

const url = process.env.DATABASE_URL;
const secret = process.env.CODE_SECRET;
if (!url || !secret) throw new Error('burst-backoffice: DATABASE_URL and CODE_SECRET are required');

const db = await openDatabase({ url });
const app = await buildApp({ db, sandbox: { seed: false }, codeSecret: Buffer.from(secret, 'hex'), adminToken: process.env.ADMIN_TOKEN });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : null })}\n`);

process.once('SIGTERM', () => {
  void app.close().then(() => db.close()).then(() => process.exit(0));
});
