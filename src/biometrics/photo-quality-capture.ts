/*
 * Auto-capture: the shot is taken by itself once every photo check has held for STEADY_MS without
 * a break. Pure: the caller feeds each frame's verdict and the frame's time, and takes the shot
 * when the phase turns to 'capture'.
 */

/** Long enough to be a held pose, not a face passing through a good position; short enough not to feel like a wait. */
export const STEADY_MS = 700;

export type CapturePhase = 'waiting' | 'steady' | 'capture';

export interface CaptureState {
  phase: CapturePhase;
  /** When the current unbroken run of good frames began (the caller's clock, ms); null while waiting. */
  since: number | null;
}

export const CAPTURE_START: CaptureState = { phase: 'waiting', since: null };

/**
 * The next state after one frame. Any frame that fails a check starts the run again, 'capture'
 * included: the shot may wait a frame or two (for the descriptor that proves it is the identified
 * person), and a frame that fails meanwhile must not become the photo.
 */
export function advanceCapture(state: CaptureState, assessmentOk: boolean, now: number): CaptureState {
  if (!assessmentOk) return CAPTURE_START;
  const since = state.since ?? now;
  return { phase: now - since >= STEADY_MS ? 'capture' : 'steady', since };
}
