import type { ScreenColour } from '../biometrics/colour-palette';

/**
 * What the screen lights the citizen with: a colour challenge's colour, or null for the page's own
 * light. Kept with the times of its changes, so a simulated camera (screen-lit-camera.ts) can show
 * the light as late as a real camera would.
 */
export class ScreenLightLog {
  #changes: { at: number; colour: ScreenColour | null }[] = [];

  set(colour: ScreenColour | null, at = performance.now()): void {
    if (this.#changes.at(-1)?.colour === colour) return;
    this.#changes.push({ at, colour });
    // A few seconds of history is all any lag needs.
    if (this.#changes.length > 32) this.#changes.splice(0, this.#changes.length - 32);
  }

  at(time: number): ScreenColour | null {
    for (let i = this.#changes.length - 1; i >= 0; i--) if (this.#changes[i]!.at <= time) return this.#changes[i]!.colour;
    return null;
  }
}

/** The kiosk page's one screen. */
export const screenLight = new ScreenLightLog();
