import { describe, expect, it } from 'vitest';
import { SAMPLE_RATE } from './speech-settings';
import { encodeMp3, trimSilence } from './synth-worker';

const ms = (n: number) => Math.round((n / 1000) * SAMPLE_RATE);

describe('a clip as made', () => {
  it('keeps the voice and only a little of the silence around it', () => {
    const samples = new Float32Array(ms(1000));
    samples.fill(0.3, ms(400), ms(600));
    const trimmed = trimSilence(samples, [20, 90]);
    expect(trimmed.length).toBe(ms(200) + ms(20) + ms(90));
    expect(trimSilence(new Float32Array(ms(500)), [20, 90]).length).toBe(0);
  });

  it('is an MP3 stream', () => {
    const tone = Float32Array.from({ length: ms(300) }, (_, i) => 0.3 * Math.sin((2 * Math.PI * 220 * i) / SAMPLE_RATE));
    const mp3 = encodeMp3(tone, 32);
    // An MPEG audio frame starts with 11 set bits.
    expect(mp3[0]).toBe(0xff);
    expect((mp3[1] ?? 0) & 0xe0).toBe(0xe0);
    // 32 kbps: about 4 KB a second.
    expect(mp3.length).toBeGreaterThan(800);
    expect(mp3.length).toBeLessThan(2000);
  });
});
