import { PEN, pressureWidth } from './signature-pad';

/**
 * The width one stroke on the touchscreen draws with. A stylus varies its pressure; a finger on a
 * screen without force sensing and a mouse report a constant (0.5 while pressed), which says
 * nothing of the hand. So a stroke keeps signature_pad's velocity-based width until its pressure
 * has varied, and from then on follows the pressure. A 0 (the lift, or no pressure at all) keeps
 * the width the stroke has.
 */
export class StrokePressure {
  #first: number | null = null;
  #last: number | null = null;
  #varies = false;

  /** A new stroke begins. */
  reset(): void {
    this.#first = null;
    this.#last = null;
    this.#varies = false;
  }

  /** The width for the stroke's next point, or null to leave the width to signature_pad's velocity. */
  width(pressure: number, pen: { minWidth: number; maxWidth: number } = PEN): number | null {
    if (pressure > 0) {
      this.#first ??= pressure;
      this.#last = pressure;
      if (pressure !== this.#first) this.#varies = true;
    }
    return this.#varies && this.#last !== null ? pressureWidth(this.#last, pen) : null;
  }
}
