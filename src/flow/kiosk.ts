import { getContext, setContext } from 'svelte';
import type { KioskConfig } from '../config';
import type { Camera } from '../devices/camera/camera';
import type { Keypad } from '../devices/keypad/keypad';
import type { Printer } from '../devices/printer/printer';
import type { Scanner } from '../devices/scanner/scanner';
import type { SignaturePad } from '../devices/signature/signature-pad';
import type { Speaker } from '../speech/speaker';
import type { Connection } from '../sync/connection.svelte';
import type { KioskDb } from '../sync/kiosk-db';
import type { KioskOutbox } from '../sync/kiosk-outbox';
import type { EventLog } from './events';
import type { IdleWatch } from './idle.svelte';
import type { Journey } from './journey.svelte';
import type { Readiness } from './readiness.svelte';
import type { Session } from './session.svelte';

/** The objects every step works with, shared through Svelte's context. */
export interface Kiosk {
  config: KioskConfig;
  session: Session;
  journey: Journey;
  idle: IdleWatch;
  log: EventLog;
  printer: Printer;
  /** The profile's camera: every step that sees the citizen, and technician mode's test, open this one. */
  camera: Camera;
  /** Listened to on the start screen for an e-application's QR; null when the profile has none there. */
  scanner: Scanner | null;
  /** The signature step's pad (the touchscreen or a pen pad), attached to its canvas while it shows. */
  signaturePad: SignaturePad;
  /** The profile reads e-application QR codes with the camera: the start screen offers it to the citizen. */
  scanByCamera: boolean;
  /** The tactile keypad (or a keyboard): moves the focus, and types into the number fields. */
  keypad: Keypad;
  readiness: Readiness;
  outbox: KioskOutbox;
  connection: Connection;
  /** The kiosk's IndexedDB: the outbox, the terminal, technician settings. */
  db: KioskDb;
  /** Says the screen aloud (src/speech/speaker.ts). */
  speaker: Speaker;
}

const KEY = Symbol('kiosk');

export function provideKiosk(kiosk: Kiosk): void {
  setContext(KEY, kiosk);
}

export function useKiosk(): Kiosk {
  const kiosk = getContext<Kiosk | undefined>(KEY);
  if (!kiosk) throw new Error('useKiosk() called outside the kiosk');
  return kiosk;
}
