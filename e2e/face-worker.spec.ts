// The face worker on Chromium's fake camera, with the real models: the turn clip passes the turn
// challenge it shows, the still clip does not, and the descriptor taken through the camera
// matches the registry portrait the clip was made from. Prints the yaw traces and timings
// (figures in docs/biometrics.md). Needs the harness page built at /e2e/harness/face.html.
import { chromium, expect, test } from '@playwright/test';
import { loadRegistryFaces } from '../server/face/registry-faces';
import { FACE_MATCH_THRESHOLD, faceDistance } from '../src/biometrics/face-match';
import type { HarnessOptions, HarnessResult } from './harness/face-harness';
import { cameraLaunchOptions, type CameraVideo } from './support/camera';

const HARNESS = process.env.FACE_HARNESS_URL ?? '/e2e/harness/face.html';

/**
 * The fake camera's file is a browser launch flag, and Playwright refuses per-describe
 * launchOptions in one file, so each run launches its own Chromium.
 */
async function runHarness(video: CameraVideo, baseURL: string | undefined, options: HarnessOptions): Promise<HarnessResult> {
  const browser = await chromium.launch(cameraLaunchOptions(video));
  try {
    const page = await browser.newPage({ baseURL });
    await page.goto(HARNESS);
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
  console.log(
    `[face] ${video} ${options.challenge}: ${r.challenge.status}${r.challenge.reason ? `/${r.challenge.reason}` : ''}` +
      ` after ${r.decidedAfterMs ?? '-'} ms; backend ${r.backend}, load ${r.loadMs} ms, ${r.fps} fps,` +
      ` worker ms median ${ms[Math.floor(ms.length / 2)]} (min ${ms[0]}, max ${ms.at(-1)}), baseline ${r.challenge.baseline?.toFixed(1)},` +
      ` peak ${r.challenge.peak.toFixed(1)}, tensors ${r.tensorsAfterFirstFrame}→${r.tensorsAtEnd}\n[face] yaw: ${trace}`,
  );
}

test.describe('f01-turn', () => {
  test('passes the turn it shows, leaks no tensors, and matches its registry portrait', async ({ baseURL }) => {
    const options: HarnessOptions = { challenge: 'turn_left', durationMs: 12_000, stopOnDecision: true };
    const result = await runHarness('f01-turn', baseURL, options);
    expect(result.backend).toBe('wasm');
    expect(result.challenge.status).toBe('passed');
    expect(result.tensorsAtEnd).toBe(result.tensorsAfterFirstFrame);

    const registry = await loadRegistryFaces();
    const f01 = registry.find((f) => f.faceId === 'f01')!;
    expect(result.descriptor).not.toBeNull();
    const genuine = faceDistance(result.descriptor!, f01.descriptor);
    const nearestOther = Math.min(...registry.filter((f) => f !== f01).map((f) => faceDistance(result.descriptor!, f.descriptor)));
    console.log(`[face] f01 through the camera: distance to its portrait ${genuine.toFixed(3)}, to the nearest other face ${nearestOther.toFixed(3)}`);
    expect(genuine).toBeLessThan(FACE_MATCH_THRESHOLD);
    expect(nearestOther).toBeGreaterThan(FACE_MATCH_THRESHOLD);
  });

  test('fails the opposite challenge: a turn the wrong way', async ({ baseURL }) => {
    const options: HarnessOptions = { challenge: 'turn_right', durationMs: 12_000, stopOnDecision: true };
    const result = await runHarness('f01-turn', baseURL, options);
    expect(result.challenge.status).toBe('failed');
    expect(result.challenge.reason).toBe('wrong_direction');
  });
});

test.describe('f02-turn', () => {
  test('passes the turn it shows', async ({ baseURL }) => {
    const options: HarnessOptions = { challenge: 'turn_left', durationMs: 12_000, stopOnDecision: true };
    const result = await runHarness('f02-turn', baseURL, options);
    expect(result.challenge.status).toBe('passed');
  });
});

test.describe('f01-still', () => {
  test('does not pass a face that never turns', async ({ baseURL }) => {
    // Three loops of the clip: long enough for any turn it might be mistaken for.
    const options: HarnessOptions = { challenge: 'turn_left', durationMs: 6_000, stopOnDecision: true };
    const result = await runHarness('f01-still', baseURL, options);
    expect(result.challenge.status).toBe('waiting_turn');
    expect(result.frames.filter((f) => f.guidance === 'ok').length).toBeGreaterThan(result.frames.length / 2);
  });
});

test.describe('two-faces', () => {
  test('sees two faces', async ({ baseURL }) => {
    const options: HarnessOptions = { challenge: 'turn_left', durationMs: 3_000, stopOnDecision: true };
    const result = await runHarness('two-faces', baseURL, options);
    expect(result.challenge.reason).toBe('several_faces');
    expect(result.frames.at(-1)?.guidance).toBe('several_faces');
  });
});

test.describe('no-face', () => {
  test('sees no face', async ({ baseURL }) => {
    const options: HarnessOptions = { challenge: 'turn_left', durationMs: 2_500, stopOnDecision: true };
    const result = await runHarness('no-face', baseURL, options);
    expect(result.frames.every((f) => f.guidance === 'no_face')).toBe(true);
    expect(result.challenge.status).not.toBe('passed');
  });
});
