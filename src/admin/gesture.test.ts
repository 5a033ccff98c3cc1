import { describe, expect, it } from 'vitest';
import { HiddenGesture, type PointerInput, type Viewport } from './gesture';

/** A portrait kiosk screen: the corner squares are 100 px. */
const SCREEN: Viewport = { width: 1080, height: 1920 };
const TOP_LEFT = { x: 30, y: 40 };
const BOTTOM_RIGHT = { x: 1050, y: 1890 };
/** Where the start screen's three language buttons are, and the emblem above them. */
const LANGUAGE_BUTTONS = [
  { x: 540, y: 1100 },
  { x: 540, y: 1240 },
  { x: 540, y: 1380 },
];
const EMBLEM = { x: 540, y: 600 };

class Finger {
  readonly events: PointerInput[] = [];
  t = 0;
  constructor(private readonly gesture = new HiddenGesture()) {}

  /** A tap at `at`, lasting `holdMs`, `afterMs` after the previous one ended; what the gesture said on release. */
  tap(at: { x: number; y: number }, { afterMs = 300, holdMs = 80, moveTo = at, pointerId = 1 } = {}): 'open' | null {
    this.t += afterMs;
    this.gesture.feed({ kind: 'down', pointerId, x: at.x, y: at.y, t: this.t }, SCREEN);
    this.t += holdMs;
    return this.gesture.feed({ kind: 'up', pointerId, x: moveTo.x, y: moveTo.y, t: this.t }, SCREEN);
  }

  taps(at: { x: number; y: number }, n: number, options?: Parameters<Finger['tap']>[1]): ('open' | null)[] {
    return Array.from({ length: n }, () => this.tap(at, options));
  }

  feed(event: Omit<PointerInput, 't'>): 'open' | null {
    return this.gesture.feed({ ...event, t: this.t }, SCREEN);
  }
}

describe('the hidden gesture', () => {
  it('opens on five taps top left then one bottom right, and only on the last', () => {
    const finger = new Finger();
    expect(finger.taps(TOP_LEFT, 5)).toEqual([null, null, null, null, null]);
    expect(finger.tap(BOTTOM_RIGHT)).toBe('open');
  });

  it('starts afresh after opening', () => {
    const finger = new Finger();
    finger.taps(TOP_LEFT, 5);
    finger.tap(BOTTOM_RIGHT);
    expect(finger.tap(BOTTOM_RIGHT)).toBeNull();
    finger.taps(TOP_LEFT, 5);
    expect(finger.tap(BOTTOM_RIGHT)).toBe('open');
  });

  it('never opens for a citizen choosing a language, however they tap', () => {
    const finger = new Finger();
    const said: ('open' | null)[] = [];
    for (let round = 0; round < 50; round++) {
      for (const button of LANGUAGE_BUTTONS) said.push(...finger.taps(button, 3, { afterMs: 120 }));
      said.push(finger.tap(EMBLEM, { holdMs: 3000 }));
      said.push(...finger.taps(EMBLEM, 6, { afterMs: 100 }));
    }
    expect(said).not.toContain('open');
  });

  it('never opens for impatient tapping in one corner, or in both corners the wrong way round', () => {
    expect(new Finger().taps(TOP_LEFT, 30, { afterMs: 100 })).not.toContain('open');
    expect(new Finger().taps(BOTTOM_RIGHT, 30, { afterMs: 100 })).not.toContain('open');
    const finger = new Finger();
    expect([...finger.taps(BOTTOM_RIGHT, 1), ...finger.taps(TOP_LEFT, 5)]).not.toContain('open');
  });

  it('does not open when it takes longer than four seconds', () => {
    const finger = new Finger();
    // 4.48 s from the first press to the last release.
    finger.taps(TOP_LEFT, 5, { afterMs: 800 });
    expect(finger.tap(BOTTOM_RIGHT, { afterMs: 800 })).toBeNull();
  });

  it('is undone by a tap anywhere else on the way', () => {
    const finger = new Finger();
    finger.taps(TOP_LEFT, 3, { afterMs: 100 });
    finger.tap(LANGUAGE_BUTTONS[0] ?? EMBLEM, { afterMs: 100 });
    finger.taps(TOP_LEFT, 2, { afterMs: 100 });
    expect(finger.tap(BOTTOM_RIGHT, { afterMs: 100 })).toBeNull();
  });

  it('counts neither a hold nor a swipe in the corner as a tap', () => {
    const holding = new Finger();
    holding.taps(TOP_LEFT, 4, { afterMs: 100 });
    holding.tap(TOP_LEFT, { afterMs: 100, holdMs: 1000 });
    expect(holding.tap(BOTTOM_RIGHT, { afterMs: 100 })).toBeNull();

    const swiping = new Finger();
    swiping.taps(TOP_LEFT, 4, { afterMs: 100 });
    swiping.tap(TOP_LEFT, { afterMs: 100, moveTo: { x: 80, y: 90 } });
    expect(swiping.tap(BOTTOM_RIGHT, { afterMs: 100 })).toBeNull();
  });

  it('is spoiled by a second finger until every finger is lifted', () => {
    const finger = new Finger();
    finger.taps(TOP_LEFT, 5, { afterMs: 100 });
    finger.feed({ kind: 'down', pointerId: 1, ...BOTTOM_RIGHT });
    finger.feed({ kind: 'down', pointerId: 2, ...BOTTOM_RIGHT });
    expect(finger.feed({ kind: 'up', pointerId: 1, ...BOTTOM_RIGHT })).toBeNull();
    expect(finger.feed({ kind: 'up', pointerId: 2, ...BOTTOM_RIGHT })).toBeNull();
    // Once all fingers are up, a deliberate gesture works again.
    finger.taps(TOP_LEFT, 5, { afterMs: 100 });
    expect(finger.tap(BOTTOM_RIGHT, { afterMs: 100 })).toBe('open');
  });

  it('is undone by a cancelled touch', () => {
    const finger = new Finger();
    finger.taps(TOP_LEFT, 5, { afterMs: 100 });
    finger.feed({ kind: 'down', pointerId: 1, ...BOTTOM_RIGHT });
    expect(finger.feed({ kind: 'cancel', pointerId: 1, ...BOTTOM_RIGHT })).toBeNull();
    expect(finger.tap(BOTTOM_RIGHT, { afterMs: 100 })).toBeNull();
  });

  it('scales its corners with the screen: a tap 60 px in is a corner on a phone-sized window only', () => {
    const gesture = new HiddenGesture();
    const small: Viewport = { width: 400, height: 700 };
    const tapAt = (x: number, y: number, t: number) => {
      gesture.feed({ kind: 'down', pointerId: 1, x, y, t }, small);
      return gesture.feed({ kind: 'up', pointerId: 1, x, y, t: t + 50 }, small);
    };
    // 40 px corners on this window: 60 px in is outside.
    for (let i = 0; i < 5; i++) tapAt(60, 60, i * 200);
    expect(tapAt(390, 690, 1200)).toBeNull();
    for (let i = 0; i < 5; i++) tapAt(20, 20, 2000 + i * 200);
    expect(tapAt(390, 690, 3200)).toBe('open');
  });
});
