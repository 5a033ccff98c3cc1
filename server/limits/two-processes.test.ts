// The limits hold across processes: two back offices on one PostgreSQL schema, each its own Node
// process with its own connection pool, take bursts of parallel wrong codes and parallel starts.
// Needs a second connection, so PostgreSQL only (TEST_DATABASE_URL); skipped on PGlite.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kazakhstanDate } from '../../src/domain/dates';
import type { Database } from '../db/database';
import { openDatabase } from '../db/open-database';
import { TEST_DATABASE_URL } from '../db/test-database';
import { buildSeedCitizens, type SeedCitizen } from '../seed/citizens';
import { seedSandbox } from '../seed/seed-sandbox';
import { syntheticFaces } from '../test-support';
import { signRequest } from '../../src/sync/request-signature';
import { exportPublicJwk, makeTerminalKeys } from '../../src/sync/seal';

const BURSTS = 20;
const ADMIN_TOKEN = randomBytes(16).toString('hex');
/** Requests on a citizen's behalf are a terminal's; a few of them take turns, as a centre's kiosks would. */
const TERMINALS = ['T-BURST-1', 'T-BURST-2', 'T-BURST-3', 'T-BURST-4'];
const SCRIPT = new URL('./burst-backoffice.ts', import.meta.url).pathname;

describe.skipIf(!TEST_DATABASE_URL)('limits across two back-office processes on one PostgreSQL', () => {
  const schema = `limits_${randomBytes(6).toString('hex')}`;
  const processes: ChildProcess[] = [];
  const ports: number[] = [];
  let db: Database;
  let citizens: SeedCitizen[];
  const terminals: { terminalId: string; signingKey: CryptoKey }[] = [];

  beforeAll(async () => {
    await asAdmin(`CREATE SCHEMA ${schema}`);
    const url = new URL(TEST_DATABASE_URL!);
    url.searchParams.set('options', `-c search_path=${schema}`);
    db = await openDatabase({ url: url.toString() });
    const today = kazakhstanDate(new Date());
    await seedSandbox(db, { today, faces: syntheticFaces });
    citizens = buildSeedCitizens(today);
    const env = { ...process.env, DATABASE_URL: url.toString(), CODE_SECRET: randomBytes(32).toString('hex'), ADMIN_TOKEN };
    for (let i = 0; i < 2; i++) {
      const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT], { env, stdio: ['ignore', 'pipe', 'inherit'] });
      processes.push(child);
      ports.push(await portOf(child));
    }
    for (const terminalId of TERMINALS) terminals.push(await enrol(terminalId));
  }, 120_000);

  /** Created at one process, enrolled at the other. */
  async function enrol(terminalId: string): Promise<{ terminalId: string; signingKey: CryptoKey }> {
    const created = await fetch(`http://127.0.0.1:${ports[0]}/api/v1/admin/terminals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ terminalId, centreId: 'AST-03' }),
    });
    const { code } = (await created.json()) as { code: string };
    const keys = await makeTerminalKeys();
    const enrolled = await fetch(`http://127.0.0.1:${ports[1]}/api/v1/terminals/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, publicKey: await exportPublicJwk(keys.publicKey) }),
    });
    if (enrolled.status !== 201) throw new Error(`enrolment failed: ${await enrolled.text()}`);
    return { terminalId, signingKey: keys.privateKey };
  }

  afterAll(async () => {
    for (const child of processes) child.kill('SIGTERM');
    await Promise.all(processes.map((child) => new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)))));
    await db?.close();
    await asAdmin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  }, 60_000);

  /** To process `process % 2`, signed by terminal `process % 4` unless another is given. */
  const post = async (process: number, path: string, body: object, terminal = terminals[process % terminals.length]!) => {
    const bytes = new TextEncoder().encode(JSON.stringify(body));
    const url = `/api/v1/phone/${path}`;
    const signed = await signRequest(terminal, { method: 'POST', path: url, body: bytes }, new Date());
    const response = await fetch(`http://127.0.0.1:${ports[process % 2]}${url}`, {
      method: 'POST',
      headers: { ...signed, 'content-type': 'application/json' },
      body: bytes,
    });
    return { status: response.status, body: (await response.json()) as { ok?: boolean; code?: string; verificationId?: string } };
  };
  const smsTo = async (phone: string) => {
    const { rows } = await db.query<{ text: string }>('SELECT text FROM sandbox_sms WHERE phone = $1 ORDER BY id DESC', [phone]);
    return rows.map((r) => /\d{6}/.exec(r.text)?.[0] ?? '');
  };
  const byTag = (prefix: string) => citizens.filter((c) => c.tag.startsWith(prefix));

  it(`${BURSTS} bursts of 10–50 parallel wrong codes across both: at most 3 compared each, and the right code after them is refused`, async () => {
    const crowd = byTag('crowd-').slice(0, BURSTS);
    expect(crowd).toHaveLength(BURSTS);
    const figures = { wrongCodesSent: 0, compared: 0, acceptedAfterLimit: 0 };
    for (const [i, citizen] of crowd.entries()) {
      const size = 10 + Math.round((40 * i) / (BURSTS - 1));
      const started = await post(i, 'start', { iin: citizen.person.iin, phone: citizen.phoneToType });
      expect(started.status).toBe(200);
      const verificationId = started.body.verificationId!;
      const [code] = await smsTo(citizen.phoneToType);
      const wrong = code === '000000' ? '999999' : '000000';
      const answers = await Promise.all(Array.from({ length: size }, (_, k) => post(k, 'confirm', { verificationId, code: wrong })));
      figures.wrongCodesSent += size;
      // Compared and found wrong: two answered wrong_code, the third 429 as the rest.
      const wrongCode = answers.filter((a) => a.status === 200 && a.body.code === 'wrong_code').length;
      expect(wrongCode).toBe(2);
      expect(answers.filter((a) => a.status === 429 && a.body.code === 'too_many_wrong_codes')).toHaveLength(size - 2);
      figures.compared += wrongCode + 1;
      const right = await post(i + 1, 'confirm', { verificationId, code });
      if (right.status === 200) figures.acceptedAfterLimit += 1;
      expect(right).toEqual({ status: 429, body: { code: 'too_many_wrong_codes' } });
    }
    console.info(`two processes: ${BURSTS} bursts, ${figures.wrongCodesSent} wrong codes sent, ${figures.compared} compared, right code accepted after the limit ${figures.acceptedAfterLimit} times`);
    expect(figures.acceptedAfterLimit).toBe(0);
  });

  it('parallel starts across both send one SMS per phone a minute', async () => {
    const people = byTag('service-').slice(0, 5);
    let sent = 0;
    for (const [i, citizen] of people.entries()) {
      // A terminal of its own for each burst: the others spent their starts of this minute above.
      const terminal = await enrol(`T-START-${i}`);
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, k) => post(k, 'start', { iin: citizen.person.iin, phone: citizen.phoneToType }, terminal)),
      );
      expect(answers.filter((a) => a.status === 200), JSON.stringify(answers.map((a) => a.body.code ?? a.status))).toHaveLength(1);
      // The rest wait: for the phone's minute, or for the terminal's (a terminal makes ten starts a minute at most).
      expect(answers.filter((a) => a.status === 429 && (a.body.code === 'resend_too_early' || a.body.code === 'too_many_requests'))).toHaveLength(19);
      const sms = await smsTo(citizen.phoneToType);
      expect(sms).toHaveLength(1);
      sent += sms.length;
    }
    console.info(`two processes: ${people.length} bursts of 20 parallel starts, ${sent} SMS sent`);
  });
});

async function asAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The port a back-office process prints once it listens. */
function portOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      const { port } = JSON.parse(line) as { port: number | null };
      if (port) resolve(port);
      else reject(new Error(`no port in ${line}`));
    });
    child.once('exit', (code) => reject(new Error(`the back-office process exited with ${code}`)));
  });
}
