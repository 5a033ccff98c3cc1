import type { StepId } from './steps';

/**
 * What the kiosk records about a journey, by type. No personal data: step ids, codes and timings only,
 * so the log can be kept and sent to the back office for the pilot report.
 */
export interface KioskEvents {
  step_entered: { step: StepId };
  step_refused: { step: StepId; code: string };
  session_ended: { reason: WipeReason; atStep: StepId };
  /** The step could not reach the back office and went on under the offline policy. */
  step_offline: { step: StepId; code: string };
  application_sealed: { pendingChecks: number };
  /** A device that could not start or failed (a scanner missing, …), by its error code. */
  device_fault: { device: 'printer' | 'scanner' | 'camera'; code: string };
}
export type WipeReason = 'idle' | 'cancel' | 'finished' | 'refused';

export interface LoggedEvent<K extends keyof KioskEvents = keyof KioskEvents> {
  type: K;
  at: number;
  data: KioskEvents[K];
}

/** An in-memory ring of the latest events; technician mode and sync read it. */
export class EventLog {
  readonly #events: LoggedEvent[] = [];
  constructor(
    private readonly capacity = 500,
    private readonly now: () => number = Date.now,
  ) {}

  emit<K extends keyof KioskEvents>(type: K, data: KioskEvents[K]): void {
    this.#events.push({ type, at: this.now(), data } as LoggedEvent);
    if (this.#events.length > this.capacity) this.#events.shift();
  }

  recent(): readonly LoggedEvent[] {
    return this.#events;
  }
}
