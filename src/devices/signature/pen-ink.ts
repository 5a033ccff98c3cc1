// From a pen pad's samples to strokes on the screen's canvas.
import type { PenSample } from './digitizer-report';

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Where the pad's writing area lands on a canvas of `width`×`height` CSS pixels: as large as fits,
 * centred, in the pad's own shape, so a signature is not stretched to the screen's box.
 */
export function padArea(aspect: number, canvas: { width: number; height: number }): Box {
  const width = Math.min(canvas.width, canvas.height * aspect);
  const height = width / aspect;
  return { left: (canvas.width - width) / 2, top: (canvas.height - height) / 2, width, height };
}

/** A sample's position on the canvas, in CSS pixels. */
export function toCanvas(sample: Pick<PenSample, 'x' | 'y'>, area: Box): { x: number; y: number } {
  return { x: area.left + sample.x * area.width, y: area.top + sample.y * area.height };
}

/**
 * What a sample does to the stroke: `begin` when the tip touches, `move` while it writes, `end`
 * when it lifts or leaves the pad, null while it hovers. `writing` is whether a stroke is open.
 */
export function penMove(writing: boolean, sample: Pick<PenSample, 'tip' | 'inRange'>): 'begin' | 'move' | 'end' | null {
  const down = sample.tip && sample.inRange;
  if (down) return writing ? 'move' : 'begin';
  return writing ? 'end' : null;
}
