import { describe, expect, it } from 'vitest';
import { DEFAULT_SCREEN, reachBand } from '../devices/screen-reach';
import { TEXT_SCALE, TEXT_SIZES, nextTextSize, showLayout } from './view-settings';
import { ViewSettings } from './view-settings.svelte';

function fakeRoot() {
  const attributes: Record<string, string> = {};
  return { attributes, setAttribute: (name: string, value: string) => void (attributes[name] = value) };
}

describe('the citizen’s view settings', () => {
  it('cycles normal, large, extra large and back, extra large being twice the usual text', () => {
    expect(TEXT_SIZES.map(nextTextSize)).toEqual(['large', 'xlarge', 'normal']);
    expect(TEXT_SCALE.xlarge / TEXT_SCALE.normal).toBeGreaterThanOrEqual(2);
  });

  it('shows each change on the root element, and the session’s end puts the usual screen back', () => {
    const root = fakeRoot();
    const view = new ViewSettings(root);
    expect(root.attributes).toEqual({ 'data-text-size': 'normal', 'data-contrast': 'normal' });
    view.cycleTextSize();
    view.cycleTextSize();
    view.toggleContrast();
    expect(root.attributes).toEqual({ 'data-text-size': 'xlarge', 'data-contrast': 'high' });
    view.reset();
    expect(root.attributes).toEqual({ 'data-text-size': 'normal', 'data-contrast': 'normal' });
    expect([view.textSize, view.contrast]).toEqual(['normal', 'normal']);
  });
});

describe('the low layout', () => {
  it('gives kiosk.css the layout and the band of the screen within reach', () => {
    const root = { ...fakeRoot(), properties: {} as Record<string, string>, style: { setProperty: (name: string, value: string) => void (root.properties[name] = value) } };
    showLayout(root, 'low', reachBand(DEFAULT_SCREEN));
    expect(root.attributes).toEqual({ 'data-layout': 'low' });
    expect(Number(root.properties['--reach-top'])).toBeCloseTo(0.477, 3);
    expect(root.properties['--reach-bottom']).toBe('1');
  });
});
