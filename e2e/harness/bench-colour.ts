// The page's half of `npm run bench:liveness` (bench/liveness.ts), on the face harness page: the
// simulated sessions of scripts/faces/colour-scenes.ts through the kiosk's own face worker (the
// detector for the regions, sampleColour for every frame) and its own decision
// (src/biometrics/colour-challenge.ts), as the identify step runs them.
import { addColourSample, colourEvidence, colourOver, startColour } from '../../src/biometrics/colour-challenge';
import { pickColourSequence } from '../../src/biometrics/colour-palette';
import { colourRegions } from '../../src/biometrics/colour-regions';
import type { Box } from '../../src/biometrics/face-analysis';
import { seededRandom } from '../../src/domain/seeded-random';
import type { ColourEvidence } from '../../src/protocol/liveness';
import { createFaceAnalyser, type FaceAnalyser } from '../../src/workers/face-client';
import { makeScene, SCENE_HEIGHT, SCENE_WIDTH, type CameraFrame, type Portrait, type SceneKind } from '../../scripts/faces/colour-scenes';

export interface ColourSessionSpec {
  faceId: string;
  kind: SceneKind;
  seed: number;
  steps: number;
  stepMs: number;
  /**
   * Played against the wall clock as a camera would deliver it: each sample takes the frame due when
   * the worker is free, so slow sampling costs samples, as in the kiosk. Otherwise every frame is sampled.
   */
  realTime: boolean;
}

export interface ColourSessionResult {
  spec: ColourSessionSpec;
  params: Record<string, number>;
  /** Faces the detector found on the frame before the first colour; the check runs on exactly one. */
  faces: number;
  evidence: ColourEvidence | null;
  /** The worker's time per sample (ms), and the whole round trip from the page. */
  sampleMs: number[];
  roundTripMs: number[];
  /** Real time only: from the first colour to the decision. */
  decidedAfterMs: number | null;
}

let analyser: FaceAnalyser | null = null;
const portraits = new Map<string, Portrait>();

async function pixelsOf(jpeg: Blob): Promise<ImageData> {
  const bitmap = await createImageBitmap(jpeg);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d context');
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  return context.getImageData(0, 0, canvas.width, canvas.height);
}

/** Loads the worker and finds each portrait's face with it; returns the faces found. */
async function prepare(input: { faceId: string; jpegBase64: string }[]): Promise<string[]> {
  analyser ??= await createFaceAnalyser({ modelsUrl: '/models', wasmUrl: '/wasm/' });
  for (const { faceId, jpegBase64 } of input) {
    const bytes = Uint8Array.from(atob(jpegBase64), (c) => c.charCodeAt(0));
    const pixels = await pixelsOf(new Blob([bytes], { type: 'image/jpeg' }));
    const analysis = await analyser.analyse(pixels);
    const face = analysis.faces.length === 1 ? analysis.faces[0]!.box : null;
    if (face) portraits.set(faceId, { image: { width: pixels.width, height: pixels.height, data: new Uint8Array(pixels.data.buffer) }, face: face satisfies Box });
  }
  return [...portraits.keys()];
}

const imageData = (frame: CameraFrame) => new ImageData(frame.data as Uint8ClampedArray<ArrayBuffer>, frame.width, frame.height);

async function runOne(spec: ColourSessionSpec): Promise<ColourSessionResult> {
  if (!analyser) throw new Error('bench: prepare() first');
  const portrait = portraits.get(spec.faceId);
  if (!portrait) throw new Error(`bench: no portrait ${spec.faceId}`);
  const random = seededRandom(spec.seed);
  const sequence = pickColourSequence((n) => Math.floor(random() * n), spec.steps);
  const timeline = { sequence, stepMs: spec.stepMs };
  const scene = makeScene(spec.kind, portrait, timeline, spec.seed);
  const result: ColourSessionResult = { spec, params: scene.params, faces: 0, evidence: null, sampleMs: [], roundTripMs: [], decidedAfterMs: null };

  // The frame before the first colour is the one the kiosk found the face on (the pre-roll's last).
  const before = scene.frameTimes.filter((t) => t < 0);
  let last: CameraFrame | null = null;
  for (const t of before) last = scene.render(t);
  const analysis = await analyser.analyse(imageData(last!));
  result.faces = analysis.faces.length;
  const face = analysis.faces[0];
  if (analysis.faces.length !== 1 || !face) return result;
  const regions = colourRegions(face, SCENE_WIDTH, SCENE_HEIGHT);
  let run = startColour({ sequence, stepMs: spec.stepMs, nonce: null, source: 'kiosk' }, 0);

  const sample = async (t: number) => {
    const frame = scene.render(t);
    const sent = performance.now();
    const reading = await analyser!.sampleColour(imageData(frame), regions);
    result.roundTripMs.push(performance.now() - sent);
    result.sampleMs.push(reading.ms);
    if (reading.sample) run = addColourSample(run, reading.sample, t);
  };
  if (spec.realTime) {
    const started = performance.now();
    for (let now = 0; !colourOver(run, now); now = performance.now() - started) await sample(now);
    result.evidence = colourEvidence(run);
    result.decidedAfterMs = performance.now() - started;
  } else {
    for (const t of scene.frameTimes.filter((t) => t >= 0 && !colourOver(run, t))) await sample(t);
    result.evidence = colourEvidence(run);
  }
  return result;
}

async function run(specs: ColourSessionSpec[]): Promise<ColourSessionResult[]> {
  const results: ColourSessionResult[] = [];
  for (const spec of specs) results.push(await runOne(spec));
  return results;
}

export const colourBench = { prepare, run };
