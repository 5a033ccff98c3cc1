/** Tries before the citizen is sent to an operator: a failed movement and a face that does not match both count. */
export const TRIES = 3;

/**
 * Failures where nothing was asked of the citizen's own face (another face came into view, the
 * face left the picture, the camera gave too few frames to read the colours): they do not use up a try.
 */
export const FREE_FAILURES: ReadonlySet<string> = new Set(['several_faces', 'face_lost', 'colour_unmeasured']);
