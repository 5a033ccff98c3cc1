// `npm run bench:requests`: what a terminal's signature costs the calls a kiosk makes on a citizen's
// behalf (src/protocol/terminal-request.ts). Measures, on PGlite in memory:
// - signing on the kiosk (WebCrypto ECDSA P-256 and the body's SHA-256), per request;
// - checking at the back office, piece by piece: the key's import and the signature's verification,
//   and the nonce remembered in the database (one statement);
// - signed POST /citizens/check over HTTP from many terminals at once, each making a few lookups as a
//   queue of citizens would (a terminal may make 10 a minute: server/limits/rules.ts), against the
//   same route with the signature check taken out of the way (control).
// Prints the tables and, last: signed_per_s=<n> refused_per_s=<n> verify_ms=<n>; writes its section of
// docs/benchmarks.md.
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { REPO_ROOT } from '../e2e/support/paths';
import { buildApp } from '../server/app';
import type { Database } from '../server/db/database';
import { openDatabase } from '../server/db/open-database';
import { RequestNoncesRepository } from '../server/repositories/request-nonces';
import { enrolWithCode, issueEnrolmentCode } from '../server/sync/terminal-enrolment';
import { buildSeedCitizens } from '../server/seed/citizens';
import { seedSandbox } from '../server/seed/seed-sandbox';
import { kazakhstanDate } from '../src/domain/dates';
import { requestSignedBytes } from '../src/protocol/terminal-request';
import { encodeBase64url } from '../src/sync/base64url';
import { bodyDigest, signRequest } from '../src/sync/request-signature';
import { exportPublicJwk, importTerminalPublicKey, makeTerminalKeys, signAsTerminal, verifyTerminalSignature } from '../src/sync/seal';
import { writeSection } from './doc-section';
import { describeMachine, loadAverage, machineSection } from './machine';
import { median } from './stats';

const TERMINALS = Number(process.env.BENCH_REQUESTS_TERMINALS ?? 100);
const PER_TERMINAL = 8;
const IN_FLIGHT = 8;
const PIECES = 500;
const PATH = '/api/v1/citizens/check';

interface Terminal {
  terminalId: string;
  signingKey: CryptoKey;
}

async function backOffice(db: Database): Promise<{ app: FastifyInstance; base: string }> {
  const app = await buildApp({ db, sandbox: { seed: false }, jobs: { workers: false } });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

/** Enrolled as the admin and enrolment routes do, in-process: the enrolment route's per-address limit is not what is measured. */
async function enrol(app: FastifyInstance, terminalId: string): Promise<Terminal> {
  const issued = await issueEnrolmentCode(app, { terminalId, centreId: 'AST-03' });
  const keys = await makeTerminalKeys();
  const enrolled = issued ? await enrolWithCode(app, issued.code, await exportPublicJwk(keys.publicKey)) : null;
  if (!enrolled?.ok) throw new Error(`enrolment of ${terminalId} failed`);
  return { terminalId, signingKey: keys.privateKey };
}

/** Each terminal makes PER_TERMINAL lookups, IN_FLIGHT terminals at a time; requests per second and the statuses. */
async function lookups(base: string, terminals: readonly Terminal[], bodies: readonly Uint8Array<ArrayBuffer>[], signed: boolean): Promise<{ perS: number; statuses: Map<number, number> }> {
  const statuses = new Map<number, number>();
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < terminals.length) {
      const terminal = terminals[next++]!;
      for (let i = 0; i < PER_TERMINAL; i++) {
        const body = bodies[(next + i) % bodies.length]!;
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (signed) Object.assign(headers, await signRequest(terminal, { method: 'POST', path: PATH, body }, new Date()));
        const response = await fetch(`${base}${PATH}`, { method: 'POST', headers, body });
        await response.arrayBuffer();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return { perS: (terminals.length * PER_TERMINAL) / ((performance.now() - started) / 1000), statuses };
}

async function timeEach(n: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const at = performance.now();
    await fn(i);
    times.push(performance.now() - at);
  }
  return median(times);
}

async function main(): Promise<void> {
  const machine = describeMachine();
  const loadBefore = loadAverage();
  const today = kazakhstanDate(new Date());
  const citizens = buildSeedCitizens(today).filter((c) => c.example.refusal === null);
  const bodies = citizens.map((c) => new TextEncoder().encode(JSON.stringify({ iin: c.person.iin, service: c.example.service, document: c.example.document })));

  // The pieces, alone.
  const keys = await makeTerminalKeys();
  const jwk = await exportPublicJwk(keys.publicKey);
  const body = bodies[0]!;
  const signMs = await timeEach(PIECES, () => signRequest({ terminalId: 'T-1', signingKey: keys.privateKey }, { method: 'POST', path: PATH, body }, new Date()));
  const parts = { method: 'POST', path: PATH, bodyDigest: await bodyDigest(body), terminalId: 'T-1', time: new Date().toISOString(), nonce: encodeBase64url(new Uint8Array(16)) };
  const signature = await signAsTerminal(keys.privateKey, requestSignedBytes(parts));
  const verifyMs = await timeEach(PIECES, async () => {
    const key = await importTerminalPublicKey(jwk);
    if (!(await verifyTerminalSignature(key, signature, requestSignedBytes({ ...parts, bodyDigest: await bodyDigest(body) })))) throw new Error('did not verify');
  });
  const nonceDb = await openDatabase();
  const nonces = new RequestNoncesRepository(nonceDb);
  const nonceMs = await timeEach(PIECES, (i) => nonces.remember(`T-${i % 50}`, encodeBase64url(crypto.getRandomValues(new Uint8Array(16))), new Date(Date.now() + 600_000), new Date()));
  await nonceDb.close();

  // Over HTTP: a stranger's unsigned lookups (refused before the route), then the terminals' signed ones.
  const results: { name: string; perS: number; statuses: Map<number, number> }[] = [];
  for (const signed of [false, true]) {
    const db = await openDatabase();
    await seedSandbox(db, { today, faces: async () => [] });
    const office = await backOffice(db);
    const terminals: Terminal[] = [];
    for (let t = 1; t <= TERMINALS; t++) terminals.push(await enrol(office.app, `T-BENCH-${String(t).padStart(3, '0')}`));
    console.log(`bench: ${TERMINALS} terminals × ${PER_TERMINAL} ${signed ? 'signed' : 'unsigned'} lookups…`);
    results.push({ name: signed ? 'signed: checked, then answered' : 'unsigned: refused 401 before the route', ...(await lookups(office.base, terminals, bodies, signed)) });
    await office.app.close();
    await db.close();
  }

  const signed = results[1]!;
  const refused = results[0]!;
  const statuses = (m: Map<number, number>) => [...m.entries()].map(([s, n]) => `${s}×${n}`).join(', ');
  const table = [
    '| requests | per second | answers |',
    '| --- | ---: | --- |',
    ...results.map((r) => `| ${r.name} | ${Math.round(r.perS)} | ${statuses(r.statuses)} |`),
  ].join('\n');
  const pieces = [
    '| piece | median ms |',
    '| --- | ---: |',
    `| kiosk: sign a request (SHA-256 of the body, ECDSA P-256) | ${signMs.toFixed(3)} |`,
    `| back office: import the terminal's key and verify | ${verifyMs.toFixed(3)} |`,
    `| back office: remember the nonce (PGlite, one statement) | ${nonceMs.toFixed(3)} |`,
  ].join('\n');
  const summary = `signed_per_s=${Math.round(signed.perS)} refused_per_s=${Math.round(refused.perS)} verify_ms=${verifyMs.toFixed(2)}`;
  writeSection(
    join(REPO_ROOT, 'docs', 'benchmarks.md'),
    'requests',
    [
      "## What a terminal's signature costs a citizen's lookups",
      '',
      `${machine.date}; load average ${loadBefore} before, ${loadAverage()} after. Each call a kiosk makes on a citizen's behalf is signed by its terminal and checked by the back office (docs/security.md, "Signed requests"). ${PIECES} of each piece alone, then POST /api/v1/citizens/check over HTTP on PGlite in memory from ${TERMINALS} enrolled terminals, ${PER_TERMINAL} lookups each, ${IN_FLIGHT} terminals at a time.`,
      '',
      '### The pieces',
      '',
      pieces,
      '',
      '### Over HTTP',
      '',
      table,
      '',
      `A signed lookup costs the back office about ${(verifyMs + nonceMs).toFixed(1)} ms of its own (the check and the nonce) beside the registry's answer; unsigned requests are refused before the route runs, which is what a stranger's flood costs it. The per-terminal limit (10 lookups a minute) is not reached: each terminal makes ${PER_TERMINAL}.`,
      '',
      machineSection(machine, { browser: false, memory: false }),
      '',
      '### Rerun',
      '',
      '```sh',
      'npm run bench:requests   # BENCH_REQUESTS_TERMINALS (default 100)',
      '```',
    ].join('\n'),
  );
  console.log(`\n${pieces}\n\n${table}\n\nwrote docs/benchmarks.md`);
  console.log(summary);
}

await main();
