import type { DetectedFace, FaceAnalysis, Point } from './face-analysis';
import { estimateYaw } from './head-pose';

/*
 * A crude 68-point face for unit tests: the iBUG layout on a unit head (half-width 1, eyes at
 * y = -0.35, chin at y = 1.1), each point with a depth so that a yaw moves the nose across the
 * face the way a real turn does. Not a model of anyone; just landmarks with the right geometry.
 */

interface Pose {
  cx?: number;
  cy?: number;
  /** Half the face's width in pixels. */
  size?: number;
  /** Degrees; > 0 is the person turning to their own left (nose to the image's right). */
  yaw?: number;
  /** Degrees, clockwise in the image. */
  roll?: number;
  /** Degrees; > 0 is the chin up (head tipped back), as `estimatePitch` reads it. */
  pitch?: number;
  /** How open the eyes are: 1 is wide open (eye aspect ratio ≈ 0.35), 0 shut. */
  eyeOpen?: number;
  /** Gap between the inner lips as a fraction of the mouth's width: about 0.02 closed, 0.3 talking. */
  mouthOpen?: number;
  /** 0 neutral, 1 a broad smile: the mouth widens by 30% and its corners rise. */
  smile?: number;
}

type Expression = Required<Pick<Pose, 'eyeOpen' | 'mouthOpen' | 'smile'>>;

function template({ eyeOpen, mouthOpen, smile }: Expression): Array<[number, number, number]> {
  const pts: Array<[number, number, number]> = [];
  const surface = (x: number, y: number, extra = 0): [number, number, number] => [x, y, Math.sqrt(Math.max(0, 1 - x * x)) * 0.9 + extra];
  for (let i = 0; i <= 16; i++) {
    const a = (Math.PI * i) / 16;
    pts.push(surface(-Math.cos(a), -0.1 + Math.sin(a) * 1.2));
  }
  for (let i = 0; i < 5; i++) pts.push(surface(-0.8 + i * 0.15, -0.55));
  for (let i = 0; i < 5; i++) pts.push(surface(0.2 + i * 0.15, -0.55));
  [-0.3, -0.15, 0.05, 0.25].forEach((y, i) => pts.push(surface(0, y, 0.15 + i * 0.12)));
  for (let i = 0; i < 5; i++) pts.push(surface(-0.2 + i * 0.1, 0.35, 0.2));
  for (const ex of [-0.45, 0.45]) {
    for (let i = 0; i < 6; i++) {
      const a = Math.PI - (Math.PI * 2 * i) / 6;
      pts.push(surface(ex + Math.cos(a) * 0.15, -0.35 - Math.sin(a) * 0.06 * eyeOpen));
    }
  }
  // The mouth: a smile widens it and lifts the corners; opening it drops the lower lip.
  const widen = 1 + 0.3 * smile;
  const gap = mouthOpen * 0.64 * widen;
  const mouthPoint = (a: number, rx: number, ry: number, lowerGap: number): [number, number, number] => {
    const x = Math.cos(a) * rx * widen;
    const lift = 0.1 * smile * (x / (0.32 * widen)) ** 2;
    const lower = Math.sin(a) < -1e-9;
    return surface(x, 0.65 - Math.sin(a) * ry - lift + (lower ? lowerGap : 0), 0.1);
  };
  for (let i = 0; i < 12; i++) pts.push(mouthPoint(Math.PI - (Math.PI * 2 * i) / 12, 0.32, 0.12, gap));
  for (let i = 0; i < 8; i++) {
    const a = Math.PI - (Math.PI * 2 * i) / 8;
    // Closed lips touch: the inner outline is a thin slit, opened by `gap`.
    pts.push(mouthPoint(a, 0.25, 0.005, gap));
  }
  return pts;
}

/** The height the head tips about when pitching: roughly the ears'. */
const PITCH_PIVOT_Y = 0.3;

export function syntheticLandmarks({
  cx = 320,
  cy = 240,
  size = 70,
  yaw = 0,
  roll = 0,
  pitch = 0,
  eyeOpen = 1,
  mouthOpen = 0.02,
  smile = 0,
}: Pose = {}): Point[] {
  const t = (yaw * Math.PI) / 180;
  const r = (roll * Math.PI) / 180;
  const p = (pitch * Math.PI) / 180;
  return template({ eyeOpen, mouthOpen, smile }).map(([x, y0, z0]) => {
    // Chin up: what faces the camera (the nose) rises, the chin comes forward.
    const y = (y0 - PITCH_PIVOT_Y) * Math.cos(p) - z0 * Math.sin(p) + PITCH_PIVOT_Y;
    const z = (y0 - PITCH_PIVOT_Y) * Math.sin(p) + z0 * Math.cos(p);
    const tx = x * Math.cos(t) + z * Math.sin(t);
    const rx = tx * Math.cos(r) - y * Math.sin(r);
    const ry = tx * Math.sin(r) + y * Math.cos(r);
    return [cx + rx * size, cy + ry * size];
  });
}

/**
 * `neutral` is what face-api's expression net would say (it reads the face's texture, which these
 * landmarks do not have); left out, the face carries no expression reading, as when the worker
 * was not asked for one.
 */
export function syntheticFace(pose: Pose & { neutral?: number } = {}): DetectedFace {
  const landmarks = syntheticLandmarks(pose);
  const xs = landmarks.map((p) => p[0]);
  const ys = landmarks.map((p) => p[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  const face: DetectedFace = { box: { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y }, score: 0.9, landmarks };
  if (pose.neutral !== undefined) face.neutral = pose.neutral;
  return face;
}

export function analysisOf(faces: DetectedFace[], width = 640, height = 480): FaceAnalysis {
  return { width, height, faces, descriptor: null, ms: 50 };
}

/** A synthetic face on which estimateYaw reads `measured` degrees (found by bisection on the pose). */
export function syntheticFaceMeasuring(measured: number, pose: Omit<Pose, 'yaw'> = {}): DetectedFace {
  let lo = -80;
  let hi = 80;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (estimateYaw(syntheticLandmarks({ ...pose, yaw: mid })) < measured) lo = mid;
    else hi = mid;
  }
  return syntheticFace({ ...pose, yaw: (lo + hi) / 2 });
}
