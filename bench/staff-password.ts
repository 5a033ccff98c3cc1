// `npm run bench:staff-password`: what one argon2id hash of a staff password costs on this machine
// (server/staff/password.ts, the parameters every sign-in pays once), alone and with as many
// sign-ins at once as there are cores. Prints the figures and, last: argon2_hash_ms=<median>
// argon2_verify_ms=<median>; writes its section of docs/benchmarks.md.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO_ROOT } from '../e2e/support/paths';
import { hashPassword, verifyPassword } from '../server/staff/password';
import { writeSection } from './doc-section';
import { describeMachine, loadAverage, machineSection } from './machine';
import { median } from './stats';

const ROUNDS = Number(process.env.ROUNDS ?? 30);

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const password = 'correct horse battery staple';
await hashPassword(password); // warm-up: the native module's first call
const hashes: number[] = [];
const verifies: number[] = [];
const stored = await hashPassword(password);
for (let i = 0; i < ROUNDS; i++) {
  hashes.push(await timed(() => hashPassword(password)));
  verifies.push(await timed(() => verifyPassword(stored, password)));
}
const machine = describeMachine();
const parallel = machine.nproc * 2;
const burstMs = await timed(() => Promise.all(Array.from({ length: parallel }, () => verifyPassword(stored, password))));

const hashMs = median(hashes);
const verifyMs = median(verifies);
const rows = [
  `| argon2id hash (m=19456 KiB, t=2, p=1) | ${hashMs.toFixed(1)} ms | ${Math.max(...hashes).toFixed(1)} ms |`,
  `| verify (a sign-in) | ${verifyMs.toFixed(1)} ms | ${Math.max(...verifies).toFixed(1)} ms |`,
  `| ${parallel} verifies at once | ${burstMs.toFixed(1)} ms in all | — |`,
];
const table = ['| what | median | max |', '| --- | --- | --- |', ...rows].join('\n');
console.log(table);
writeSection(
  join(REPO_ROOT, 'docs/benchmarks.md'),
  'staff-password',
  [
    '## Staff passwords (`npm run bench:staff-password`)',
    '',
    `${machine.date}, ${ROUNDS} rounds, load average ${loadAverage()}.`,
    '',
    table,
    '',
    machineSection(machine, { browser: false, memory: false }),
  ].join('\n'),
);
console.log(`argon2_hash_ms=${hashMs.toFixed(1)} argon2_verify_ms=${verifyMs.toFixed(1)}`);
