import { GUIDANCE_LIMITS } from './guidance';

/**
 * Every limit the liveness sequence decides by. The version goes into each application's evidence,
 * so the back office can tell which rules accepted or refused a face: change it with any value.
 * "Measured" below: the face worker on Chromium's fake camera (window.faceHarness.track on the f01
 * clips, as made and with ffmpeg's temporal noise added as a camera sensor would), and the
 * synthetic head of synthetic-head.ts.
 */
export const LIVENESS_THRESHOLDS = {
  version: 'liveness-2026-11-25.2',

  /** Per challenge, baseline included. A deliberate move takes 1–3 s; the e2e turn was decided in 1.8 s. */
  challengeTimeoutMs: 10_000,
  /** Detection misses a frame now and then: single misses are forgiven, a longer absence is not. */
  faceLostMs: 1_500,
  /** A passer-by behind the citizen is common: only a second face that stays this long fails. */
  crowdMs: 2_000,

  /**
   * Baseline: this many steady frames (yaw within a spread of 4°), the head no more turned than
   * guidance's "look at the screen" limit. Tight, so a baseline is never taken from a head still
   * moving: the fake camera once started mid-clip, and a held 18° turn became the baseline.
   */
  baselineFrames: 4,
  baselineMaxYaw: GUIDANCE_LIMITS.maxYaw,
  baselineYawSpread: 4,
  /**
   * Relative spreads of the eye and mouth ratios over the baseline frames. Measured: sensor noise
   * moved both by ±3% on a still face; a blink or a smile during the baseline moves more.
   */
  baselineEyeSpread: 0.15,
  baselineMouthSpread: 0.08,

  /**
   * Turns: yaw this far from the baseline in the asked direction for this many frames in a row
   * (synthetic e2e turns read +21° to +35°, a still face 0°), then back within returnDelta; the
   * same change the other way fails, so a replayed video that turns both ways passes neither.
   */
  turnDelta: 15,
  turnFrames: 2,
  returnDelta: 8,
  returnFrames: 2,
  wrongDelta: 15,
  wrongFrames: 2,

  /**
   * Blink: the eye aspect ratio (the less open eye's) falls to 60% of the citizen's own open-eye
   * value (closure 0.4), then comes back above 85%. Noise moved it by ±3%; a shut eye reads near 0.
   * One frame suffices: at 15 fps a blink may show in a single frame. Not yet measured on real
   * closed eyes (no clip has one): check that face-api's lids follow a blink at the pilot.
   */
  blinkClosure: 0.4,
  blinkFrames: 1,
  blinkReopen: 0.15,

  /**
   * Smile: the mouth widens by 12% over its own resting width (relative to the face width), for
   * 2 frames, then relaxes to within 6%. Noise moved it by ±3%; a turn of 22° narrowed it by 9%,
   * hence the steady-pose rule below. The registry faces read 0.32 neutral, 0.35–0.47 smiling.
   */
  smileWidening: 0.12,
  smileFrames: 2,
  smileRelax: 0.06,
  /**
   * …and face-api's expression net reads those frames as happy: a mouth pulled wide without a
   * smile's cheeks and eyes (a photo stretched or bent, a grimace) does not count. On the registry
   * faces the smiles read neutral 0.00–0.07, the neutral faces 0.52–1.00; 0.5 is the net's own
   * decision point. The identify step asks the worker for expressions while a smile is asked.
   */
  smileHappy: 0.5,

  /** Blink and smile frames count only with the head within this of the challenge's baseline pose (degrees). */
  steadyYaw: 8,
  steadyPitch: 12,

  /**
   * Planar motion: on the frames of a turn (≥ turnDelta from the baseline), the landmarks left after
   * the best homography from the baseline, over the eye distance, must reach this median. Measured:
   * sensor noise on a still face ≤ 0.012; the e2e cylinder-warped turn 0.05 at 13°, 0.089 at 22°;
   * the synthetic 3-D head 0.042 at a measured 15.6°; a flat card 0.000 whatever its pose.
   */
  minParallax: 0.025,

  /**
   * Frozen stream: landmarks bit-identical for this long. A live camera's sensor noise moved every
   * landmark by 0.5–1.7 px (median 1.0) from one distinct frame to the next; only the same frame
   * analysed twice (up to 27% of pairs when analysis outruns a 15 fps camera) repeats exactly,
   * which spans one camera frame, well under a second. A still image injected as the camera
   * repeats for ever.
   */
  maxFrozenMs: 1_000,

  /**
   * Replay: frames whose landmarks repeat an earlier, not directly preceding frame exactly (to
   * 0.01 px). Sensor noise makes that impossible from a live camera; a looping clip fed as the
   * camera repeated 46 times in 7 s.
   */
  replayFrames: 3,

  /**
   * Identity: descriptors of frames within identityYawGate degrees of the first one's pose must
   * stay within identityMaxDistance of it. Same face, same session: 0.06–0.11 frontal, 0.14 at 3°,
   * 0.20 at 7°, 0.44 at 22° (descriptors drift with the turn, hence the gate); other people read
   * ≥ 0.52 through the camera (docs/biometrics.md). 0.40 sits between, stricter than the back
   * office's 0.45, which must also allow for a registry photo taken years before.
   */
  identityYawGate: 6,
  identityMaxDistance: 0.4,
} as const;

export type LivenessThresholds = typeof LIVENESS_THRESHOLDS;
