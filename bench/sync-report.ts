// Pure: the figures of bench/sync.ts, as the tables it prints and the section of docs/benchmarks.md it writes.
import { machineSection, type Machine } from './machine';

export interface DrainFigures {
  backOffice: string;
  packets: number;
  ms: number;
  /** Per POST, as the kiosk's drain waited for it (connection, intake, answer). */
  sendMs: number[];
  leftPending: number;
  leftQuarantined: number;
}

export interface IntakeFigures {
  backOffice: string;
  terminals: number;
  perTerminal: number;
  ms: number;
  latencyMs: number[];
  /** Status → how many answers; 0 for a send that got none. */
  answers: Map<number, number>;
}

export interface LossFigures {
  backOffice: string;
  sealed: number;
  stored: number;
  lost: number;
  duplicated: number;
  /** Answers "already had it" (200): a packet that reached the back office more than once. */
  answeredAgain: number;
}

/** The settle jobs the intake queued with its packets, and how soon the back office's workers had run them. */
export interface JobFigures {
  backOffice: string;
  queued: number;
  /** Not yet run when the intake's last answer came. */
  waitingAtLastAnswer: number;
  /** From the last answer until every one had run. */
  msAfterLastAnswer: number;
}

export interface SyncReport {
  machine: Machine;
  loadBefore: string;
  loadAfter: string;
  sealMsPerPacket: number;
  sealed: number;
  /** Mean size of a packet's JSON on the wire. */
  packetBytes: number;
  drains: DrainFigures[];
  intakes: IntakeFigures[];
  jobs: JobFigures[];
  losses: LossFigures[];
  postgres: string;
  summary: string;
}

/** Nearest rank: the smallest sample with at least p of them at or below it. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const fixed = (n: number, digits = 1) => (Number.isNaN(n) ? '–' : n.toFixed(digits));
export const perSecond = (count: number, ms: number) => (count * 1000) / ms;

export function drainTable(drains: readonly DrainFigures[]): string {
  const lines = [
    '| back office | packets | time s | packets/s | POST p50 ms | POST p95 ms | waiting on the back office | left in the outbox |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const d of drains) {
    const waiting = `${Math.round((100 * sum(d.sendMs)) / d.ms)} %`;
    const left = d.leftQuarantined > 0 ? `${d.leftPending} (+${d.leftQuarantined} quarantined)` : String(d.leftPending);
    lines.push(
      `| ${d.backOffice} | ${d.packets} | ${fixed(d.ms / 1000)} | ${Math.round(perSecond(d.packets, d.ms))} | ${fixed(percentile(d.sendMs, 0.5))} | ${fixed(percentile(d.sendMs, 0.95))} | ${waiting} | ${left} |`,
    );
  }
  return lines.join('\n');
}

export function intakeTable(intakes: readonly IntakeFigures[]): string {
  const lines = [
    '| back office | terminals × packets | time s | packets/s | p50 ms | p95 ms | max ms | 201 | 200 | other |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const i of intakes) {
    const total = i.terminals * i.perTerminal;
    const other = total - (i.answers.get(201) ?? 0) - (i.answers.get(200) ?? 0);
    lines.push(
      `| ${i.backOffice} | ${i.terminals} × ${i.perTerminal} | ${fixed(i.ms / 1000)} | ${Math.round(perSecond(total, i.ms))} | ${fixed(percentile(i.latencyMs, 0.5))} | ${fixed(percentile(i.latencyMs, 0.95))} | ${fixed(Math.max(...i.latencyMs))} | ${i.answers.get(201) ?? 0} | ${i.answers.get(200) ?? 0} | ${other} |`,
    );
  }
  return lines.join('\n');
}

const CONTROL = ', no job queued (control)';

/** Each back office's intake rate beside its control's, in words: what the job queue cost in this run. */
export function jobCost(intakes: readonly IntakeFigures[]): string {
  const rate = (i: IntakeFigures) => perSecond(i.terminals * i.perTerminal, i.ms);
  const pairs = intakes.flatMap((control) => {
    if (!control.backOffice.endsWith(CONTROL)) return [];
    const name = control.backOffice.slice(0, -CONTROL.length);
    const real = intakes.find((i) => i.backOffice === name);
    if (!real) return [];
    const change = (rate(real) / rate(control) - 1) * 100;
    return [`${name}: ${Math.round(rate(real))} packets/s with the job queued, ${Math.round(rate(control))} without (${change >= 0 ? '+' : ''}${change.toFixed(0)} %)`];
  });
  return pairs.length === 0 ? '' : `In this run — ${pairs.join('; ')}.`;
}

export function jobTable(jobs: readonly JobFigures[]): string {
  const rows = jobs.map((j) => `| ${j.backOffice} | ${j.queued} | ${j.waitingAtLastAnswer} | ${fixed(j.msAfterLastAnswer / 1000, 2)} |`);
  return ['| back office | settle jobs queued | not yet run at the last answer | all run, s after the last answer |', '| --- | ---: | ---: | ---: |', ...rows].join('\n');
}

export function lossTable(losses: readonly LossFigures[]): string {
  const lines = ['| back office | sealed | stored | lost | duplicated | answered "already had it" |', '| --- | ---: | ---: | ---: | ---: | ---: |'];
  for (const l of losses) lines.push(`| ${l.backOffice} | ${l.sealed} | ${l.stored} | ${l.lost} | ${l.duplicated} | ${l.answeredAgain} |`);
  return lines.join('\n');
}

export function syncSection(r: SyncReport): string {
  const drain = r.drains[0];
  const intake = r.intakes[0];
  return `## How fast the outbox drains, and how much the back office takes in

Measured by \`npm run bench:sync\` (bench/sync.ts) on ${r.machine.date}.

\`\`\`
${r.summary}
\`\`\`

\`drain_per_s\` is the PGlite drain's rate below; \`lost\` and \`duplicated\` are summed over the whole run
(every back office, the drain and the intake).

### Drain: one kiosk's outbox of ${drain?.packets ?? '?'} sealed packets

${drainTable(r.drains)}

The kiosk's own code (\`createDrainer\`, \`httpSend\` of src/sync/) drains its IndexedDB outbox
(fake-indexeddb in Node) to the back office over real HTTP on 127.0.0.1: one packet at a time,
oldest seq first, each deleted from the outbox once the back office has answered 201. "Waiting on
the back office" is the share of the drain spent in the POSTs; the rest is the outbox's reads and
deletes (fake-indexeddb, slower than a browser's IndexedDB).

### Intake: ${intake ? `${intake.terminals} terminals sending ${intake.perTerminal} packets each, at the same time` : 'terminals sending at the same time'}

${intakeTable(r.intakes)}

Each terminal sends its packets one after the other (as its drain does), all terminals at once,
with \`fetch\` (keep-alive); latency is one POST, from the request to the parsed answer. A row
marked "control" is the same back office on a database of its own with the settle job left out
(\`app.jobs.send\` replaced by nothing, workers off), run just before the real one: the difference
between the two is what the job queue costs the intake, under the same load. ${jobCost(r.intakes)}

### The settle jobs queued with the packets

${jobTable(r.jobs)}

Each packet is stored with its settle job, in one transaction (docs/jobs.md); the back office's own
workers run the jobs while the intake goes on, with the checks switched off, so a job costs its
queueing (an INSERT into pg-boss's table), its fetch (UPDATE … FOR UPDATE SKIP LOCKED) and its
completion (an UPDATE) — on PGlite all on the intake's one connection. The drain's jobs are run
before the intake starts.

### Loss check of the whole run

${lossTable(r.losses)}

"Stored" counts rows of \`packets\` for the ids sealed; "duplicated" counts rows of \`packets\` and
\`applications\` beyond one per sealed application (the tables' keys make it 0 unless a packet
were stored under another id).

### What is measured, and how precisely

- The back office is the real one (\`buildApp\`, Fastify, \`app.listen\` on 127.0.0.1:0) with the
  sandbox unseeded and the deferred checks switched off: the figures are the intake's (schema,
  signature, replay lookups, ECDH + AES-GCM opening, payload checks, one transaction storing the
  application, its packet and its settle job), not the registry, face match and payment checks that follow the answer.
- The kiosks' side (fetch, fake-indexeddb) and the back office (Fastify) run in the bench's one
  Node process, so they share a core; PGlite is in memory in that process too (one thread:
  concurrent terminals queue for it). PostgreSQL: ${r.postgres}.
- Sealing is done before any timing: ${r.sealed} packets (ECDH P-256, HKDF, AES-256-GCM, ECDSA
  P-256 in Node's WebCrypto), ${fixed(r.sealMsPerPacket, 2)} ms per packet into the outbox
  (\`sealApplication\`, fake-indexeddb). Each packet carries the test fixture's payload (a 612-byte
  portrait, a 1×1 signature, a 128-number descriptor): ${(r.packetBytes / 1024).toFixed(1)} KB of JSON on the wire.
- Durations are \`performance.now()\` (sub-millisecond); one run, no warm-up beyond enrolment.
- The machine is shared (other tests may be running): load average ${r.loadBefore} before, ${r.loadAfter} after.

${machineSection(r.machine, { browser: false, memory: true })}

### Rerun

\`\`\`sh
npm run bench:sync   # BENCH_SYNC_PACKETS (drain, default 1000), BENCH_SYNC_TERMINALS (8), BENCH_SYNC_PER_TERMINAL (100)
\`\`\`

PostgreSQL is \`TEST_DATABASE_URL\` when set (in a schema of its own, dropped at the end), else a
throwaway cluster started and removed by scripts/system/postgres.sh; \`BENCH_SYNC_POSTGRES=0\`
runs on PGlite alone. It rewrites this section.`;
}
