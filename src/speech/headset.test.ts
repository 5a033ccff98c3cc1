import { describe, expect, it } from 'vitest';
import { isHeadsetLabel } from './headset';

describe('a headset in the jack', () => {
  it('is an audio output whose label says headphones or headset, in the labels systems give', () => {
    expect(isHeadsetLabel('Headphones (Realtek(R) Audio)')).toBe(true);
    expect(isHeadsetLabel('USB Headset Analog Stereo')).toBe(true);
    expect(isHeadsetLabel('Наушники (High Definition Audio)')).toBe(true);
  });

  it('is not the terminal’s own loudspeaker or a display’s', () => {
    expect(isHeadsetLabel('Speakers (Realtek(R) Audio)')).toBe(false);
    expect(isHeadsetLabel('HDMI 1 (Intel Display Audio)')).toBe(false);
    expect(isHeadsetLabel('')).toBe(false);
  });
});
