import { API_PREFIX } from '../protocol/common';
import type { DrainResult, Drainer, Send } from './drain';

/**
 * When the page drains the outbox: on start, when the browser says it is back online, on a timer
 * (which also brings each backed-off packet round again), and when a packet has just been put.
 *
 * The service worker's part, when it comes: the page registers a Background Sync tag after each
 * put; the worker's `sync` handler opens its own KioskDb and drains with a drainer of its own over
 * the same `webLock`, so a packet sealed just before the kiosk's tab closed still leaves, and never
 * while a tab is sending it.
 */

/** The part of `window` the engine listens to. */
export type SyncEvents = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

/** Calls `fn` every `ms` until the returned function is called. */
export type Every = (ms: number, fn: () => void) => () => void;

export interface SyncOptions {
  drainer: Drainer;
  events: SyncEvents;
  intervalMs: number;
  every?: Every;
  onDrained?: (result: DrainResult) => void;
  /** Run before the drain when the link comes back and on start: makes backed-off packets due (makePendingDue). */
  wake?: () => Promise<unknown>;
  /** A drain that failed in the kiosk itself (IndexedDB), not in the network: packets are still safe. */
  onError?: (error: unknown) => void;
}

export interface Sync {
  /** A packet was just put: send it now if the link allows. */
  notify(): void;
  /** The back office answered again after a silence: send everything now, backoff or not. */
  linkBack(): void;
  stop(): void;
}

const everyInterval: Every = (ms, fn) => {
  const id = setInterval(fn, ms);
  return () => clearInterval(id);
};

export function startSync(options: SyncOptions): Sync {
  const { drainer, events, intervalMs, every = everyInterval, onDrained, wake = () => Promise.resolve(), onError = (error) => console.error('outbox drain failed', error) } = options;
  let stopped = false;
  const trigger = () => {
    if (stopped) return;
    void drainer.drain().then(onDrained, onError);
  };
  const linkBack = () => {
    if (stopped) return;
    void wake().then(() => drainer.drain()).then(onDrained, onError);
  };
  events.addEventListener('online', linkBack);
  const cancelTimer = every(intervalMs, trigger);
  linkBack();
  return {
    notify: trigger,
    linkBack,
    stop() {
      stopped = true;
      events.removeEventListener('online', linkBack);
      cancelTimer();
    },
  };
}

/** The drainer's `lock` in the browser: Web Locks, shared by the kiosk's tabs and its service worker. */
export async function webLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
  return await navigator.locks.request(name, fn);
}

/** Long enough for a packet of a few MB over a poor mobile link. */
export const PACKET_TIMEOUT_MS = 60_000;

/** Sends packets to the back office over fetch; a timeout rejects like a dropped connection. */
export function httpSend(fetchImpl: typeof fetch = fetch, timeoutMs = PACKET_TIMEOUT_MS): Send {
  return async (packet) => {
    const response = await fetchImpl(`${API_PREFIX}/packets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(packet),
      signal: AbortSignal.timeout(timeoutMs),
    });
    // A body that is not JSON is an answer off the contract, which the drain retries.
    const body: unknown = await response.json().catch(() => undefined);
    return { status: response.status, body };
  };
}
