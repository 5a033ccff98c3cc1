import { describe, expect, it } from 'vitest';
import { assessSignature, type Point } from './signature';

const PAD = { width: 600, height: 200 };

/** A cursive-like scribble: loops moving right, as a hand writes a name, sampled as a pad reports it. */
function scribble(x0: number, y0: number, width: number, height: number, loops: number): Point[] {
  const points: Point[] = [];
  const steps = loops * 16;
  for (let i = 0; i <= steps; i++) {
    const t = (i / steps) * loops * 2 * Math.PI;
    points.push({ x: x0 + (i / steps) * width + (Math.cos(t) * width) / (loops * 3), y: y0 + height / 2 + (Math.sin(t) * height) / 2 });
  }
  return points;
}

function line(from: Point, to: Point, n: number): Point[] {
  return Array.from({ length: n }, (_, i) => ({ x: from.x + ((to.x - from.x) * i) / (n - 1), y: from.y + ((to.y - from.y) * i) / (n - 1) }));
}

describe('assessSignature', () => {
  it('accepts a scribbled signature', () => {
    expect(assessSignature([scribble(100, 50, 300, 80, 5)], PAD)).toEqual({ ok: true });
  });

  it('accepts a signature in two strokes with an underline', () => {
    expect(assessSignature([scribble(120, 40, 200, 70, 3), line({ x: 110, y: 130 }, { x: 360, y: 125 }, 20)], PAD)).toEqual({ ok: true });
  });

  it('accepts a short but real signature: an initial with a flourish', () => {
    const initial = [...line({ x: 200, y: 140 }, { x: 230, y: 60 }, 6), ...line({ x: 230, y: 60 }, { x: 260, y: 140 }, 6), ...line({ x: 260, y: 140 }, { x: 300, y: 100 }, 5)];
    expect(assessSignature([initial], PAD)).toEqual({ ok: true });
  });

  it('calls no strokes, or strokes without points, empty', () => {
    expect(assessSignature([], PAD)).toEqual({ ok: false, reason: 'empty' });
    expect(assessSignature([[], []], PAD)).toEqual({ ok: false, reason: 'empty' });
  });

  it('calls a tap or a tiny tick too small', () => {
    expect(assessSignature([[{ x: 300, y: 100 }]], PAD)).toEqual({ ok: false, reason: 'too_small' });
    expect(assessSignature([line({ x: 300, y: 100 }, { x: 310, y: 90 }, 5)], PAD)).toEqual({ ok: false, reason: 'too_small' });
  });

  it('calls a signature squeezed under 15% of the width or 10% of the height too small', () => {
    expect(assessSignature([scribble(100, 50, 80, 80, 4)], PAD)).toEqual({ ok: false, reason: 'too_small' });
    expect(assessSignature([scribble(100, 50, 300, 18, 5)], PAD)).toEqual({ ok: false, reason: 'too_small' });
    expect(assessSignature([scribble(100, 50, 95, 25, 4)], PAD)).toEqual({ ok: true });
  });

  it('calls a single straight stroke too simple however long', () => {
    expect(assessSignature([line({ x: 50, y: 150 }, { x: 550, y: 40 }, 40)], PAD)).toEqual({ ok: false, reason: 'too_simple' });
  });

  it('calls two far-apart dots too simple', () => {
    expect(assessSignature([[{ x: 100, y: 50 }], [{ x: 400, y: 150 }]], PAD)).toEqual({ ok: false, reason: 'too_simple' });
  });

  it('calls fewer than eight points too simple', () => {
    const zigzag = [{ x: 100, y: 50 }, { x: 200, y: 150 }, { x: 300, y: 50 }, { x: 400, y: 150 }, { x: 500, y: 50 }];
    expect(assessSignature([zigzag], PAD)).toEqual({ ok: false, reason: 'too_simple' });
    const longer = [...zigzag, { x: 520, y: 150 }, { x: 540, y: 50 }, { x: 560, y: 150 }];
    expect(assessSignature([longer], PAD)).toEqual({ ok: true });
  });

  it('scales with the pad', () => {
    const small = [scribble(10, 5, 30, 8, 3)];
    expect(assessSignature(small, { width: 120, height: 40 })).toEqual({ ok: true });
    expect(assessSignature(small, PAD)).toEqual({ ok: false, reason: 'too_small' });
  });

  it('refuses a pad without a size', () => {
    expect(() => assessSignature([], { width: 0, height: 200 })).toThrow(RangeError);
  });
});
