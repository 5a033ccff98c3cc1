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
}

function template(): Array<[number, number, number]> {
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
      pts.push(surface(ex + Math.cos(a) * 0.15, -0.35 - Math.sin(a) * 0.06));
    }
  }
  for (let i = 0; i < 12; i++) {
    const a = Math.PI - (Math.PI * 2 * i) / 12;
    pts.push(surface(Math.cos(a) * 0.35, 0.65 - Math.sin(a) * 0.12, 0.1));
  }
  for (let i = 0; i < 8; i++) {
    const a = Math.PI - (Math.PI * 2 * i) / 8;
    pts.push(surface(Math.cos(a) * 0.25, 0.65 - Math.sin(a) * 0.05, 0.1));
  }
  return pts;
}

const TEMPLATE = template();

export function syntheticLandmarks({ cx = 320, cy = 240, size = 70, yaw = 0, roll = 0 }: Pose = {}): Point[] {
  const t = (yaw * Math.PI) / 180;
  const r = (roll * Math.PI) / 180;
  return TEMPLATE.map(([x, y, z]) => {
    const tx = x * Math.cos(t) + z * Math.sin(t);
    const rx = tx * Math.cos(r) - y * Math.sin(r);
    const ry = tx * Math.sin(r) + y * Math.cos(r);
    return [cx + rx * size, cy + ry * size];
  });
}

export function syntheticFace(pose: Pose = {}): DetectedFace {
  const landmarks = syntheticLandmarks(pose);
  const xs = landmarks.map((p) => p[0]);
  const ys = landmarks.map((p) => p[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { box: { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y }, score: 0.9, landmarks };
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
