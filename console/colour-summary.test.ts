import { describe, expect, it } from 'vitest';
import { RECORDED_COLOUR } from '../src/biometrics/colour-fixture';
import { colourMeasures, colourSteps } from './colour-summary';

const recorded = (kind: string) => RECORDED_COLOUR.find((r) => r.kind === kind)!.evidence;

describe('the colour challenge as a reviewer reads it', () => {
  it('puts each colour shown beside the colour the face took, step by step', () => {
    const evidence = recorded('genuine');
    const steps = colourSteps(evidence);
    expect(steps.map((s) => s.shown)).toEqual(evidence.sequence);
    expect(steps[0]).toMatchObject({ startMs: 0, samples: evidence.steps[0]!.samples });
    expect(steps[0]!.screenCss).toMatch(/^rgb\(\d+ \d+ \d+\)$/);
    expect(steps[0]!.faceCss).toBe(`rgb(${evidence.steps[0]!.face!.map(Math.round).join(' ')})`);
  });

  it('gives the four figures beside their limits, nothing failing on a pass', () => {
    const { status, lines } = colourMeasures(recorded('genuine'));
    expect(status).toBe('passed');
    expect(lines.map((l) => l.measure)).toEqual(['amplitude', 'correlation', 'glass', 'share', 'light', 'luma']);
    expect(lines.filter((l) => l.failing)).toEqual([]);
    expect(lines.find((l) => l.measure === 'correlation')?.limit).toBe('≥ 0.7');
  });

  it('marks the figure that refused each attack, judged again from the measurements', () => {
    const failingOf = (kind: string) => colourMeasures(recorded(kind)).lines.filter((l) => l.failing).map((l) => l.measure);
    expect(failingOf('late_follower')).toEqual(['correlation']);
    expect(failingOf('print_flat')).toEqual(['share']);
    expect(failingOf('too_bright')).toEqual(['amplitude', 'luma']);
    // A kiosk's 'passed' over measurements that show nothing is not believed.
    const forged = { ...recorded('phone_replay'), status: 'passed' as const, reason: null };
    expect(colourMeasures(forged).status).toBe('failed');
  });
});
