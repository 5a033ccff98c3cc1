// `npm run bench:liveness`: the colour challenge (src/biometrics/colour-challenge.ts) against a
// simulated attack set and simulated genuine citizens, through the kiosk's own face worker and
// decision code. Against the built kiosk's models (dist/, `npm run build` first), on the face harness
// page in Debian's Chromium (e2e/harness/bench-colour.ts), every session made at run time from the 18
// registry faces by scripts/faces/colour-scenes.ts: nothing is downloaded.
//   1. every session, every camera frame sampled (the decision's figures and ISO/IEC 30107-3 rates);
//   2. genuine sessions against the wall clock, frames sampled as the worker keeps up: the time the
//      check adds to the identify step (first colour to decision) and the samples each step gets.
// Prints the tables, writes its section of docs/benchmarks.md, and last:
// apcer_max=<fraction> bpcer=<fraction> added_ms=<ms>. Every session's evidence: .cache/bench-liveness/sessions.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import type { ColourSessionResult, ColourSessionSpec } from '../e2e/harness/bench-colour';
import { chromiumLaunchOptions } from '../e2e/support/chromium';
import { FACE_HARNESS_PAGE, serveFaceHarness } from '../e2e/support/face-harness';
import { REPO_ROOT } from '../e2e/support/paths';
import { ATTACK_KINDS, BONA_FIDE_KINDS, type SceneKind } from '../scripts/faces/colour-scenes';
import { loadRegistryFaces } from '../server/face/registry-faces';
import { COLOUR_THRESHOLDS, rejudgeColour, type ColourThresholds } from '../src/biometrics/colour-challenge';
import { writeSection } from './doc-section';
import { describeMachine } from './machine';
import { median } from './stats';

const SESSIONS: Record<SceneKind, number> = {
  genuine: Number(process.env.BENCH_GENUINE ?? 6),
  too_bright: 2,
  phone_replay: 3,
  recorded_session: 3,
  late_follower: 3,
  print_flat: 3,
  print_bent: 3,
};
const OUT_DIR = join(REPO_ROOT, '.cache', 'bench-liveness');
/**
 * The sessions' seeds: the limits were chosen on the sessions of base 1 000 000; this run's default,
 * 3 000 000, is a held-out set the limits never saw (BENCH_SEED=1000000 reruns the tuning set).
 */
const SEED = Number(process.env.BENCH_SEED ?? 3_000_000);
const REAL_TIME = Number(process.env.BENCH_REAL_TIME ?? 12);
const BATCH = 12;
const KINDS: SceneKind[] = [...BONA_FIDE_KINDS, ...ATTACK_KINDS];

function specs(faceIds: string[]): ColourSessionSpec[] {
  const out: ColourSessionSpec[] = [];
  const { steps, stepMs } = COLOUR_THRESHOLDS;
  for (const [f, faceId] of faceIds.entries()) {
    for (const [k, kind] of KINDS.entries()) {
      for (let v = 0; v < SESSIONS[kind]; v++) out.push({ faceId, kind, seed: SEED + f * 10_000 + k * 100 + v, steps, stepMs, realTime: false });
    }
  }
  return out;
}

async function runSessions(page: Page, all: ColourSessionSpec[], label: string): Promise<ColourSessionResult[]> {
  const results: ColourSessionResult[] = [];
  for (let i = 0; i < all.length; i += BATCH) {
    const batch = all.slice(i, i + BATCH);
    results.push(...((await page.evaluate((b) => window.faceHarness.colour.run(b), batch)) as ColourSessionResult[]));
    process.stdout.write(`\rbench: ${label} ${results.length}/${all.length}`);
  }
  process.stdout.write('\n');
  return results;
}

type Outcome = 'accepted' | 'no_face' | NonNullable<NonNullable<ColourSessionResult['evidence']>['reason']>;

function outcome(result: ColourSessionResult, thresholds?: ColourThresholds): Outcome {
  if (result.faces !== 1 || !result.evidence) return 'no_face';
  const judged = thresholds ? rejudgeColour(result.evidence, thresholds) : result.evidence;
  return judged.status === 'passed' ? 'accepted' : (judged.reason ?? 'colour_unmeasured');
}

const pct = (n: number, of: number) => (of === 0 ? '–' : `${((100 * n) / of).toFixed(1)} %`);
const fixed = (v: number | undefined, places = 3) => (v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(places));

function spread(values: number[]): string {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return '–';
  return `${fixed(sorted[0])} / ${fixed(sorted[Math.floor(sorted.length / 2)])} / ${fixed(sorted.at(-1))}`;
}

interface Rates {
  perKind: Map<SceneKind, { n: number; accepted: number; noFace: number; outcomes: Map<Outcome, number> }>;
  apcerMax: number;
  bpcer: number;
}

function rates(results: ColourSessionResult[], thresholds?: ColourThresholds): Rates {
  const perKind: Rates['perKind'] = new Map();
  for (const result of results) {
    const row = perKind.get(result.spec.kind) ?? { n: 0, accepted: 0, noFace: 0, outcomes: new Map() };
    const o = outcome(result, thresholds);
    row.n++;
    if (o === 'accepted') row.accepted++;
    if (o === 'no_face') row.noFace++;
    row.outcomes.set(o, (row.outcomes.get(o) ?? 0) + 1);
    perKind.set(result.spec.kind, row);
  }
  const apcerMax = Math.max(...ATTACK_KINDS.map((k) => (perKind.get(k) ? perKind.get(k)!.accepted / perKind.get(k)!.n : 0)));
  const genuine = perKind.get('genuine');
  const bpcer = genuine ? (genuine.n - genuine.accepted) / genuine.n : 1;
  return { perKind, apcerMax, bpcer };
}

/**
 * Each limit's margin: the genuine sessions' worst value on it, against the worst attack value among
 * the attacks only that limit stops (the others pass them), so the margin is what the limit alone holds.
 */
function margins(results: ColourSessionResult[]): string[] {
  const T = COLOUR_THRESHOLDS;
  const judged = results.filter((r) => r.faces === 1 && r.evidence && r.evidence.amplitude !== null);
  const genuine = judged.filter((r) => r.spec.kind === 'genuine').map((r) => r.evidence!);
  const attacks = judged.filter((r) => (ATTACK_KINDS as readonly string[]).includes(r.spec.kind)).map((r) => r.evidence!);
  const amp = (e: (typeof genuine)[number]) => e.amplitude ?? 0;
  const corr = (e: (typeof genuine)[number]) => e.correlation ?? -1;
  const share = (e: (typeof genuine)[number]) => e.referenceShare ?? Infinity;
  const glass = (e: (typeof genuine)[number]) => e.glassLikeness ?? Infinity;
  const passes = {
    amplitude: (e: (typeof genuine)[number]) => amp(e) >= T.minAmplitude,
    correlation: (e: (typeof genuine)[number]) => corr(e) >= T.minCorrelation,
    share: (e: (typeof genuine)[number]) => share(e) <= T.maxReferenceShare,
    glass: (e: (typeof genuine)[number]) => glass(e) <= T.maxGlassLikeness,
  };
  const allBut = (skip: keyof typeof passes) => attacks.filter((e) => Object.entries(passes).every(([name, ok]) => name === skip || ok(e)));
  const onlyBy = {
    amplitude: allBut('amplitude').map(amp),
    correlation: allBut('correlation').map(corr),
    share: allBut('share').map(share),
    glass: allBut('glass').map(glass),
  };
  const line = (name: string, limit: number, genuineWorst: number, attackWorst: number | undefined, higherIsGenuine: boolean) =>
    `| ${name} | ${limit} | ${fixed(genuineWorst)} | ${attackWorst === undefined ? '– (none left)' : fixed(attackWorst)} | ${
      attackWorst === undefined ? '–' : fixed(higherIsGenuine ? genuineWorst - attackWorst : attackWorst - genuineWorst)
    } |`;
  return [
    '| limit | value | genuine, worst | attacks only it stops, worst | gap |',
    '| --- | --- | --- | --- | --- |',
    line('minAmplitude', T.minAmplitude, Math.min(...genuine.map(amp)), onlyBy.amplitude.length ? Math.max(...onlyBy.amplitude) : undefined, true),
    line('minCorrelation', T.minCorrelation, Math.min(...genuine.map(corr)), onlyBy.correlation.length ? Math.max(...onlyBy.correlation) : undefined, true),
    line('maxGlassLikeness', T.maxGlassLikeness, Math.max(...genuine.map(glass)), onlyBy.glass.length ? Math.min(...onlyBy.glass) : undefined, false),
    line('maxReferenceShare', T.maxReferenceShare, Math.max(...genuine.map(share)), onlyBy.share.length ? Math.min(...onlyBy.share) : undefined, false),
  ];
}

function sweep(results: ColourSessionResult[], limit: 'minAmplitude' | 'maxGlassLikeness' | 'maxReferenceShare', values: number[]): string[] {
  const rows = [`| ${limit} | APCER, worst attack | BPCER |`, '| --- | --- | --- |'];
  for (const value of values) {
    const r = rates(results, { ...COLOUR_THRESHOLDS, [limit]: value });
    rows.push(`| ${value}${value === COLOUR_THRESHOLDS[limit] ? ' (chosen)' : ''} | ${pct(r.apcerMax * 1000, 1000)} | ${pct(r.bpcer * 1000, 1000)} |`);
  }
  return rows;
}

function table(results: ColourSessionResult[], r: Rates): string[] {
  const rows = [
    '| set | kind | n | no face found | accepted | rate | outcomes | amplitude min / median / max | correlation | glass-likeness | reference share |',
    '| --- | --- | ---: | ---: | ---: | --- | --- | --- | --- | --- | --- |',
  ];
  for (const kind of KINDS) {
    const row = r.perKind.get(kind);
    if (!row) continue;
    const evidence = results.filter((x) => x.spec.kind === kind && x.evidence).map((x) => x.evidence!);
    const attack = (ATTACK_KINDS as readonly string[]).includes(kind);
    const rate = attack ? `APCER ${pct(row.accepted, row.n)}` : kind === 'genuine' ? `BPCER ${pct(row.n - row.accepted, row.n)}` : `passed ${pct(row.accepted, row.n)}`;
    const outcomes = [...row.outcomes].sort((a, b) => b[1] - a[1]).map(([o, n]) => `${o} ${n}`).join(', ');
    rows.push(
      `| ${attack ? 'attack' : 'bona fide'} | ${kind} | ${row.n} | ${row.noFace} | ${row.accepted} | ${rate} | ${outcomes} | ${spread(evidence.map((e) => e.amplitude ?? NaN))} | ${spread(evidence.map((e) => e.correlation ?? NaN))} | ${spread(evidence.map((e) => e.glassLikeness ?? NaN))} | ${spread(evidence.map((e) => e.referenceShare ?? NaN))} |`,
    );
  }
  return rows;
}

async function main(): Promise<void> {
  const faces = await loadRegistryFaces();
  const harness = await serveFaceHarness();
  const browser = await chromium.launch(chromiumLaunchOptions([]));
  try {
    const page = await browser.newPage({ baseURL: harness.baseURL });
    await page.goto(FACE_HARNESS_PAGE);
    await page.waitForFunction("'faceHarness' in window");
    const portraits = faces.map((f) => ({ faceId: f.faceId, jpegBase64: Buffer.from(f.jpeg).toString('base64') }));
    const found = (await page.evaluate((p) => window.faceHarness.colour.prepare(p), portraits)) as string[];
    console.log(`bench: ${found.length} of ${faces.length} registry faces found by the kiosk's detector`);

    const started = Date.now();
    const results = await runSessions(page, specs(found), 'sessions');
    const sessionsS = (Date.now() - started) / 1000;
    const { steps, stepMs } = COLOUR_THRESHOLDS;
    const realTimeSpecs = Array.from({ length: REAL_TIME }, (_, i): ColourSessionSpec => ({
      faceId: found[i % found.length]!,
      kind: 'genuine',
      seed: SEED + 500_000 + i,
      steps,
      stepMs,
      realTime: true,
    }));
    const realTime = await runSessions(page, realTimeSpecs, 'real time');

    const r = rates(results);
    const decided = realTime.flatMap((x) => (x.decidedAfterMs === null ? [] : [x.decidedAfterMs]));
    const addedMs = Math.round(median(decided));
    const perStep = realTime.flatMap((x) => x.evidence?.steps.map((s) => s.samples) ?? []);
    const sampleMs = results.flatMap((x) => x.sampleMs);
    const roundTrip = results.flatMap((x) => x.roundTripMs);
    const realTimePassed = realTime.filter((x) => x.evidence?.status === 'passed').length;
    const machine = describeMachine();

    const body = [
      '## Colour challenge against replays and prints (`npm run bench:liveness`)',
      '',
      `${machine.date}, ${machine.nproc} cores (${machine.cpu}), ${machine.chromium}, the kiosk's face worker (wasm). Thresholds \`${COLOUR_THRESHOLDS.version}\`: ${steps} colours × ${stepMs} ms, settle ${COLOUR_THRESHOLDS.settleMs} ms, minAmplitude ${COLOUR_THRESHOLDS.minAmplitude}, minCorrelation ${COLOUR_THRESHOLDS.minCorrelation}, maxGlassLikeness ${COLOUR_THRESHOLDS.maxGlassLikeness}, maxReferenceShare ${COLOUR_THRESHOLDS.maxReferenceShare}.`,
      `Every session simulated from the ${found.length} registry faces (scripts/faces/colour-scenes.ts; what is and is not simulated: docs/biometrics.md), every camera frame sampled; ${results.length} sessions (seeds from ${SEED}${SEED === 3_000_000 ? ', a set held out from the choice of the limits' : ''}) in ${sessionsS.toFixed(0)} s.`,
      '"No face found": the kiosk\'s detector found no single face on the frame before the first colour, so the check never started (not accepted). Rates are over all presentations (ISO/IEC 30107-3: APCER per attack type, BPCER on the genuine set).',
      '',
      ...table(results, r),
      '',
      `APCER, worst attack type: **${pct(r.apcerMax * 1000, 1000)}**; BPCER: **${pct(r.bpcer * 1000, 1000)}**.`,
      '',
      'Margins (each limit against the attacks that only it stops):',
      '',
      ...margins(results),
      '',
      'Each limit swept on the same sessions (the others as chosen):',
      '',
      ...sweep(results, 'minAmplitude', [0.01, 0.02, 0.03, 0.04, 0.05]),
      '',
      ...sweep(results, 'maxGlassLikeness', [-0.5, -0.25, 0, 0.25, 0.5]),
      '',
      ...sweep(results, 'maxReferenceShare', [0.3, 0.4, 0.5, 0.6, 0.7]),
      '',
      `Time added to the identify step, ${realTime.length} genuine sessions against the wall clock: first colour to decision median ${addedMs} ms (${fixed(Math.min(...decided), 0)}–${fixed(Math.max(...decided), 0)}); samples per step ${spread(perStep)}; ${realTimePassed} of ${realTime.length} passed. Worker time per sample: median ${fixed(median(sampleMs), 1)} ms; page round trip (bitmap, transfer, sample) median ${fixed(median(roundTrip), 1)} ms.`,
    ].join('\n');
    console.log(`\n${body}\n`);
    writeSection(join(REPO_ROOT, 'docs', 'benchmarks.md'), 'liveness', body);
    // Every session's evidence, for a closer look and for the decision's unit tests' recorded responses.
    mkdirSync(OUT_DIR, { recursive: true });
    writeFileSync(join(OUT_DIR, 'sessions.json'), JSON.stringify([...results, ...realTime], null, 1));
    console.log(`apcer_max=${r.apcerMax.toFixed(3)} bpcer=${r.bpcer.toFixed(3)} added_ms=${addedMs}`);
  } finally {
    await browser.close();
    await harness.close();
  }
}

await main();
