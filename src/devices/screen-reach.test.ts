import { describe, expect, it } from 'vitest';
import { DEFAULT_SCREEN, readMillimetres, reachBand } from './screen-reach';

describe('the part of the screen within a seated citizen’s reach', () => {
  it('is the lower half or so of the usual 32" portrait kiosk: from its lower edge up to 1,220 mm', () => {
    // 850 + 708 = 1,558 mm at the top; 1,220 mm is 338 mm below it, of 708.
    const band = reachBand(DEFAULT_SCREEN);
    expect(band).toEqual({ top: 338 / 708, bottom: 1, fromMm: 850, toMm: 1220 });
    expect(band!.bottom - band!.top).toBeCloseTo(0.52, 2);
  });

  it('leaves out what is below 380 mm as well as above 1,220 mm', () => {
    expect(reachBand({ heightMm: 1000, bottomMm: 300 })).toEqual({ top: 80 / 1000, bottom: 920 / 1000, fromMm: 380, toMm: 1220 });
  });

  it('is the whole screen when it all lies within reach, and none when it lies above or below it', () => {
    expect(reachBand({ heightMm: 400, bottomMm: 700 })).toEqual({ top: 0, bottom: 1, fromMm: 700, toMm: 1100 });
    expect(reachBand({ heightMm: 500, bottomMm: 1220 })).toBeNull();
    expect(reachBand({ heightMm: 300, bottomMm: 50 })).toBeNull();
  });
});

describe('a length in millimetres, as typed', () => {
  it('takes whole millimetres within the limits', () => {
    expect(readMillimetres('heightMm', ' 708 ')).toEqual({ ok: true, mm: 708 });
    expect(readMillimetres('bottomMm', '0')).toEqual({ ok: true, mm: 0 });
  });

  it('says what is wrong with anything else', () => {
    for (const text of ['', '70.8', '-5', '7O8', '1e3']) expect(readMillimetres('heightMm', text)).toEqual({ ok: false, problem: 'not_a_number' });
    expect(readMillimetres('heightMm', '20')).toEqual({ ok: false, problem: 'out_of_range' });
    expect(readMillimetres('bottomMm', '9000')).toEqual({ ok: false, problem: 'out_of_range' });
  });
});
