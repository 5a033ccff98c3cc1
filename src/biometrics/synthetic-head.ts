import { seededRandom } from '../domain/seeded-random';
import type { DetectedFace, FaceAnalysis, Point } from './face-analysis';

/*
 * Synthetic landmark tracks for the liveness tests: a 3-D head of the 68 iBUG points (centimetres,
 * roughly an adult's proportions: eyes 6.4 cm apart, nose tip 3.3 cm in front of the eyes, outline
 * 7 cm behind them at the ears), rotated, given expressions, and projected through a pinhole camera
 * 50 cm away. The same points can be printed on a flat or bent photo instead, or moved by the
 * cylinder warp the e2e camera clips are made with. Test geometry only; not a model of anyone.
 */

type Vec3 = [number, number, number];

export interface HeadPose {
  /** Degrees; > 0 the person turns to their own left (nose to the image's right). */
  yaw?: number;
  /** Degrees; > 0 the head tips back (chin up). */
  pitch?: number;
  /** Degrees, clockwise in the image. */
  roll?: number;
  /** 1 open (eye aspect ratio ≈ 0.3), 0 shut. */
  eyeOpen?: number;
  /** 0 at rest, 1 a broad smile (corners out and up, mouth ≈ 25% wider). */
  smile?: number;
  /** Sideways shift of the whole head, centimetres (sway). */
  shift?: number;
}

export interface Surface {
  /**
   * 'head': the 3-D head. 'photo': the frontal face printed on a flat card, which then turns as a
   * whole. 'bent_photo': the same card curved round a vertical axis (radius `bendRadius` cm).
   * 'cylinder_warp': a frontal photo whose columns are moved as on a cylinder through the jaw
   * (scripts/faces/frames.ts turnHead, the e2e clips): flat features, curved motion.
   */
  kind: 'head' | 'photo' | 'bent_photo' | 'cylinder_warp';
  bendRadius?: number;
  /**
   * Camera distance in cm (default 50), the focal length scaled with it so the face keeps its size
   * in the frame: a short distance is a wide-angle view with strong perspective.
   */
  distance?: number;
}

const CAMERA_DISTANCE = 50;
/** Focal length in pixels: eyes 6.4 cm apart at 50 cm come out about 80 px apart, as in the e2e clips. */
const FOCAL = 625;
const EYE_HALF_GAP = 0.45;

function jaw(): Vec3[] {
  return Array.from({ length: 17 }, (_, i): Vec3 => {
    const a = (Math.PI * i) / 16;
    return [-6.8 * Math.cos(a), 1 + 10.5 * Math.sin(a), -7 + 6.5 * Math.sin(a)];
  });
}

function eye(centreX: number, outerFirst: boolean, open: number): Vec3[] {
  const gap = EYE_HALF_GAP * open;
  const side = Math.sign(centreX);
  const outer = centreX + side * 1.5;
  const inner = centreX - side * 1.5;
  const upperA = centreX + side * 0.5;
  const upperB = centreX - side * 0.5;
  // iBUG order: a corner, two upper-lid points, the other corner, two lower-lid points (going back).
  const [c1, c2, u1, u2] = outerFirst ? [outer, inner, upperA, upperB] : [inner, outer, upperB, upperA];
  return [
    [c1, 0, outerFirst ? -1 : -0.5],
    [u1, -gap, 0],
    [u2, -gap, 0],
    [c2, 0, outerFirst ? -0.5 : -1],
    [u2, gap, 0],
    [u1, gap, 0],
  ];
}

function mouth(smile: number): Vec3[] {
  const half = 2.5 + 0.6 * smile;
  const cornerY = 7 - 0.5 * smile;
  const outer: Vec3[] = [
    [-half, cornerY, 0.5],
    [-1.5, 6.6, 1.2],
    [-0.6, 6.4, 1.5],
    [0, 6.5, 1.6],
    [0.6, 6.4, 1.5],
    [1.5, 6.6, 1.2],
    [half, cornerY, 0.5],
    [1.5, 7.6, 1.1],
    [0.6, 7.9, 1.3],
    [0, 8, 1.4],
    [-0.6, 7.9, 1.3],
    [-1.5, 7.6, 1.1],
  ];
  const innerHalf = half - 0.4;
  const inner: Vec3[] = [
    [-innerHalf, cornerY, 0.6],
    [-0.7, 6.95, 1.2],
    [0, 7, 1.3],
    [0.7, 6.95, 1.2],
    [innerHalf, cornerY, 0.6],
    [0.7, 7.05, 1.2],
    [0, 7.1, 1.3],
    [-0.7, 7.05, 1.2],
  ];
  return [...outer, ...inner];
}

function template(eyeOpen: number, smile: number): Vec3[] {
  const brow = (x: number, z: number): Vec3 => [x, -1.5, z];
  return [
    ...jaw(),
    ...[-5, -4, -3, -2, -1].map((x, i) => brow(x, -1.5 + i * 0.5)),
    ...[1, 2, 3, 4, 5].map((x, i) => brow(x, 0.5 - i * 0.5)),
    [0, -0.5, 1],
    [0, 1, 1.8],
    [0, 2.5, 2.6],
    [0, 3.8, 3.3],
    ...[-1.5, -0.75, 0, 0.75, 1.5].map((x): Vec3 => [x, 4.5, x === 0 ? 2.2 : 1.5]),
    ...eye(-3.2, true, eyeOpen),
    ...eye(3.2, false, eyeOpen),
    ...mouth(smile),
  ];
}

function rotate([x, y, z]: Vec3, yaw: number, pitch: number, roll: number): Vec3 {
  // Yaw about the vertical axis (nose towards +x for yaw > 0), then pitch (nose up for pitch > 0), then roll.
  const x1 = x * Math.cos(yaw) + z * Math.sin(yaw);
  const z1 = -x * Math.sin(yaw) + z * Math.cos(yaw);
  const y2 = y * Math.cos(pitch) - z1 * Math.sin(pitch);
  const z2 = y * Math.sin(pitch) + z1 * Math.cos(pitch);
  const x3 = x1 * Math.cos(roll) - y2 * Math.sin(roll);
  const y3 = x1 * Math.sin(roll) + y2 * Math.cos(roll);
  return [x3, y3, z2];
}

const RAD = Math.PI / 180;
/** Where the head's centre (between the eyes, 4 cm down) lands: the middle of a 640×480 frame. */
const CX = 320;
const CY = 200;
const HEAD_CENTRE_Y = 4;

function project([x, y, z]: Vec3, distance = CAMERA_DISTANCE): Point {
  const focal = (FOCAL * distance) / CAMERA_DISTANCE;
  const depth = distance - z;
  return [CX + (focal * x) / depth, CY + (focal * (y - HEAD_CENTRE_Y)) / depth];
}

/** The 68 landmarks in frame pixels of a head (or photo) in the given pose, without noise. */
export function headLandmarks(pose: HeadPose = {}, surface: Surface = { kind: 'head' }): Point[] {
  const { yaw = 0, pitch = 0, roll = 0, eyeOpen = 1, smile = 0, shift = 0 } = pose;
  const points = template(eyeOpen, smile).map(([x, y, z]): Vec3 => [x, y - HEAD_CENTRE_Y, z]);
  if (surface.kind === 'cylinder_warp') return cylinderWarp(points, yaw, shift);
  const shaped = points.map(([x, y, z]): Vec3 => {
    if (surface.kind === 'head') return [x, y, z];
    const r = surface.bendRadius ?? 20;
    // A card bent round a vertical axis through the face's middle: the sides curve away from the camera.
    return surface.kind === 'bent_photo' ? [r * Math.sin(x / r), y, r * Math.cos(x / r) - r] : [x, y, 0];
  });
  return shaped.map((p) => {
    const [x, y, z] = rotate(p, yaw * RAD, pitch * RAD, roll * RAD);
    return project([x + shift, y + HEAD_CENTRE_Y, z], surface.distance);
  });
}

/** As turnHead does to pixels: each point of the frontal view slides along a cylinder through the jaw (radius 1.15 × half the jaw's width). */
function cylinderWarp(points: Vec3[], yaw: number, shift: number): Point[] {
  const frontal = points.map(([x, y]) => project([x + shift, y + HEAD_CENTRE_Y, 0]));
  const jawL = frontal[0]!;
  const jawR = frontal[16]!;
  const cx = (jawL[0] + jawR[0]) / 2;
  const radius = ((jawR[0] - jawL[0]) / 2) * 1.15;
  return frontal.map(([x, y]): Point => {
    const u = Math.max(-1, Math.min(1, (x - cx) / radius));
    return [cx + radius * Math.sin(Math.asin(u) + yaw * RAD), y];
  });
}

/** Gaussian noise by Box–Muller. */
export function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

export function withNoise(points: readonly Point[], sigma: number, random: () => number): Point[] {
  return points.map(([x, y]): Point => [x + sigma * gaussian(random), y + sigma * gaussian(random)]);
}

export function faceFrom(landmarks: Point[]): DetectedFace {
  const xs = landmarks.map((p) => p[0]);
  const ys = landmarks.map((p) => p[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { box: { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y }, score: 0.9, landmarks };
}

export function frameOf(faces: DetectedFace[], descriptor: number[] | null = null): FaceAnalysis {
  return { width: 640, height: 480, faces, descriptor, ms: 50 };
}

/** A unit 128-d descriptor for a made-up person; the same seed is the same person. */
export function personDescriptor(seed: number): number[] {
  const random = seededRandom(seed);
  const v = Array.from({ length: 128 }, () => gaussian(random));
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

/** The person's descriptor as one frame gives it: a small random offset (same-session distances are ~0.05–0.15). */
export function descriptorNear(base: readonly number[], spread: number, random: () => number): number[] {
  const step = spread / Math.sqrt(base.length);
  return base.map((x) => x + step * gaussian(random));
}
