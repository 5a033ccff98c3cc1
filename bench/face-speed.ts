// `npm run bench:face`: how fast the face worker analyses camera frames on this machine. Against the
// built kiosk (dist/, not rebuilt here) served by a back office of its own, in Debian's Chromium
// headless with the fake camera playing .cache/camera/f01-turn.y4m, on the face harness page, built
// and served apart from the kiosk by e2e/support/face-harness.ts (e2e/harness/bench-face.ts grabs
// frames from the video element as the kiosk does):
//   1. detection + 68 landmarks on the wasm backend, 10 warm-up frames then 500 timed, back to back;
//   2. the same with the descriptor on every frame, whose extra cost is the difference of medians;
//   3. the photo step's frames: detection + landmarks + the expression net on every frame (its
//      neutral score), whose extra cost is the difference of medians too;
//   4. the worker's memory (tf.memory() and the wasm heap) after 50 frames and after 510, and before and
//      after the descriptor's and the expressions' timed frames, must not grow, nor the tensors from
//      frame 50 to the last (the exit code is 1 if anything does);
//   5. cpu and webgl against wasm, 50 frames each;
//   6. the kiosk page's model load, cold (fresh profile, empty cache) and warm (the same profile:
//      a reload, then a browser restart — service worker precache and HTTP cache).
// Prints the tables, writes its section of docs/benchmarks.md, and last: fps=<detection+landmarks fps>.
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import type { BenchBackend, BenchFrames, BenchOpened } from '../e2e/harness/bench-face';
import type { AnalyseOptions } from '../src/biometrics/face-analysis';
import { cameraLaunchOptions, type CameraVideo } from '../e2e/support/camera';
import { chromiumLaunchOptions } from '../e2e/support/chromium';
import { FACE_HARNESS_PAGE, serveFaceHarness, type FaceHarnessServer } from '../e2e/support/face-harness';
import { REPO_ROOT } from '../e2e/support/paths';
import { makeDataDir, startBackOffice, type RunningBackOffice } from '../scripts/screens/backoffice';
import { ensureCameraVideos } from '../scripts/screens/camera-videos';
import { writeSection } from './doc-section';
import { memoryGrowth, speedFigures, tensorGrowth, type WorkerMemory } from './face-figures';
import { faceReport, faceTables, type BackendResult, type LoadRun, type ModelLoad, type NetSize, type WasmFlags } from './face-report';
import { describeMachine, loadAverage } from './machine';
import { PROBE_SCRIPT } from './page-probe';

const VIDEO: CameraVideo = 'f01-turn';
const KIOSK = '/?profile=test';
const WARMUP = 10;
const MEASURED = Number(process.env.BENCH_FACE_FRAMES ?? 500);
const MEMORY_AT = 50;
const DESCRIPTOR_FRAMES = 50;
const EXPRESSION_FRAMES = 100;
const PLAIN: AnalyseOptions = { descriptor: false };
const DESCRIPTOR: AnalyseOptions = { descriptor: true };
/** As the photo step asks for every frame (src/steps/Photo.svelte); the descriptor only at the shot. */
const PHOTO: AnalyseOptions = { descriptor: false, expressions: true };
const COMPARE_WARMUP = 5;
const COMPARE_FRAMES = 50;
const LOAD_RUNS = Number(process.env.BENCH_LOAD_RUNS ?? 3);
/** The machine is shared: wait (up to a limit) for the 1-minute load average to drop below this. */
const QUIET_LOAD = 1;
const QUIET_WAIT_MS = Number(process.env.BENCH_QUIET_WAIT_S ?? 180) * 1000;
const MODELS_TIMEOUT_MS = 120_000;

/** Runs in the worker. tfjs keeps its engine on the global object; face-api's bundle does not export it. */
const MEMORY_EXPRESSION = `(async () => {
  const engine = globalThis._tfengine;
  const memory = engine.memory();
  const wasm = engine.backend && engine.backend.wasm;
  let userAgentBytes = null;
  if (globalThis.crossOriginIsolated && performance.measureUserAgentSpecificMemory) {
    userAgentBytes = (await performance.measureUserAgentSpecificMemory()).bytes;
  }
  return {
    numTensors: memory.numTensors,
    numBytes: memory.numBytes,
    wasmHeapBytes: wasm && wasm.HEAPU8 ? wasm.HEAPU8.buffer.byteLength : null,
    userAgentBytes,
    crossOriginIsolated: Boolean(globalThis.crossOriginIsolated),
  };
})()`;

/** Which GL the webgl backend got: with --disable-gpu, Chromium's software one if any. */
const WEBGL_RENDERER_EXPRESSION = `(() => {
  const gl = globalThis._tfengine.backend.gpgpu.gl;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
})()`;

/** What tfjs found the browser supports, which decides the .wasm binary it loaded. */
const WASM_FLAGS_EXPRESSION = `(() => {
  const flags = globalThis._tfengine.ENV.flags;
  return { simd: flags.WASM_HAS_SIMD_SUPPORT ?? null, threads: flags.WASM_HAS_MULTITHREAD_SUPPORT ?? null };
})()`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForQuiet(): Promise<void> {
  const deadline = Date.now() + QUIET_WAIT_MS;
  while (loadavg()[0]! > QUIET_LOAD && Date.now() < deadline) {
    console.log(`bench: load average ${loadAverage()}, waiting for < ${QUIET_LOAD}…`);
    await sleep(15_000);
  }
}

const bench = {
  start: async (page: Page, backend: BenchBackend) =>
    (await page.evaluate(`window.faceHarness.bench.start(${JSON.stringify(backend)})`)) as BenchOpened,
  frames: async (page: Page, count: number, options: AnalyseOptions) =>
    (await page.evaluate(`window.faceHarness.bench.frames(${count}, ${JSON.stringify(options)})`)) as BenchFrames,
  stop: (page: Page) => page.evaluate('window.faceHarness.bench.stop()'),
};

/** Evaluated in the page's face worker (the newest: bench.start() replaces it). */
async function workerEval<T>(page: Page, expression: string): Promise<T> {
  const worker = page.workers().filter((w) => w.url().includes('face.worker')).at(-1);
  if (!worker) throw new Error('bench: no face worker in the page');
  return (await worker.evaluate(expression)) as T;
}

const workerMemory = (page: Page) => workerEval<WorkerMemory>(page, MEMORY_EXPRESSION);

async function measureSpeed(baseURL: string) {
  const browser = await chromium.launch(cameraLaunchOptions(VIDEO));
  try {
    const page = await browser.newPage({ baseURL });
    await page.goto(FACE_HARNESS_PAGE);
    await page.waitForFunction("'faceHarness' in window");

    console.log(`bench: wasm, ${WARMUP} + ${MEASURED} frames…`);
    const opened = await bench.start(page, 'wasm');
    const wasmFlags = await workerEval<WasmFlags>(page, WASM_FLAGS_EXPRESSION);
    const warmup = await bench.frames(page, WARMUP, PLAIN);
    const first = await bench.frames(page, MEMORY_AT - WARMUP, PLAIN);
    const at50 = await workerMemory(page);
    const rest = await bench.frames(page, MEASURED - (MEMORY_AT - WARMUP), PLAIN);
    const atEnd = await workerMemory(page);
    console.log(`bench: wasm, ${WARMUP} + ${DESCRIPTOR_FRAMES} frames with the descriptor…`);
    // The recognition net's first runs grow the wasm heap to a new high-water mark; after that it must stay.
    await bench.frames(page, WARMUP, DESCRIPTOR);
    const descriptorWarm = await workerMemory(page);
    const described = await bench.frames(page, DESCRIPTOR_FRAMES, DESCRIPTOR);
    const descriptorEnd = await workerMemory(page);
    console.log(`bench: wasm, ${WARMUP} + ${EXPRESSION_FRAMES} frames with expressions (the photo step's)…`);
    await bench.frames(page, WARMUP, PHOTO);
    const expressionWarm = await workerMemory(page);
    const expressed = await bench.frames(page, EXPRESSION_FRAMES, PHOTO);
    const expressionEnd = await workerMemory(page);
    await bench.stop(page);

    const wasm: BackendResult = { asked: 'wasm', backend: opened.backend, loadMs: opened.loadMs, speed: speedFigures([first, rest]) };
    const backends: BackendResult[] = [wasm];
    for (const asked of ['cpu', 'webgl'] as const) {
      console.log(`bench: ${asked}, ${COMPARE_WARMUP} + ${COMPARE_FRAMES} frames…`);
      const other = await bench.start(page, asked);
      if (other.backend !== asked) {
        backends.push({ asked, backend: other.backend, loadMs: other.loadMs, speed: null });
      } else {
        await bench.frames(page, COMPARE_WARMUP, PLAIN);
        const frames = await bench.frames(page, COMPARE_FRAMES, PLAIN);
        const renderer = asked === 'webgl' ? await workerEval<string>(page, WEBGL_RENDERER_EXPRESSION) : undefined;
        backends.push({ asked, backend: other.backend, loadMs: other.loadMs, speed: speedFigures([frames]), renderer });
      }
      await bench.stop(page);
    }
    return {
      wasm,
      wasmFlags,
      warmup: WARMUP,
      firstFrameMs: warmup.workerMs[0] ?? Number.NaN,
      descriptor: { speed: speedFigures([described]), descriptors: described.descriptors },
      expressions: { speed: speedFigures([expressed]), neutral: expressed.neutral },
      memory: { at50, atEnd, descriptorWarm, descriptorEnd, expressionWarm, expressionEnd, framesAtEnd: WARMUP + MEASURED },
      backends,
    };
  } finally {
    await browser.close();
  }
}

async function modelsReady(page: Page): Promise<ModelLoad> {
  await page.waitForFunction('window.__probe.model !== null', undefined, { timeout: MODELS_TIMEOUT_MS });
  return (await page.evaluate(`({
    readyMs: window.__probe.model.at - window.__probe.timeOrigin,
    loadMs: window.__probe.model.loadMs,
    backend: window.__probe.model.backend,
    serviceWorker: Boolean(navigator.serviceWorker && navigator.serviceWorker.controller),
  })`)) as ModelLoad;
}

/** The kiosk page as a kiosk starts it: a persistent profile, the probe reading the worker's load time. */
async function kioskLoad(profile: string, baseURL: string, then?: (page: Page) => Promise<ModelLoad>): Promise<ModelLoad[]> {
  const context = await chromium.launchPersistentContext(profile, { ...chromiumLaunchOptions(), baseURL });
  try {
    await context.addInitScript({ content: PROBE_SCRIPT });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(KIOSK);
    const loads = [await modelsReady(page)];
    if (then) loads.push(await then(page));
    return loads;
  } finally {
    await context.close();
  }
}

async function measureLoads(baseURL: string): Promise<LoadRun[]> {
  const runs: LoadRun[] = [];
  for (let run = 1; run <= LOAD_RUNS; run++) {
    console.log(`bench: model load, cold and warm, ${run}/${LOAD_RUNS}…`);
    const profile = mkdtempSync(join(tmpdir(), 'bench-face-profile-'));
    try {
      const [cold, reload] = await kioskLoad(profile, baseURL, async (page) => {
        // Installed (the precache filled) before the second load, as on a kiosk that has run once.
        await page.evaluate('navigator.serviceWorker.ready');
        await page.reload();
        return modelsReady(page);
      });
      const [restart] = await kioskLoad(profile, baseURL);
      runs.push({ cold: cold!, reload: reload!, restart: restart! });
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  }
  return runs;
}

/** The nets the kiosk serves (dist/models: weights and manifest), in bytes, as the worker fetches them. */
function modelFiles(): NetSize[] {
  const dir = join(REPO_ROOT, 'dist', 'models');
  const nets = new Map<string, number>();
  for (const file of readdirSync(dir)) {
    const name = file.replace(/_model.*$/, '');
    nets.set(name, (nets.get(name) ?? 0) + statSync(join(dir, file)).size);
  }
  return [...nets].map(([name, bytes]) => ({ name, bytes }));
}

async function main(): Promise<void> {
  if (!existsSync(join(REPO_ROOT, 'dist', 'index.html'))) {
    throw new Error('bench: dist/ has no kiosk: run `npm run build` first');
  }
  ensureCameraVideos([VIDEO]);
  const machine = describeMachine();
  const dataDir = makeDataDir('bench-face');
  const logFile = join(REPO_ROOT, '.cache', 'bench-face-backoffice.log');
  let backOffice: RunningBackOffice | undefined;
  let harness: FaceHarnessServer | undefined;
  try {
    // Built before the machine is let settle: the build is load the measurement must not see.
    harness = await serveFaceHarness();
    await waitForQuiet();
    console.log('bench: starting a back office (seeds the sandbox: tens of seconds)…');
    backOffice = await startBackOffice(dataDir, logFile);
    const loadBefore = loadAverage();
    const speed = await measureSpeed(harness.baseURL);
    const loads = await measureLoads(backOffice.baseURL);
    const report = {
      machine,
      loadBefore,
      loadAfter: loadAverage(),
      video: VIDEO,
      ...speed,
      memory: {
        ...speed.memory,
        grew: [
          ...memoryGrowth(speed.memory.at50, speed.memory.atEnd),
          ...memoryGrowth(speed.memory.descriptorWarm, speed.memory.descriptorEnd).map((g) => `with the descriptor: ${g}`),
          ...memoryGrowth(speed.memory.expressionWarm, speed.memory.expressionEnd).map((g) => `with expressions: ${g}`),
          ...tensorGrowth(speed.memory.at50, speed.memory.expressionEnd).map((g) => `from frame ${MEMORY_AT} to the last: ${g}`),
        ],
      },
      loads,
      nets: modelFiles(),
    };
    writeSection(join(REPO_ROOT, 'docs', 'benchmarks.md'), 'face', faceReport(report));
    console.log(`\n${faceTables(report)}\n\nload average ${report.loadBefore} before, ${report.loadAfter} after`);
    if (report.memory.grew.length > 0) {
      console.log(`memory GREW: ${report.memory.grew.join('; ')}`);
      process.exitCode = 1;
    }
    console.log('wrote docs/benchmarks.md (section "face")');
    console.log(`fps=${report.wasm.speed!.fps.toFixed(1)}`);
  } finally {
    await harness?.close();
    await backOffice?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
