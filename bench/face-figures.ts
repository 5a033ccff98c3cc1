// Pure: what bench/face-speed.ts makes of the frames the harness page timed and of the worker's
// memory readings.
import type { BenchFrames } from '../e2e/harness/bench-face';
import { median } from './stats';

export interface SpeedFigures {
  frames: number;
  workerMedianMs: number;
  workerP95Ms: number;
  roundTripMedianMs: number;
  roundTripP95Ms: number;
  /** Frames analysed per second of wall time, the loop running back to back. */
  fps: number;
  /** Share of frames in which exactly one face was found. */
  oneFace: number;
}

/** Nearest-rank percentile (p in 0–100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1]!;
}

/** The figures of consecutive runs of frames taken as one. */
export function speedFigures(runs: readonly BenchFrames[]): SpeedFigures {
  const worker = runs.flatMap((r) => r.workerMs);
  const roundTrip = runs.flatMap((r) => r.roundTripMs);
  const faces = runs.flatMap((r) => r.faces);
  const elapsedMs = runs.reduce((sum, r) => sum + r.elapsedMs, 0);
  return {
    frames: worker.length,
    workerMedianMs: median(worker),
    workerP95Ms: percentile(worker, 95),
    roundTripMedianMs: median(roundTrip),
    roundTripP95Ms: percentile(roundTrip, 95),
    fps: elapsedMs > 0 ? (worker.length * 1000) / elapsedMs : 0,
    oneFace: faces.length > 0 ? faces.filter((n) => n === 1).length / faces.length : 0,
  };
}

/** Read inside the worker: tfjs's engine (tf.memory()), its wasm heap, and what else Chromium tells. */
export interface WorkerMemory {
  numTensors: number;
  numBytes: number;
  /** The wasm backend's linear memory (it grows to its high-water mark and never shrinks); null on other backends. */
  wasmHeapBytes: number | null;
  /** performance.measureUserAgentSpecificMemory(): only in a cross-origin isolated context. */
  userAgentBytes: number | null;
  crossOriginIsolated: boolean;
}

/** Which tensors grew from one reading to a later one; none means flat. */
export function tensorGrowth(before: WorkerMemory, after: WorkerMemory): string[] {
  const grew: string[] = [];
  if (after.numTensors > before.numTensors) grew.push(`tensors ${before.numTensors} → ${after.numTensors}`);
  if (after.numBytes > before.numBytes) grew.push(`tensor bytes ${before.numBytes} → ${after.numBytes}`);
  return grew;
}

/**
 * What grew from one reading to a later one, the wasm heap too; none means flat. The heap may grow
 * the first time a net runs (a new high-water mark), so compare readings taken after a net's warm-up.
 */
export function memoryGrowth(before: WorkerMemory, after: WorkerMemory): string[] {
  const grew = tensorGrowth(before, after);
  if ((after.wasmHeapBytes ?? 0) > (before.wasmHeapBytes ?? 0)) grew.push(`wasm heap ${before.wasmHeapBytes} → ${after.wasmHeapBytes}`);
  return grew;
}
