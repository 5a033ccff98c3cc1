import type { EventLog, WipeReason } from './events';
import type { Session } from './session.svelte';
import { STEPS, StepGuardError, backFrom, nextStep, type StepId } from './steps';

/** Where the citizen is in the journey; moves only along the table in steps.ts. */
export class Journey {
  step = $state<StepId>('language');

  constructor(
    readonly session: Session,
    private readonly log: EventLog,
  ) {}

  advance(): void {
    this.#enter(nextStep(this.step, this.session.data));
  }

  /**
   * One step back, keeping what is still valid and dropping what must be proved again (steps.ts
   * BACK). Back to the first screen ends the session: it is the screen between citizens.
   */
  back(): void {
    const move = backFrom(this.step, this.session.data);
    if (!move) return;
    if (move.to === 'language') return this.end('cancel');
    this.session.update(move.patch);
    this.#enter(move.to);
  }

  /**
   * From the first screen straight to a later step whose inputs the session already holds: a
   * scanned e-application has chosen the reason and the document. Refused from anywhere else.
   */
  skipTo(step: StepId): void {
    if (this.step !== 'language' || !STEPS[step].guard(this.session.data)) throw new StepGuardError(step);
    this.#enter(step);
  }

  /** Ends the session: personal data dropped, devices released, back to the first screen. */
  end(reason: WipeReason): void {
    this.log.emit('session_ended', { reason, atStep: this.step });
    this.session.wipe();
    this.#enter('language');
  }

  /**
   * The current step could not reach the back office (`code`: network or server) and goes on under
   * the offline policy: its check is left to the back office at sync (offline-policy.ts).
   */
  wentOffline(code: string): void {
    const { offlineSteps } = this.session.data;
    if (!offlineSteps.includes(this.step)) this.session.update({ offlineSteps: [...offlineSteps, this.step] });
    this.log.emit('step_offline', { step: this.step, code });
  }

  refused(code: string): void {
    this.log.emit('step_refused', { step: this.step, code });
  }

  #enter(step: StepId): void {
    this.step = step;
    this.log.emit('step_entered', { step });
  }
}
