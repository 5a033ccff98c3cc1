export const IDLE_MS = 60_000;
export const COUNTDOWN_S = 15;
/**
 * The phone step: the citizen finds their phone in a bag, reads their own number off it, waits for
 * the SMS (a resend is a minute away) and types the code, which lives 5 minutes (server/phone/policy.ts).
 */
export const PHONE_IDLE_MS = 3 * 60_000;

/**
 * Watches for a citizen who walked away. After `idleMs` without a touch it shows a countdown;
 * when the countdown runs out it calls onTimeout (the journey wipes the session).
 * Timers are plain setTimeout/setInterval so a test can drive them with a fake clock.
 */
export class IdleWatch {
  secondsLeft = $state<number | null>(null);
  #idleMs = IDLE_MS;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  #countdown: ReturnType<typeof setInterval> | undefined;
  #active = false;

  constructor(private readonly onTimeout: () => void) {}

  /** Starts or stops watching; the first screen has nothing to wipe, so it is not watched. */
  setActive(active: boolean): void {
    this.#active = active;
    this.touch();
  }

  /** A step that waits on something outside the kiosk (a payment on the phone) allows longer. */
  setIdleMs(ms: number): void {
    this.#idleMs = ms;
    this.touch();
  }

  touch = (): void => {
    this.#clear();
    if (this.#active) this.#idleTimer = setTimeout(this.#startCountdown, this.#idleMs);
  };

  dispose(): void {
    this.#active = false;
    this.#clear();
  }

  #startCountdown = (): void => {
    this.secondsLeft = COUNTDOWN_S;
    this.#countdown = setInterval(() => {
      const left = (this.secondsLeft ?? 1) - 1;
      if (left > 0) {
        this.secondsLeft = left;
        return;
      }
      this.#clear();
      this.onTimeout();
    }, 1000);
  };

  #clear(): void {
    clearTimeout(this.#idleTimer);
    clearInterval(this.#countdown);
    this.secondsLeft = null;
  }
}
