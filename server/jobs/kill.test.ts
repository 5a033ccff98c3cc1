import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kazakhstanDate } from '../../src/domain/dates';
import type { Enrolled } from '../../src/protocol/packets';
import { exportPublicJwk, importBackOfficePublicKey, makeTerminalKeys, sealPacket } from '../../src/sync/seal';
import { TEST_DATABASE_URL } from '../db/test-database';
import { buildSeedCitizens } from '../seed/citizens';
import { openDatabase } from '../db/open-database';
import { seedSandbox } from '../seed/seed-sandbox';
import { offlineApplication, syntheticFaces, type TestApp } from '../test-support';
import { eventually } from './jobs-test-support';
import { freePort } from '../../scripts/screens/backoffice';

// The real back office (`node --import tsx server/main.ts`) on PGlite in a folder of its own:
// packets acknowledged with 201, then the process killed with SIGKILL before it ran their checks
// (JOB_WORKERS=0 keeps it from running them), then started again on the same folder: the checks
// run at once from the jobs stored with the packets, not at some later round. (On PostgreSQL the
// two-processes test shows the same for jobs one process queued and the other ran.)
describe.skipIf(TEST_DATABASE_URL)('a back office killed with SIGKILL after its 201s', () => {
  const ADMIN_TOKEN = 'kill-test-admin-token';
  let dataDir = '';
  let child: ChildProcess | null = null;
  afterAll(async () => {
    child?.kill('SIGKILL');
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  async function start(port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
    const started = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, DATABASE_URL: '', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_TOKEN, SANDBOX: '1', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await eventually(
      () => fetch(`http://127.0.0.1:${port}/api/v1/health`).then((r) => r.status, () => 0),
      (status) => status === 200,
      180,
    );
    return started;
  }

  it('settles every acknowledged application as soon as it is up again', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kiosk-kill-'));
    const port = await freePort();
    const base = `http://127.0.0.1:${port}/api/v1`;
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };

    // Seeded here with the synthetic faces: the process finds the registry full and cuts no real
    // faces, a minute of both cores on a fresh clone.
    const seeding = await openDatabase({ dataDir });
    await seedSandbox(seeding, { today: kazakhstanDate(new Date()), faces: syntheticFaces });
    await seeding.close();
    child = await start(port, { JOB_WORKERS: '0' });
    const { code } = (await call('POST', '/admin/terminals', { terminalId: 'T-KILL', centreId: 'AST-03' })).body as { code: string };
    const keys = await makeTerminalKeys();
    const enrolled = (await call('POST', '/terminals/enrol', { code, publicKey: await exportPublicJwk(keys.publicKey) })).body as unknown as Enrolled;
    const backOfficeKey = await importBackOfficePublicKey(enrolled.backOfficeKey);

    // Citizens of the sandbox's seed (seeded for today), as an offline kiosk would send them.
    const now = new Date();
    const citizens = buildSeedCitizens(kazakhstanDate(now));
    const kiosk = { now: () => now } as TestApp;
    const payloads = ['service-18', 'service-16', 'service-13', 'service-09', 'service-18-expired-id-card'].map((tag) =>
      offlineApplication(kiosk, citizens.find((c) => c.tag === tag)!, { terminalId: 'T-KILL', centreId: 'AST-03' }),
    );
    for (const [i, payload] of payloads.entries()) {
      const packet = await sealPacket(payload, { terminalId: 'T-KILL', seq: i + 1, sealedAt: now.toISOString(), backOfficeKey, signingKey: keys.privateKey });
      expect((await call('POST', '/packets', packet)).status).toBe(201);
    }
    /** How many checks each application has an outcome for (none until they have run). */
    const checked = () =>
      Promise.all(payloads.map(async (p) => ((await call('GET', `/admin/applications/${p.application.number}`)).body.checks as unknown[]).length));
    expect(await checked()).toEqual(payloads.map(() => 0));

    child.kill('SIGKILL');
    await new Promise((resolve) => child!.once('exit', resolve));

    child = await start(port);
    // Accepted, refused or waiting for the fee, as the checks decide: every one looked at.
    expect(await eventually(checked, (n) => n.every((count) => count === 4), 60)).toEqual(payloads.map(() => 4));
  }, 420_000);
});
