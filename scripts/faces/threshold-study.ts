/**
 * Chooses FACE_MATCH_THRESHOLD from data. Genuine distances come two ways: a registry portrait
 * against itself after one small change (photo-augments.ts), and frames of the face's fake-camera
 * clips, described as the kiosk does, against its registry descriptor ("through the camera",
 * frontal and turned apart: the kiosk takes its descriptor on a frontal frame). Impostor distances:
 * every pair of different registry faces, and every camera frame against every other registry face.
 * Prints the distributions and FMR/FNMR per threshold as Markdown tables for docs/biometrics.md.
 * Usage: node --import tsx scripts/faces/threshold-study.ts [CLIP_DIR]   (about two and a half minutes)
 *   CLIP_DIR defaults to .cache/camera; faces without clips there are left out of the camera sets
 *   (make them with scripts/faces/make-camera-videos.ts, e.g. f09-live).
 */
import { describeFace, detectFace, loadRegistryFaces, type RegistryFace } from '../../server/face/registry-faces';
import { decodeJpeg, encodeJpeg } from '../../server/face/rgb-image';
import { FACE_MATCH_THRESHOLD, faceDistance } from '../../src/biometrics/face-match';
import { GUIDANCE_LIMITS } from '../../src/biometrics/guidance';
import { estimateYaw } from '../../src/biometrics/head-pose';
import { cameraSamples, type CameraSample } from './camera-samples';
import { AUGMENTS } from './photo-augments';
import { falseMatchRate, falseNonMatchRate, percent, STUDY_THRESHOLDS, summaryRow } from './threshold-stats';

/** A camera frame counts as frontal where the kiosk's guidance lets a face through (|yaw| ≤ 12°). */
const FRONTAL_MAX_YAW = GUIDANCE_LIMITS.maxYaw;
/** |yaw| bands of the turned frames (the clips' 36° turn reads as at most about 30°). */
const TURNED_BANDS: Array<[number, number]> = [[FRONTAL_MAX_YAW, 20], [20, 90]];
/** Bands of the pose gap |frame yaw − reference yaw|: what a descriptor drifts with. */
const GAP_BANDS: Array<[number, number]> = [[0, 10], [10, 20], [20, 30], [30, 90]];
/** Impostor face pairs nearer than this are listed by pair. */
const NEAR_IMPOSTOR = 0.5;

interface Pair {
  d: number;
  what: string;
  /** For an impostor pair: the two faces, the kiosk's first. */
  faces?: [string, string];
}

async function photoGenuine(faces: RegistryFace[]): Promise<{ byAugment: Map<string, Pair[]>; lost: number }> {
  const byAugment = new Map<string, Pair[]>();
  let lost = 0;
  for (const face of faces) {
    const image = decodeJpeg(face.jpeg);
    for (const [name, augment] of Object.entries(AUGMENTS)) {
      const descriptor = await describeFace(encodeJpeg(augment(image), 92));
      if (!descriptor) lost++;
      else byAugment.set(name, [...(byAugment.get(name) ?? []), { d: faceDistance(descriptor, face.descriptor), what: `${face.faceId} ${name}` }]);
    }
  }
  return { byAugment, lost };
}

function photoImpostor(faces: RegistryFace[]): Pair[] {
  return faces.flatMap((a, i) => faces.slice(i + 1).map((b) => ({ d: faceDistance(a.descriptor, b.descriptor), what: `${a.faceId}–${b.faceId}`, faces: [a.faceId, b.faceId] as [string, string] })));
}

const isFrontal = (s: CameraSample) => Math.abs(s.yaw) <= FRONTAL_MAX_YAW;
const label = (s: CameraSample) => `${s.clip}#${s.frame} (yaw ${s.yaw.toFixed(0)}°)`;

function cameraGenuine(samples: CameraSample[], faces: RegistryFace[]): Pair[] {
  return samples.map((s) => ({ d: faceDistance(s.descriptor, referenceOf(faces, s.faceId)), what: label(s) }));
}

function cameraImpostor(samples: CameraSample[], faces: RegistryFace[]): Pair[] {
  return samples.flatMap((s) => faces.filter((f) => f.faceId !== s.faceId).map((f) => ({ d: faceDistance(s.descriptor, f.descriptor), what: `${label(s)} vs ${f.faceId}`, faces: [s.faceId, f.faceId] as [string, string] })));
}

function referenceOf(faces: RegistryFace[], faceId: string): number[] {
  const face = faces.find((f) => f.faceId === faceId);
  if (!face) throw new Error(`no registry face ${faceId}`);
  return face.descriptor;
}

const ds = (pairs: Pair[]) => pairs.map((p) => p.d);
const extreme = (pairs: Pair[], sign: 1 | -1) => pairs.reduce((best, p) => (sign * p.d > sign * best.d ? p : best));
const inBand = ([lo, hi]: [number, number], value: number) => value > lo && value <= hi;
const bandName = ([lo, hi]: [number, number]) => (hi >= 90 ? `> ${lo}°` : `${lo}–${hi}°`);

/** Impostor pairs below NEAR_IMPOSTOR grouped by face pair: how many frames, and the nearest. */
function nearImpostorPairs(pairs: Pair[]): string[] {
  const byFaces = new Map<string, number[]>();
  for (const { d, faces } of pairs.filter((p) => p.d < NEAR_IMPOSTOR)) {
    const key = [...(faces ?? [])].sort().join('–');
    byFaces.set(key, [...(byFaces.get(key) ?? []), d]);
  }
  return [...byFaces].map(([key, d]) => `${key}: ${d.length} below ${NEAR_IMPOSTOR}, nearest ${Math.min(...d).toFixed(3)}`);
}

async function referenceYaws(faces: RegistryFace[]): Promise<Map<string, number>> {
  const yaws = new Map<string, number>();
  for (const face of faces) {
    const found = await detectFace(face.jpeg);
    if (found) yaws.set(face.faceId, estimateYaw(found.landmarks));
  }
  return yaws;
}

function printPerFace(samples: CameraSample[], faces: RegistryFace[], yaws: Map<string, number>): void {
  console.log('\nper face: reference yaw; camera-genuine frontal median/max; turned max (at yaw); nearest other registry face from a frontal frame');
  for (const faceId of [...new Set(samples.map((s) => s.faceId))]) {
    const own = samples.filter((s) => s.faceId === faceId);
    const frontal = cameraGenuine(own.filter(isFrontal), faces);
    const turned = cameraGenuine(own.filter((s) => !isFrontal(s)), faces);
    const nearest = cameraImpostor(own.filter(isFrontal), faces);
    const sorted = ds(frontal).sort((a, b) => a - b);
    const cells = [
      `ref yaw ${(yaws.get(faceId) ?? NaN).toFixed(0).padStart(3)}°`,
      sorted.length ? `frontal n=${sorted.length} median ${sorted[Math.floor((sorted.length - 1) / 2)]!.toFixed(3)} max ${sorted.at(-1)!.toFixed(3)}` : 'frontal n=0',
      turned.length ? `turned max ${extreme(turned, 1).d.toFixed(3)} ${extreme(turned, 1).what}` : 'turned n=0',
      nearest.length ? `nearest impostor ${extreme(nearest, -1).d.toFixed(3)} ${extreme(nearest, -1).what.split(' vs ')[1]}` : '',
    ];
    console.log(`  ${faceId}  ${cells.join('; ')}`);
  }
}

async function main(): Promise<void> {
  const clipDir = process.argv[2] ?? '.cache/camera';
  const faces = await loadRegistryFaces();
  const photo = await photoGenuine(faces);
  const photoAll = [...photo.byAugment.values()].flat();
  const photoNoMirror = [...photo.byAugment].flatMap(([name, pairs]) => (name === 'mirror' ? [] : pairs));
  const impostor = photoImpostor(faces);
  const camera = await cameraSamples(faces.map((f) => f.faceId), clipDir);
  const frontal = camera.samples.filter(isFrontal);
  const turned = camera.samples.filter((s) => !isFrontal(s));
  const genuineFrontal = cameraGenuine(frontal, faces);
  const genuineTurned = cameraGenuine(turned, faces);
  const impostorFrontal = cameraImpostor(frontal, faces);
  const impostorAll = cameraImpostor(camera.samples, faces);
  const yaws = await referenceYaws(faces);

  console.log(`registry faces: ${faces.length}; changed photos where SSD found no face: ${photo.lost}`);
  console.log(`camera: ${camera.clips.length} clips of ${new Set(camera.samples.map((s) => s.faceId)).size} faces (${camera.clips.join(' ')})`);
  console.log(`camera frames described: ${camera.samples.length} (${frontal.length} frontal |yaw| ≤ ${FRONTAL_MAX_YAW}°, ${turned.length} turned); no single face: ${camera.lost.length} ${camera.lost.join(' ')}`);

  const gap = (sample: CameraSample) => Math.abs(sample.yaw - (yaws.get(sample.faceId) ?? NaN));
  const frontalRef = frontal.filter((sample) => Math.abs(yaws.get(sample.faceId) ?? NaN) <= FRONTAL_MAX_YAW);
  console.log('\n| set | n | min | median | p95 | max |\n| --- | --- | --- | --- | --- | --- |');
  console.log(summaryRow('photo-genuine (all changes)', ds(photoAll)));
  console.log(summaryRow('photo-genuine without mirror', ds(photoNoMirror)));
  console.log(summaryRow(`camera-genuine frontal (\\|yaw\\| ≤ ${FRONTAL_MAX_YAW}°)`, ds(genuineFrontal)));
  console.log(summaryRow(`  of which reference frontal too`, ds(cameraGenuine(frontalRef, faces))));
  console.log(summaryRow(`camera-genuine turned (\\|yaw\\| > ${FRONTAL_MAX_YAW}°)`, ds(genuineTurned)));
  for (const band of TURNED_BANDS) console.log(summaryRow(`  turned ${bandName(band)}`, ds(cameraGenuine(turned.filter((x) => inBand(band, Math.abs(x.yaw))), faces))));
  for (const band of GAP_BANDS) console.log(summaryRow(`camera-genuine, pose gap to reference ${bandName(band)}`, ds(cameraGenuine(camera.samples.filter((x) => inBand(band, gap(x))), faces))));
  console.log(summaryRow('impostor (photo)', ds(impostor)));
  console.log(summaryRow('impostor (camera, frontal)', ds(impostorFrontal)));
  console.log(summaryRow('impostor (camera, all poses)', ds(impostorAll)));

  console.log('\n| threshold | FMR photo | FMR camera frontal | FMR camera all | FNMR photo | FNMR camera frontal | FNMR camera turned |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const t of STUDY_THRESHOLDS) {
    const mark = Math.abs(t - FACE_MATCH_THRESHOLD) < 1e-9 ? ' ← current' : '';
    const cells = [
      falseMatchRate(ds(impostor), t), falseMatchRate(ds(impostorFrontal), t), falseMatchRate(ds(impostorAll), t),
      falseNonMatchRate(ds(photoAll), t), falseNonMatchRate(ds(genuineFrontal), t), falseNonMatchRate(ds(genuineTurned), t),
    ].map(percent);
    console.log(`| ${t.toFixed(2)}${mark} | ${cells.join(' | ')} |`);
  }

  const worst = (name: string, pairs: Pair[], sign: 1 | -1) => pairs.length && console.log(`${name}: ${extreme(pairs, sign).d.toFixed(4)} ${extreme(pairs, sign).what}`);
  console.log('');
  worst('farthest photo-genuine', photoAll, 1);
  worst('farthest camera-genuine frontal', genuineFrontal, 1);
  worst('farthest camera-genuine turned', genuineTurned, 1);
  worst('closest impostor (photo)', impostor, -1);
  worst('closest impostor (camera, frontal)', impostorFrontal, -1);
  worst('closest impostor (camera, all)', impostorAll, -1);
  const nearestFaces = new Set(extreme(impostor, -1).faces);
  const otherPairs = (pairs: Pair[]) => pairs.filter((p) => !p.faces?.every((f) => nearestFaces.has(f)));
  worst(`closest impostor (camera, frontal) other than ${[...nearestFaces].join('–')}`, otherPairs(impostorFrontal), -1);
  worst(`closest impostor (camera, all) other than ${[...nearestFaces].join('–')}`, otherPairs(impostorAll), -1);
  console.log(`impostor face pairs below ${NEAR_IMPOSTOR}, photo: ${nearImpostorPairs(impostor).join('; ')}`);
  console.log(`impostor face pairs below ${NEAR_IMPOSTOR}, camera (all poses): ${nearImpostorPairs(impostorAll).join('; ')}`);
  printPerFace(camera.samples, faces, yaws);
}

await main();
