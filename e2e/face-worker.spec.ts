// The face worker on Chromium's fake camera, with the real models, through the identify step's
// liveness sequence: the live clips pass it; a still face, two faces and none do not; and the descriptor taken through the camera matches
// the registry portrait the clip was made from. Prints the yaw traces and timings (figures in
// docs/biometrics.md). The harness page is built and served apart from the kiosk, under its
// security headers (e2e/support/face-harness.ts); `npm run build` first, for the models.
import { chromium } from '@playwright/test';
import { loadRegistryFaces } from '../server/face/registry-faces';
import { FACE_MATCH_THRESHOLD, faceDistance } from '../src/biometrics/face-match';
import type { HarnessOptions, HarnessResult } from './harness/face-harness';
import { cameraLaunchOptions, type CameraVideo } from './support/camera';
import { watchCsp } from './support/csp';
import { expect, test } from './support/test';
import { FACE_HARNESS_PAGE, serveFaceHarness, type FaceHarnessServer } from './support/face-harness';

let harness: FaceHarnessServer;
test.beforeAll(async () => {
  harness = await serveFaceHarness();
});
test.afterAll(async () => {
  await harness?.close();
});

/**
 * The fake camera's file is a browser launch flag, and Playwright refuses per-describe
 * launchOptions in one file, so each run launches its own Chromium.
 */
async function runHarness(video: CameraVideo, options: HarnessOptions): Promise<HarnessResult> {
  const browser = await chromium.launch(cameraLaunchOptions(video));
  try {
    const context = await browser.newContext({ baseURL: harness.baseURL });
    await watchCsp(context);
    const page = await context.newPage();
    await page.goto(FACE_HARNESS_PAGE);
    await page.waitForFunction(() => 'faceHarness' in window);
    const result = await page.evaluate((o) => window.faceHarness.run(o), options);
    report(video, options, result);
    return result;
  } finally {
    await browser.close();
  }
}

function report(video: CameraVideo, options: HarnessOptions, r: HarnessResult): void {
  const trace = r.frames.map((f) => (f.yaw === null ? `·${f.faces}` : String(Math.round(f.yaw)))).join(' ');
  const ms = r.frames.map((f) => f.ms).sort((a, b) => a - b);
  const steps = r.liveness.challenges.map((c) => `${c.kind} ${c.outcome} (peak ${c.peak.toFixed(1)})`).join(', ');
  console.log(
    `[face] ${video} [${options.challenges.join(', ')}]: ${r.liveness.status}${r.liveness.reason ? `/${r.liveness.reason}` : ''}` +
      ` after ${r.decidedAfterMs ?? '-'} ms — ${steps}; backend ${r.backend}, load ${r.loadMs} ms, ${r.fps} fps,` +
      ` worker ms median ${ms[Math.floor(ms.length / 2)]} (min ${ms[0]}, max ${ms.at(-1)}),` +
      ` tensors ${r.tensorsAfterFirstFrame}→${r.tensorsAtEnd}\n[face] yaw: ${trace}`,
  );
}

/** The test device profile's sequence, which the -live clips perform. */
const TURNS: HarnessOptions['challenges'] = ['turn_left', 'turn_right'];

test.describe('f06-live', () => {
  test('passes the liveness sequence it performs, leaks no tensors, and matches its registry portrait', async () => {
    const result = await runHarness('f06-live', { challenges: TURNS, durationMs: 30_000, stopOnDecision: true });
    expect(result.backend).toBe('wasm');
    expect(result.liveness.status).toBe('passed');
    expect(result.liveness.challenges.map((c) => c.outcome)).toEqual(['passed', 'passed']);
    expect(result.tensorsAtEnd).toBe(result.tensorsAfterFirstFrame);

    const registry = await loadRegistryFaces();
    const f06 = registry.find((f) => f.faceId === 'f06')!;
    expect(result.descriptor).not.toBeNull();
    const genuine = faceDistance(result.descriptor!, f06.descriptor);
    const nearestOther = Math.min(...registry.filter((f) => f !== f06).map((f) => faceDistance(result.descriptor!, f.descriptor)));
    console.log(`[face] f06 through the camera: distance to its portrait ${genuine.toFixed(3)}, to the nearest other face ${nearestOther.toFixed(3)}`);
    expect(genuine).toBeLessThan(FACE_MATCH_THRESHOLD);
    expect(nearestOther).toBeGreaterThan(FACE_MATCH_THRESHOLD);
  });
});

test.describe('f01-live', () => {
  test('another face passes the same sequence', async () => {
    const result = await runHarness('f01-live', { challenges: TURNS, durationMs: 30_000, stopOnDecision: true });
    expect(result.liveness.status).toBe('passed');
  });
});

test.describe('f01-still', () => {
  test('a face that never moves, not even by a pixel (a still picture), fails with no_micro_motion', async () => {
    const result = await runHarness('f01-still', { challenges: TURNS, durationMs: 6_000, stopOnDecision: true });
    expect(result.liveness).toMatchObject({ status: 'failed', reason: 'no_micro_motion' });
    expect(result.liveness.challenges[0]?.outcome).not.toBe('passed');
    expect(result.frames.filter((f) => f.guidance === 'ok').length).toBeGreaterThan(result.frames.length / 2);
  });
});

test.describe('two-faces', () => {
  test('sees two faces and fails with several_faces', async () => {
    const result = await runHarness('two-faces', { challenges: TURNS, durationMs: 8_000, stopOnDecision: true });
    expect(result.liveness).toMatchObject({ status: 'failed', reason: 'several_faces' });
    expect(result.frames.at(-1)?.guidance).toBe('several_faces');
  });
});

test.describe('no-face', () => {
  test('sees no face and never passes', async () => {
    const result = await runHarness('no-face', { challenges: TURNS, durationMs: 2_500, stopOnDecision: true });
    expect(result.frames.every((f) => f.guidance === 'no_face')).toBe(true);
    expect(result.liveness.status).not.toBe('passed');
  });
});
