import type { LivenessEvidence } from '../protocol/liveness';
import { LIVENESS_THRESHOLDS as T } from './liveness-thresholds';

/*
 * A liveness sequence the kiosk passed can still have passed narrowly: a stream that froze for half
 * of what fails it, a frame seen twice, a turn barely out of the plane. None of these refuses a
 * citizen by itself (a live camera does each now and then), but together with an unattended
 * terminal they are what a replayed video looks like, so the back office sends such an application
 * to a person (server/sync/deferred-checks.ts) instead of accepting it by rule.
 */

export type LivenessFlag = 'frozen_stream' | 'repeated_frames' | 'identity_drift' | 'flat_turn' | 'second_face' | 'colour_unchecked';

/*
 * The frame rate is not a flag: the e2e journeys' live (fake) camera was analysed at 4–7 frames a
 * second on the CI machine's two busy cores and every one of them would have waited for a person. A
 * slow terminal is its technician's matter; a replay shows in the frames themselves (below).
 */
/** How close to a failing limit counts as narrow: this share of the limit. */
const NEAR = 0.5;
const NEAR_IDENTITY = 0.8;
const NEAR_PARALLAX = 1.2;

/** Why a passed sequence should be seen by a person, in a stable order; empty when nothing is narrow. */
export function livenessFlags(evidence: LivenessEvidence): LivenessFlag[] {
  const { passive } = evidence;
  const flags: LivenessFlag[] = [];
  if (passive.longestFrozenMs >= T.maxFrozenMs * NEAR) flags.push('frozen_stream');
  if (passive.repeatedFrames > 0) flags.push('repeated_frames');
  if (passive.maxIdentityDistance !== null && passive.maxIdentityDistance >= T.identityMaxDistance * NEAR_IDENTITY) flags.push('identity_drift');
  const turns = evidence.challenges.filter((c) => c.outcome === 'passed' && c.parallax !== null);
  if (turns.some((c) => c.parallax! < T.minParallax * NEAR_PARALLAX)) flags.push('flat_turn');
  if (passive.maxFaces > 1) flags.push('second_face');
  // Sealed by a kiosk from before the colour challenge: nothing stopped a replayed video.
  if (!evidence.colour) flags.push('colour_unchecked');
  return flags;
}
