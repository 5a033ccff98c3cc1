import { describe, expect, it } from 'vitest';
import { GuidanceFilter, REPEAT_AFTER_MS } from './guidance-filter';

describe('live guidance said as it changes', () => {
  it('says a new instruction, not the same one again while it shows', () => {
    const filter = new GuidanceFilter();
    expect(filter.shouldSay('Come closer.', 0)).toBe(true);
    expect(filter.shouldSay('Come closer.', 500)).toBe(false);
    expect(filter.shouldSay('Hold still…', 900)).toBe(true);
  });

  it('does not say an instruction back and forth as the face moves at an edge', () => {
    const filter = new GuidanceFilter();
    filter.shouldSay('Come closer.', 0);
    filter.shouldSay('Hold still…', 300);
    expect(filter.shouldSay('Come closer.', 600)).toBe(false);
    expect(filter.shouldSay('Hold still…', 900)).toBe(false);
    expect(filter.shouldSay('Come closer.', REPEAT_AFTER_MS + 1)).toBe(true);
  });

  it('says the first instruction of a new screen even if the last screen ended with it', () => {
    const filter = new GuidanceFilter();
    filter.shouldSay('Hold still…', 0);
    filter.reset();
    expect(filter.shouldSay('Hold still…', 100)).toBe(true);
  });
});
