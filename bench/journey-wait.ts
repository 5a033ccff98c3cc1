// `npm run bench:journey`: how long the kiosk makes a citizen wait, step by step. Walks scripted
// journeys against the built kiosk (dist/, not rebuilt here) and a back office of its own — service
// 18 exempt from the fee, and service 09 paid by QR in the sandbox — three of each, the tester's
// own actions instant. Each wait runs from the input that completes a step (the page's own click
// event, or the sandbox answering "paid") to the frame after the next step's root, or the element
// the citizen waits for, enters the page; both ends are read from the page's clock by bench/page-probe.ts.
// Prints a table per kind, and last: software_wait_ms=<…> camera_steps_ms=<…>; writes docs/benchmarks.md.
import { STEADY_MS } from '../src/biometrics/photo-quality-capture';
import { PAID_PAUSE_MS } from '../src/steps/payment-poll';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, request, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { latestSmsCode, payPending } from '../e2e/support/backoffice';
import { cameraLaunchOptions, type CameraVideo } from '../e2e/support/camera';
import { citizen, phoneDigits } from '../e2e/support/citizens';
import { drawSignature, passIdentify, shownPaymentId } from '../e2e/support/journey';
import { typeDigits } from '../e2e/support/kiosk';
import { REPO_ROOT } from '../e2e/support/paths';
import { makeDataDir, startBackOffice } from '../scripts/screens/backoffice';
import { ensureCameraVideos } from '../scripts/screens/camera-videos';
import { writeSection } from './doc-section';
import { describeMachine, loadAverage } from './machine';
import { PROBE_SCRIPT, type ProbeMark, type ProbeState } from './page-probe';
import { benchmarkReport, type KindResult } from './report';
import { addSample, countedMedianSum, median, table, type Row } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** Journeys whose identification was tried again: a try begun between the clip's turns (passIdentify). */
let retriedJourneys = 0;
const STEP_TIMEOUT_MS = 30_000;
const CAMERA_TIMEOUT_MS = 90_000;
const MODELS_TIMEOUT_MS = 120_000;
const LOADING_TEXT = 'Включаем камеру…'; // ru 'identify.loading': the camera is not running yet
const CHECKING_TEXT = 'Сравниваем с вашей фотографией в базе…'; // ru 'identify.checking': liveness passed, matching
/** The identify step's guidance while the liveness sequence asks for a move. */
const MOVES: ReadonlySet<string> = new Set(['turn_left', 'turn_right', 'blink', 'smile']);

interface Kind {
  name: string;
  tag: 'service-18' | 'service-09';
  video: CameraVideo;
  paid: boolean;
}

const KINDS: Kind[] = [
  { name: 'service 18, ID card on expiry, exempt from the fee', tag: 'service-18', video: 'f06-live', paid: false },
  { name: 'service 09, lost ID card, fee paid by QR', tag: 'service-09', video: 'f06-live', paid: true },
];

const CAMERA_ROW = "camera steps, incl. the citizen's head turns in the clip: identify shown → photo review shown";

/** Node's clock in the page's units: epoch milliseconds with sub-millisecond resolution. */
const nodeNow = () => performance.timeOrigin + performance.now();

async function probe(page: Page): Promise<ProbeState> {
  return (await page.evaluate('window.__probe')) as ProbeState;
}

async function marksSoFar(page: Page): Promise<{ inputs: number; marks: number }> {
  return (await page.evaluate('({ inputs: window.__probe.inputs.length, marks: window.__probe.marks.length })')) as {
    inputs: number;
    marks: number;
  };
}

/** The first mark of that name from index `from` on, once its frame has been painted. */
async function waitMark(page: Page, name: string, from: number, timeout = STEP_TIMEOUT_MS): Promise<ProbeMark> {
  const found = `window.__probe.marks.slice(${from}).find((m) => m.name === ${JSON.stringify(name)} && m.paint !== null)`;
  await page.waitForFunction(`Boolean(${found})`, undefined, { timeout });
  return (await page.evaluate(found)) as ProbeMark;
}

class Journey {
  constructor(
    readonly page: Page,
    readonly rows: Row[],
  ) {}

  /** The wait after the tester's `act`, from its last click to `target` painted. */
  async afterInput(label: string, act: () => Promise<void>, target: string): Promise<ProbeMark> {
    const from = await marksSoFar(this.page);
    await act();
    const mark = await waitMark(this.page, target, from.marks);
    const input = (await probe(this.page)).inputs.slice(from.inputs).at(-1);
    if (!input) throw new Error(`bench: no click recorded for "${label}"`);
    addSample(this.rows, label, true, mark.paint! - input.at);
    return mark;
  }

  /** A wait with no input of the citizen's: from one painted mark to another. */
  async afterMark(label: string, start: ProbeMark, target: string): Promise<ProbeMark> {
    const state = await probe(this.page);
    const from = state.marks.findIndex((m) => m === start || (m.name === start.name && m.dom === start.dom));
    const mark = await waitMark(this.page, target, Math.max(0, from));
    addSample(this.rows, label, true, mark.paint! - start.paint!);
    return mark;
  }
}

async function click(page: Page, selector: string): Promise<void> {
  await page.locator(selector).click();
}

async function walk(page: Page, api: APIRequestContext, kind: Kind, rows: Row[]): Promise<void> {
  const c = citizen(kind.tag);
  const j = new Journey(page, rows);
  await j.afterInput('language → service', () => click(page, '[data-action="lang-ru"]'), 'step:service');
  if (kind.tag === 'service-18') {
    await j.afterInput('reason → document choice', () => click(page, '[data-action="service-18"]'), '[data-action^="document-"]');
    await j.afterInput('document → IIN', () => click(page, '[data-action="document-id_card"]'), 'step:iin');
  } else {
    await j.afterInput('reason → IIN (one document only)', () => click(page, '[data-action="service-09"]'), 'step:iin');
  }
  await j.afterInput(
    'IIN Next → phone (registry check)',
    async () => {
      await typeDigits(page, c.person.iin);
      await click(page, '[data-action="next"]');
    },
    'step:phone',
  );
  await j.afterInput(
    'phone Next → SMS code screen (SMS sent)',
    async () => {
      await typeDigits(page, phoneDigits(c));
      await click(page, '[data-action="next"]');
    },
    '[data-field="sms-code"]',
  );
  const code = await latestSmsCode(api, c.phoneToType);
  const identify = await j.afterInput('last code digit → identify (code checked)', () => typeDigits(page, code), 'step:identify');

  // The fake camera's clip loops from the browser's launch: a try begun between its turns is tried
  // again, as a citizen would, and that journey's camera row includes the retry.
  if ((await passIdentify(page)) > 0) retriedJourneys += 1;
  const portrait = await waitMark(page, '[data-field="portrait"]', 0, CAMERA_TIMEOUT_MS);
  addSample(rows, CAMERA_ROW, false, portrait.paint! - identify.paint!);
  cameraDetail(await probe(page), identify, portrait, rows);

  await j.afterInput('Accept photo → signature', () => click(page, '[data-action="accept"]'), 'step:signature');
  const payment = await j.afterInput(
    'Confirm signature → payment',
    async () => {
      await drawSignature(page);
      await click(page, '[data-action="confirm"]');
    },
    'step:payment',
  );
  let receipt: ProbeMark;
  if (kind.paid) {
    await j.afterMark('payment shown → QR shown (payment created)', payment, '[data-qr="payment"]');
    const paymentId = await shownPaymentId(page, api);
    const from = (await marksSoFar(page)).marks;
    await payPending(api, paymentId);
    const paidAt = nodeNow();
    // The software's wait runs from the gateway's "paid" to the receipt, less the pause in which
    // "Paid" stays on screen to be read: that pause is deliberate, and counted apart.
    const shownPaid = await waitMark(page, '[data-message="paid"]', from);
    receipt = await waitMark(page, 'step:receipt', from);
    addSample(rows, 'paid in the sandbox → receipt, less the "paid" pause (long poll, then the receipt step)', true, receipt.paint! - paidAt - PAID_PAUSE_MS);
    addSample(rows, '· paid in the sandbox → "paid" shown (long poll)', false, shownPaid.paint! - paidAt);
    addSample(rows, `· "paid" shown → receipt: the deliberate ${PAID_PAUSE_MS / 1000} s pause to read it, and the step's change`, false, receipt.paint! - shownPaid.paint!);
  } else {
    await j.afterMark('payment shown → "no fee to pay" shown', payment, '[data-message="exempt"]');
    receipt = await j.afterInput('Next (no fee) → receipt', () => click(page, '[data-action="next"]'), 'step:receipt');
  }
  await j.afterMark('receipt shown → paper printed (application saved)', receipt, '[data-device="printer"]');
  await j.afterInput('receipt Next → done', () => click(page, '[data-action="next"]'), 'step:done');
  await j.afterInput('Finish → first screen', () => click(page, '[data-action="finish"]'), 'step:language');
}

/** The camera steps' parts, from the guidance line and the face worker's answers. */
function cameraDetail(state: ProbeState, identify: ProbeMark, portrait: ProbeMark, rows: Row[]): void {
  const photo = state.marks.find((m) => m.name === 'step:photo' && m.dom >= identify.dom);
  const photoAt = photo?.dom ?? portrait.dom;
  const during = state.guidance.filter((g) => g.at >= identify.dom && g.at <= portrait.dom);
  const inIdentify = during.filter((g) => g.at < photoAt);
  const inPhoto = during.filter((g) => g.at >= photoAt);
  const sub = (label: string, at: number | null | undefined) => {
    if (at !== undefined && at !== null) addSample(rows, `· identify shown → ${label}`, false, at - identify.paint!);
  };
  sub('camera running', inIdentify.find((g) => g.text !== LOADING_TEXT)?.at);
  sub('first frame analysed', state.frames.find((f) => f.at >= identify.dom)?.at);
  sub('first move asked (face held still)', inIdentify.find((g) => MOVES.has(g.state))?.at);
  sub('liveness passed, matching', inIdentify.find((g) => g.text === CHECKING_TEXT)?.at);
  sub('photo step shown', photo?.paint);
  // The run of good frames that was shot: it starts at the last change to 'ok' before the portrait.
  sub(`every photo check passes (then held ${STEADY_MS} ms)`, inPhoto.findLast((g) => g.state === 'ok')?.at);
  const perFrame = (label: string, from: number, to: number) => {
    const frames = state.frames.filter((f) => f.at >= from && f.at <= to);
    if (frames.length > 0) addSample(rows, `· face analysis per frame, ${label} (worker, median of the journey)`, false, median(frames.map((f) => f.ms)));
  };
  perFrame('identify', identify.dom, photoAt);
  perFrame('photo, with expressions', photoAt, portrait.dom);
  if (state.model) {
    addSample(rows, '· models: the worker\'s own load time (loadMs)', false, state.model.loadMs);
    addSample(rows, '· models ready, from page navigation', false, state.model.at - state.timeOrigin);
  }
}

async function openPage(browser: Browser, baseURL: string): Promise<Page> {
  // The probe's waits are strings the page evaluates, which the kiosk's CSP (no 'unsafe-eval') refuses.
  const context = await browser.newContext({ baseURL, viewport: { width: 1080, height: 1920 }, bypassCSP: true });
  await context.addInitScript({ content: PROBE_SCRIPT });
  const page = await context.newPage();
  await page.goto('/?profile=test');
  await page.locator('[data-step="language"]').waitFor();
  // As on a kiosk in service: the models are loaded and the app is installed before a citizen comes.
  await page.waitForFunction('window.__probe.model !== null', undefined, { timeout: MODELS_TIMEOUT_MS });
  await page.evaluate(
    "'serviceWorker' in navigator ? Promise.race([navigator.serviceWorker.ready, new Promise((r) => setTimeout(r, 15000))]).then(() => true) : false",
  );
  return page;
}

async function main(): Promise<void> {
  if (!existsSync(join(REPO_ROOT, 'dist', 'index.html'))) throw new Error('bench: dist/ is missing: run `npm run build` first');
  ensureCameraVideos(KINDS.map((k) => k.video));
  const machine = describeMachine();
  const loadBefore = loadAverage();
  const logFile = join(REPO_ROOT, '.cache', 'bench-backoffice.log');

  // Seeded once, copied for each journey: a finished application keeps its IIN from applying again.
  const template = makeDataDir('bench-seed');
  const dirs = [template];
  const results: KindResult[] = [];
  try {
    console.log('bench: seeding the sandbox once…');
    await (await startBackOffice(template, logFile)).stop();
    for (const kind of KINDS) {
      const rows: Row[] = [];
      const browser = await chromium.launch(cameraLaunchOptions(kind.video));
      try {
        for (let run = 1; run <= RUNS; run++) {
          const dataDir = makeDataDir('bench-data');
          dirs.push(dataDir);
          cpSync(template, dataDir, { recursive: true });
          const backOffice = await startBackOffice(dataDir, logFile);
          const api = await request.newContext({ baseURL: backOffice.baseURL });
          try {
            const page = await openPage(browser, backOffice.baseURL);
            await walk(page, api, kind, rows);
            await page.context().close();
            console.log(`bench: ${kind.tag} run ${run}/${RUNS} done`);
          } finally {
            await api.dispose();
            await backOffice.stop();
            rmSync(dataDir, { recursive: true, force: true });
          }
        }
      } finally {
        await browser.close();
      }
      results.push({ name: kind.name, tag: kind.tag, video: kind.video, rows, softwareWaitMs: countedMedianSum(rows) });
    }
  } finally {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }

  const cameraSamples = results.flatMap((r) => r.rows.find((row) => row.label === CAMERA_ROW)?.samples ?? []);
  const cameraMs = median(cameraSamples);
  const paid = results.find((r) => r.tag === 'service-09')!;
  const summary = `software_wait_ms=${Math.round(paid.softwareWaitMs)} camera_steps_ms=${Math.round(cameraMs)}`;

  writeSection(
    join(REPO_ROOT, 'docs', 'benchmarks.md'),
    'journey',
    benchmarkReport({ machine, loadBefore, loadAfter: loadAverage(), runs: RUNS, results, cameraMs, retried: retriedJourneys, summary }),
  );
  for (const result of results) {
    console.log(`\n${result.name} (${RUNS} journeys)\n${table(result.rows)}`);
    console.log(`sum of the medians of the counted rows: ${Math.round(result.softwareWaitMs)} ms`);
  }
  console.log('\nwrote docs/benchmarks.md');
  console.log(summary);
}

await main();
