import { getContext, setContext } from 'svelte';
import type { KioskConfig } from '../config';
import type { EmulatedPrinter } from '../devices/printer/emulated-printer.svelte';
import type { EventLog } from './events';
import type { IdleWatch } from './idle.svelte';
import type { Journey } from './journey.svelte';
import type { Session } from './session.svelte';

/** The objects every step works with, shared through Svelte's context. */
export interface Kiosk {
  config: KioskConfig;
  session: Session;
  journey: Journey;
  idle: IdleWatch;
  log: EventLog;
  printer: EmulatedPrinter;
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
