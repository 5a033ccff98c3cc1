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
  device_fault: { device: 'printer' | 'scanner' | 'camera' | 'pad'; code: string };
  /**
   * The kiosk told the citizen to see an operator (identify: no try left, or no camera). `cause`:
   * face_not_matched, liveness_failed, camera_missing… (src/telemetry/journey-recorder.ts operatorCause).
   */
  sent_to_operator: { step: StepId; cause: string };
}
export type WipeReason = 'idle' | 'cancel' | 'finished' | 'refused';

export interface LoggedEvent<K extends keyof KioskEvents = keyof KioskEvents> {
  type: K;
  at: number;
  data: KioskEvents[K];
}

export type EventListener = (event: LoggedEvent) => void;

/** An in-memory ring of the latest events; technician mode reads it, the journey telemetry listens to it. */
export class EventLog {
  readonly #events: LoggedEvent[] = [];
  readonly #listeners: EventListener[] = [];
  constructor(
    private readonly capacity = 500,
    private readonly now: () => number = Date.now,
  ) {}

  emit<K extends keyof KioskEvents>(type: K, data: KioskEvents[K]): void {
    this.#events.push({ type, at: this.now(), data } as LoggedEvent);
    if (this.#events.length > this.capacity) this.#events.shift();
    const event = this.#events.at(-1);
    // Called at once, in the emitter's turn: a listener reads the session before journey.end wipes it.
    if (event) for (const listener of this.#listeners) listener(event);
  }

  /** Calls `listener` with each event from now on; returns the function that stops it. */
  subscribe(listener: EventListener): () => void {
    this.#listeners.push(listener);
    return () => {
      const i = this.#listeners.indexOf(listener);
      if (i >= 0) this.#listeners.splice(i, 1);
    };
  }

  recent(): readonly LoggedEvent[] {
    return this.#events;
  }
}
