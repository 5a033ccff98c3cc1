// What a reviewer reads of the liveness evidence the kiosk sent: the few figures a narrow pass is
// judged by (src/biometrics/liveness-review.ts), each beside the limit that fails it, and the flags
// the back office raised. Pure, so the page only lays it out.
import { livenessFlags, type LivenessFlag } from '../src/biometrics/liveness-review';
import { LIVENESS_THRESHOLDS as T } from '../src/biometrics/liveness-thresholds';
import type { LivenessEvidence } from '../src/protocol/liveness';

export interface LivenessLine {
  /** The console's key suffix: liveness.<measure>. */
  measure: 'fps' | 'frozen' | 'repeated' | 'identity' | 'faces' | 'parallax';
  value: string;
  /** Empty for the frame rate, which no rule fails (src/biometrics/liveness-review.ts). */
  limit: string;
  flagged: boolean;
}

const FLAG_OF: Record<LivenessLine['measure'], LivenessFlag | null> = {
  fps: null,
  frozen: 'frozen_stream',
  repeated: 'repeated_frames',
  identity: 'identity_drift',
  faces: 'second_face',
  parallax: 'flat_turn',
};

export function livenessLines(evidence: LivenessEvidence): LivenessLine[] {
  const flags = new Set(livenessFlags(evidence));
  const { passive } = evidence;
  const parallaxes = evidence.challenges.flatMap((c) => (c.outcome === 'passed' && c.parallax !== null ? [c.parallax] : []));
  const lines: Omit<LivenessLine, 'flagged'>[] = [
    { measure: 'fps', value: evidence.fps.toFixed(1), limit: '' },
    { measure: 'frozen', value: `${passive.longestFrozenMs} ms`, limit: `< ${T.maxFrozenMs} ms` },
    { measure: 'repeated', value: String(passive.repeatedFrames), limit: `< ${T.replayFrames}` },
    { measure: 'identity', value: passive.maxIdentityDistance === null ? '—' : passive.maxIdentityDistance.toFixed(3), limit: `< ${T.identityMaxDistance}` },
    { measure: 'faces', value: String(passive.maxFaces), limit: '1' },
    ...(parallaxes.length > 0 ? [{ measure: 'parallax' as const, value: Math.min(...parallaxes).toFixed(3), limit: `≥ ${T.minParallax}` }] : []),
  ];
  return lines.map((line) => {
    const flag = FLAG_OF[line.measure];
    return { ...line, flagged: flag !== null && flags.has(flag) };
  });
}
