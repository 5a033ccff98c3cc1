// The face section of docs/benchmarks.md as bench/face-speed.ts writes it after a run, and the
// tables it prints.
import type { SpeedFigures, WorkerMemory } from './face-figures';
import { machineSection, type Machine } from './machine';
import { median } from './stats';

export interface BackendResult {
  asked: 'wasm' | 'cpu' | 'webgl';
  /** As the worker reported it: `asked`, or 'cpu (<asked> failed: …)'. */
  backend: string;
  loadMs: number;
  /** Null when the backend did not start. */
  speed: SpeedFigures | null;
  /** webgl only: the GL renderer it got. */
  renderer?: string;
}

/** The kiosk page's face models, as bench/page-probe.ts sees the worker answer load(). */
export interface ModelLoad {
  /** From the page's navigation start to the worker's answer. */
  readyMs: number;
  /** The worker's own time: backend init (wasm compile) and the nets fetched and parsed. */
  loadMs: number;
  backend: string;
  /** The page was controlled by the service worker (models and wasm from its precache). */
  serviceWorker: boolean;
}

export interface LoadRun {
  cold: ModelLoad;
  reload: ModelLoad;
  restart: ModelLoad;
}

/** A net's files as served (weights and manifest). */
export interface NetSize {
  name: string;
  bytes: number;
}

/** tfjs's WASM_HAS_SIMD_SUPPORT and WASM_HAS_MULTITHREAD_SUPPORT in the worker (null: not checked). */
export interface WasmFlags {
  simd: boolean | null;
  threads: boolean | null;
}

export interface FaceReport {
  machine: Machine;
  loadBefore: string;
  loadAfter: string;
  video: string;
  wasm: BackendResult;
  wasmFlags: WasmFlags;
  /** Frames analysed before the timed ones, left out of the figures. */
  warmup: number;
  firstFrameMs: number;
  descriptor: { speed: SpeedFigures; descriptors: number };
  /** The photo step's frames: the expression net on every face; each face's neutral score. */
  expressions: { speed: SpeedFigures; neutral: number[] };
  memory: {
    at50: WorkerMemory;
    atEnd: WorkerMemory;
    /** After the descriptor's warm-up frames, and after its timed frames. */
    descriptorWarm: WorkerMemory;
    descriptorEnd: WorkerMemory;
    /** After the expressions' warm-up frames, and after their timed frames. */
    expressionWarm: WorkerMemory;
    expressionEnd: WorkerMemory;
    framesAtEnd: number;
    /** What grew from frame 50 to frame 510, over the descriptor's and the expressions' timed frames, and the tensors from frame 50 to the last. */
    grew: string[];
  };
  backends: BackendResult[];
  loads: LoadRun[];
  nets: NetSize[];
}

const ms = (n: number) => (Number.isNaN(n) ? '–' : n.toFixed(n < 10 ? 1 : 0));
const mb = (n: number | null) => (n === null ? '–' : `${(n / 1024 / 1024).toFixed(2)} MB`);
const pct = (n: number) => `${Math.round(n * 100)} %`;
const score = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–');
const flag = (b: boolean | null) => (b === null ? 'not checked' : b ? 'yes' : 'no');

function speedRow(label: string, s: SpeedFigures): string {
  return (
    `| ${label} | ${s.frames} | ${ms(s.workerMedianMs)} | ${ms(s.workerP95Ms)} | ${ms(s.roundTripMedianMs)} | ` +
    `${ms(s.roundTripP95Ms)} | **${s.fps.toFixed(1)}** | ${pct(s.oneFace)} |`
  );
}

const SPEED_HEAD = [
  '| | frames | worker ms median | worker ms p95 | round trip ms median | round trip ms p95 | fps | one face found |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
];

function backendTable(r: FaceReport): string {
  const lines = [...SPEED_HEAD];
  for (const b of r.backends) {
    const note = b.asked === 'wasm' ? " (SIMD, one thread; the kiosk's)" : b.renderer ? ` (${b.renderer})` : '';
    const label = `${b.asked}${note}, load ${b.loadMs} ms`;
    lines.push(b.speed ? speedRow(label, b.speed) : `| ${b.asked}: did not start — worker said \`${b.backend}\` | | | | | | | |`);
  }
  return lines.join('\n');
}

function descriptorTable(r: FaceReport): string {
  const base = r.wasm.speed!;
  const d = r.descriptor.speed;
  return [
    ...SPEED_HEAD,
    speedRow('wasm: detection + 68 landmarks', base),
    speedRow(`wasm: + descriptor on every frame (${r.descriptor.descriptors} of ${d.frames} returned one)`, d),
    '',
    `Descriptor alone ≈ **${ms(d.workerMedianMs - base.workerMedianMs)} ms** (difference of the worker medians).`,
  ].join('\n');
}

function expressionTable(r: FaceReport): string {
  const base = r.wasm.speed!;
  const e = r.expressions.speed;
  const neutral = r.expressions.neutral;
  return [
    ...SPEED_HEAD,
    speedRow('wasm: detection + 68 landmarks', base),
    speedRow(`wasm: + expressions on every face, the photo step's frames (${neutral.length} neutral scores)`, e),
    '',
    `Expression net alone ≈ **${ms(e.workerMedianMs - base.workerMedianMs)} ms** (difference of the worker medians). ` +
      `Neutral score on this clip: median ${score(median(neutral))}, lowest ${score(Math.min(...neutral))}.`,
  ].join('\n');
}

function netList(nets: readonly NetSize[]): string {
  const total = nets.reduce((sum, n) => sum + n.bytes, 0);
  return `${nets.map((n) => `${n.name} ${mb(n.bytes)}`).join(', ')}; ${mb(total)} in all`;
}

function loadTable(r: FaceReport): string {
  const rows: Array<[string, ModelLoad[]]> = [
    ['cold: fresh profile, empty HTTP cache, no service worker', r.loads.map((l) => l.cold)],
    ['warm: the same page reloaded (service worker installed)', r.loads.map((l) => l.reload)],
    ['warm: browser restarted on the same profile', r.loads.map((l) => l.restart)],
  ];
  const lines = [
    '| kiosk page start | navigation → models ready, median ms | each run | worker load ms, median | each run | served by the service worker |',
    '| --- | ---: | --- | ---: | --- | --- |',
  ];
  for (const [label, loads] of rows) {
    const ready = loads.map((l) => l.readyMs);
    const load = loads.map((l) => l.loadMs);
    const sw = loads.filter((l) => l.serviceWorker).length;
    lines.push(
      `| ${label} | ${ms(median(ready))} | ${ready.map(ms).join(', ')} | ${ms(median(load))} | ${load.map(ms).join(', ')} | ${sw} of ${loads.length} |`,
    );
  }
  return lines.join('\n');
}

function memoryTable(r: FaceReport): string {
  const m = r.memory;
  const cols: Array<[string, WorkerMemory]> = [
    ['after 50 frames', m.at50],
    [`after ${m.framesAtEnd} frames`, m.atEnd],
    [`then ${r.warmup} with the descriptor`, m.descriptorWarm],
    [`then ${r.descriptor.speed.frames} more`, m.descriptorEnd],
    [`then ${r.warmup} with expressions`, m.expressionWarm],
    [`then ${r.expressions.speed.frames} more`, m.expressionEnd],
  ];
  const row = (label: string, cell: (w: WorkerMemory) => string) => `| ${label} | ${cols.map(([, w]) => cell(w)).join(' | ')} |`;
  return [
    `| worker memory (wasm) | ${cols.map(([label]) => label).join(' | ')} |`,
    `| --- | ${cols.map(() => '---:').join(' | ')} |`,
    row('tf.memory().numTensors', (w) => String(w.numTensors)),
    row('tf.memory().numBytes', (w) => mb(w.numBytes)),
    row('wasm heap (linear memory)', (w) => mb(w.wasmHeapBytes)),
    row('measureUserAgentSpecificMemory()', (w) => (w.crossOriginIsolated ? mb(w.userAgentBytes) : 'n/a (not cross-origin isolated)')),
    '',
    m.grew.length === 0
      ? `Flat: nothing grew from frame 50 to frame ${m.framesAtEnd}, nor over the ${r.descriptor.speed.frames} timed frames with the descriptor, ` +
        `nor over the ${r.expressions.speed.frames} with expressions; the tensors are the same from frame 50 to the last.`
      : `**GREW**: ${m.grew.join('; ')}.`,
  ].join('\n');
}

export function faceTables(r: FaceReport): string {
  return [
    `Detection + 68 landmarks by backend (${r.video}):\n\n${backendTable(r)}`,
    `The descriptor (wasm):\n\n${descriptorTable(r)}`,
    `The photo step's frames (wasm):\n\n${expressionTable(r)}`,
    `Model load (${r.loads.length} runs):\n\n${loadTable(r)}`,
    `Memory:\n\n${memoryTable(r)}`,
  ].join('\n\n');
}

export function faceReport(r: FaceReport): string {
  const wasm = r.wasm.speed!;
  const others = r.backends
    .filter((b) => b.asked !== 'wasm')
    .map((b) =>
      b.speed
        ? `${b.asked} ${(b.speed.workerMedianMs / wasm.workerMedianMs).toFixed(1)}× slower per frame (${b.speed.fps.toFixed(1)} fps)`
        : `${b.asked} did not start here (\`${b.backend}\`)`,
    )
    .join('; ');
  const target = wasm.fps >= 15 ? 'met' : '**not met**';
  const photo = r.expressions.speed;
  const m = r.memory;
  const expressionHeap =
    (m.expressionWarm.wasmHeapBytes ?? 0) > (m.descriptorEnd.wasmHeapBytes ?? 0)
      ? `and the expression net's to ${mb(m.expressionWarm.wasmHeapBytes)}`
      : 'and the expression net needs no more';
  return `## How fast the face worker analyses frames

Measured by \`npm run bench:face\` (bench/face-speed.ts) on ${r.machine.date}.

\`\`\`
fps=${wasm.fps.toFixed(1)}
\`\`\`

Detection + 68 landmarks, back to back on frames of the fake camera: **${wasm.fps.toFixed(1)} fps** on
the wasm backend (worker median ${ms(wasm.workerMedianMs)} ms, p95 ${ms(wasm.workerP95Ms)} ms, over ${wasm.frames} frames).
Target ≥ 15 fps on 2 cores without a GPU: ${target}. Against wasm: ${others}.
The photo step, which asks for the expression net on every frame too (the neutral-expression check),
analyses **${photo.fps.toFixed(1)} fps** (worker median ${ms(photo.workerMedianMs)} ms).

### Why wasm

tfjs's wasm backend runs the convolutions in XNNPACK's hand-vectorised kernels, compiled with
128-bit SIMD: tfjs loads \`tfjs-backend-wasm-simd.wasm\` when the browser supports SIMD (in the
worker here: SIMD ${flag(r.wasmFlags.simd)}, threads ${flag(r.wasmFlags.threads)}). The \`cpu\` backend runs the same ops as
plain JavaScript loops, one float at a time. WebGL needs a GPU: with \`--disable-gpu\` (and on a
kiosk without one) Chromium emulates it on the CPU with SwiftShader (the renderer is in the table),
which costs far more than it gains. One wasm thread only: the multi-threaded build needs
SharedArrayBuffer, i.e. a cross-origin isolated page (COOP/COEP headers), which the kiosk is not —
and on 2 cores the other core is busy with the page, the camera and the video decoding.

### Detection + 68 landmarks by backend

${backendTable(r)}

The first frame after load took ${ms(r.firstFrameMs)} ms (kernels set up); the ${r.warmup} warm-up frames are left out of
the figures.

### The descriptor

${descriptorTable(r)}

### The photo step's frames: the expression net

${expressionTable(r)}

The photo step (src/steps/Photo.svelte) reads every face's neutral-expression score on every frame;
the descriptor only for the shot, so it is left out here. The expression net runs on each face
found, so its cost grows with the faces in the picture (one here).

### Model load: cold and warm start

${loadTable(r)}

"Worker load" is the worker's own \`load()\`: the backend's start (the .wasm compiled) and the
${r.nets.length} nets fetched and parsed (weights and manifests as served from dist/models: ${netList(r.nets)});
"models ready" adds the page's own start and the worker's script.

### The worker's memory

${memoryTable(r)}

The wasm heap is the backend's linear memory: it grows to the high-water mark of its allocations and
is never given back, so it is flat once every net has run — detection and landmarks need
${mb(m.atEnd.wasmHeapBytes)}, the recognition net's first runs take it to ${mb(m.descriptorWarm.wasmHeapBytes)},
${expressionHeap}. The tensors are the ${r.nets.length} nets' weights, all loaded at start (${mb(m.atEnd.numBytes)});
every frame's own tensors are disposed.

### What is measured, and how precisely

- Frames come from the harness page's \`<video>\` playing Chromium's fake camera (\`.cache/camera/${r.video}.y4m\`,
  640×480, 15 fps, looped: one face, turning), grabbed with \`createImageBitmap\` and transferred to the
  worker as the kiosk does (\`src/workers/face-client.ts\`). The loop does not wait for a new camera
  frame, so a frame can be analysed twice; fps = frames ÷ wall time of the loop.
- "worker ms" is the worker's own \`ms\` (whole milliseconds; \`fromPixels\` to the answer); "round trip"
  adds the grab, the transfer and the messages (page clock, 0.1 ms). Percentiles are nearest-rank.
- The worker's memory is read in the worker through Playwright: tfjs's engine (\`tf.memory()\`) and the
  wasm module's linear memory, between runs of frames (not timed). The worker's JavaScript heap is
  not: \`measureUserAgentSpecificMemory()\` needs a cross-origin isolated page and \`performance.memory\`
  is not in workers; on the wasm backend the tensors live in the wasm heap anyway.
- Model load is measured on the kiosk page (\`/\`), by bench/page-probe.ts, on the back office serving
  \`dist/\` on localhost: network time is nearly nil, so a slow disk or a remote server adds to "cold".
- Headless Chromium with \`--disable-gpu\`; the machine is shared: load average ${r.loadBefore} before, ${r.loadAfter} after.

${machineSection(r.machine, { browser: true, memory: false })}

### Rerun

\`\`\`sh
npm run build        # the bench builds only the harness page; the kiosk, models and wasm come from dist/
npm run bench:face   # BENCH_FACE_FRAMES=1000 for a longer run; BENCH_LOAD_RUNS=5 for more loads
\`\`\`

It starts its own back office on a free port (data folder under \`.cache/\`, removed at the end; log
\`.cache/bench-face-backoffice.log\`), waits up to 3 minutes for the load average to fall below 1
(\`BENCH_QUIET_WAIT_S\`), makes the camera video if missing, and rewrites this section.
`;
}
