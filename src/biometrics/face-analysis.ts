/** What the face worker returns for one camera frame: plain data, safe to post between threads. */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One point in frame pixels, as [x, y]. */
export type Point = [number, number];

export interface DetectedFace {
  box: Box;
  /** Detector confidence, 0–1. */
  score: number;
  /** The 68 iBUG landmarks in frame pixels (the raw camera image, not the mirrored preview). */
  landmarks: Point[];
  /** How neutral the expression is, 0–1, from face-api's expression net: only when asked for. */
  neutral?: number;
  /** How happy (smiling), 0–1, from the same net: only when asked for. */
  happy?: number;
}

export interface FaceAnalysis {
  width: number;
  height: number;
  faces: DetectedFace[];
  /** 128-d face descriptor, only when asked for and exactly one face was found. */
  descriptor: number[] | null;
  /** Time spent in the worker on this frame. */
  ms: number;
}

export interface AnalyseOptions {
  descriptor: boolean;
  /** Run the expression net on every face too (a few ms a face): the photo step's neutral-expression check. */
  expressions?: boolean;
}

export const LANDMARK_COUNT = 68;
