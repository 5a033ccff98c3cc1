import type { DetectedFace, FaceAnalysis } from './face-analysis';
import { estimateRoll, estimateYaw } from './head-pose';

/** What the camera screen tells the citizen to do next, in order of what to fix first. */
export type Guidance =
  | 'no_face'
  | 'several_faces'
  | 'come_closer'
  | 'move_back'
  | 'centre_face'
  | 'look_at_screen'
  | 'hold_still'
  | 'ok';

/*
 * Limits, as fractions of the frame. The detector's box runs from the brows to the chin, about
 * 0.6 of the head's height, so 0.25–0.6 of the frame height puts the whole head at roughly
 * 40–100% of it: near enough for the 35×45 portrait crop at 640×480, far enough to keep the chin in.
 */
export const GUIDANCE_LIMITS = {
  minFaceHeight: 0.25,
  maxFaceHeight: 0.6,
  /** Distance of the box centre from the frame centre. */
  maxOffsetX: 0.15,
  maxOffsetY: 0.2,
  maxYaw: 12,
  maxRoll: 10,
  /** Movement of the box centre since the previous frame, as a fraction of the frame width. */
  maxMotion: 0.03,
} as const;

export function faceGuidance(analysis: FaceAnalysis, previous?: FaceAnalysis): Guidance {
  const [face, second] = analysis.faces;
  if (!face) return 'no_face';
  if (second) return 'several_faces';
  const { width, height } = analysis;
  const size = face.box.height / height;
  if (size < GUIDANCE_LIMITS.minFaceHeight) return 'come_closer';
  if (size > GUIDANCE_LIMITS.maxFaceHeight) return 'move_back';
  const [cx, cy] = centre(face);
  if (Math.abs(cx / width - 0.5) > GUIDANCE_LIMITS.maxOffsetX || Math.abs(cy / height - 0.5) > GUIDANCE_LIMITS.maxOffsetY) {
    return 'centre_face';
  }
  if (Math.abs(estimateYaw(face.landmarks)) > GUIDANCE_LIMITS.maxYaw || Math.abs(estimateRoll(face.landmarks)) > GUIDANCE_LIMITS.maxRoll) {
    return 'look_at_screen';
  }
  const before = previous?.faces.length === 1 ? previous.faces[0] : undefined;
  if (before) {
    const [px, py] = centre(before);
    if (Math.hypot(cx - px, cy - py) / width > GUIDANCE_LIMITS.maxMotion) return 'hold_still';
  }
  return 'ok';
}

function centre({ box }: DetectedFace): [number, number] {
  return [box.x + box.width / 2, box.y + box.height / 2];
}
