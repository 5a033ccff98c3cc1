import { describe, expect, it } from 'vitest';
import { PASSED_LIVENESS } from '../src/sync/packet-fixture';
import { livenessLines } from './liveness-summary';

describe("the liveness evidence as a reviewer reads it", () => {
  it('gives each measure beside the limit that fails it, nothing flagged on a pass with room', () => {
    const lines = livenessLines(PASSED_LIVENESS);
    expect(lines.map((l) => [l.measure, l.value, l.flagged])).toEqual([
      ['fps', '20.0', false],
      ['frozen', '90 ms', false],
      ['repeated', '0', false],
      ['identity', '0.180', false],
      ['faces', '1', false],
      ['parallax', '0.060', false],
    ]);
    expect(lines.find((l) => l.measure === 'frozen')?.limit).toBe('< 1000 ms');
  });

  it('marks the measures the back office flagged', () => {
    const narrow = { ...PASSED_LIVENESS, fps: 4, passive: { ...PASSED_LIVENESS.passive, maxFaces: 2 } };
    expect(livenessLines(narrow).filter((l) => l.flagged).map((l) => l.measure)).toEqual(['faces']);
  });
});
