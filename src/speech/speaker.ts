/**
 * What the kiosk says aloud (issue 14): the contract between the speech (src/speech/) and what asks
 * for it — the "listen" button, the tactile keypad's focus, a step that changes its instruction.
 * Every text spoken is one the screen shows, in the language of the element it is in.
 */
export interface Speaker {
  /** Says the screen: its title, instruction and messages (an open dialog's instead), then its controls. */
  speakScreen(): void;
  /** Says one element: the control the keypad's focus moved to, or a message that just appeared. */
  speakElement(element: Element): void;
  /** Stops what is being said: the citizen moved on, or the session ended. */
  stop(): void;
  /** The volume the on-screen buttons (and a keypad's volume keys) change; none when nothing is said. */
  readonly volume?: SpeechVolume;
}

/** Speech volume in steps; back to the default when the session ends. */
export interface SpeechVolume {
  /** 0 is the quietest, steps - 1 the loudest. */
  readonly step: number;
  readonly steps: number;
  up(): void;
  down(): void;
}
