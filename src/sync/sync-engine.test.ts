import { describe, expect, it } from 'vitest';
import type { SealedPacket } from '../protocol/packets';
import type { DrainResult, Drainer } from './drain';
import { httpSend, startSync, type Every } from './sync-engine';

const done: DrainResult = { sent: 1, quarantined: 0, retrying: 0, offline: false };

function countingDrainer(outcome: () => Promise<DrainResult> = () => Promise.resolve(done)) {
  const drainer: Drainer & { calls: number } = {
    calls: 0,
    drain: () => {
      drainer.calls++;
      return outcome();
    },
  };
  return drainer;
}

/** Lets the promise chains started so far run to their end. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

function manualTimer() {
  const timer = { ms: 0, tick: () => {}, cancelled: false };
  const every: Every = (ms, fn) => {
    timer.ms = ms;
    timer.tick = fn;
    return () => (timer.cancelled = true);
  };
  return { timer, every };
}

describe('startSync', () => {
  it('drains on start, when back online, on every tick and when told of a new packet', async () => {
    const drainer = countingDrainer();
    const events = new EventTarget();
    const { timer, every } = manualTimer();
    const sync = startSync({ drainer, events, intervalMs: 30_000, every });
    await settled();
    expect(drainer.calls).toBe(1);
    events.dispatchEvent(new Event('online'));
    await settled();
    expect(drainer.calls).toBe(2);
    expect(timer.ms).toBe(30_000);
    timer.tick();
    expect(drainer.calls).toBe(3);
    sync.notify();
    expect(drainer.calls).toBe(4);
    events.dispatchEvent(new Event('offline'));
    await settled();
    expect(drainer.calls).toBe(4);
  });

  it('wakes backed-off packets before draining on start and when the link comes back, not on a tick or a new packet', async () => {
    const order: string[] = [];
    const drainer: Drainer = {
      drain: () => {
        order.push('drain');
        return Promise.resolve(done);
      },
    };
    const events = new EventTarget();
    const { timer, every } = manualTimer();
    const sync = startSync({ drainer, events, intervalMs: 30_000, every, wake: () => Promise.resolve(order.push('wake')) });
    await settled();
    expect(order).toEqual(['wake', 'drain']);
    timer.tick();
    sync.notify();
    expect(order).toEqual(['wake', 'drain', 'drain', 'drain']);
    sync.linkBack();
    await settled();
    expect(order.slice(4)).toEqual(['wake', 'drain']);
  });

  it('does nothing more once stopped', async () => {
    const drainer = countingDrainer();
    const events = new EventTarget();
    const { timer, every } = manualTimer();
    const sync = startSync({ drainer, events, intervalMs: 30_000, every });
    await settled();
    sync.stop();
    expect(timer.cancelled).toBe(true);
    events.dispatchEvent(new Event('online'));
    sync.notify();
    sync.linkBack();
    await settled();
    expect(drainer.calls).toBe(1);
  });

  it('reports each drain, and a drain that failed', async () => {
    const failure = new Error('QuotaExceededError');
    const outcomes = [() => Promise.resolve(done), () => Promise.reject(failure)];
    const drainer = countingDrainer(() => (outcomes.shift() ?? (() => Promise.resolve(done)))());
    const drained: DrainResult[] = [];
    const errors: unknown[] = [];
    await new Promise<void>((bothReported) => {
      const sync = startSync({
        drainer,
        events: new EventTarget(),
        intervalMs: 1_000,
        every: manualTimer().every,
        onDrained: (result) => drained.push(result),
        onError: (error) => {
          errors.push(error);
          bothReported();
        },
      });
      sync.notify();
    });
    expect(drained).toEqual([done]);
    expect(errors).toEqual([failure]);
  });
});

describe('httpSend', () => {
  const packet = { applicationId: '00000000-0000-4000-8000-000000000001' } as SealedPacket;

  it('posts the packet as JSON and hands back the status and body', async () => {
    const requests: { url: string; init: RequestInit | undefined }[] = [];
    const fetchStub = (url: string | URL | Request, init?: RequestInit) => {
      requests.push({ url: String(url), init });
      return Promise.resolve(Response.json({ status: 'received' }, { status: 201 }));
    };
    expect(await httpSend(fetchStub)(packet)).toEqual({ status: 201, body: { status: 'received' } });
    expect(requests).toHaveLength(1);
    expect(requests[0]?.url).toBe('/api/v1/packets');
    expect(requests[0]?.init).toMatchObject({ method: 'POST', body: JSON.stringify(packet) });
    expect(requests[0]?.init?.signal).toBeInstanceOf(AbortSignal);
  });

  it('gives no body for an answer that is not JSON', async () => {
    const fetchStub = () => Promise.resolve(new Response('<html>Bad Gateway</html>', { status: 502 }));
    expect(await httpSend(fetchStub)(packet)).toEqual({ status: 502, body: undefined });
  });

  it('rejects when no answer comes', async () => {
    const fetchStub = () => Promise.reject(new TypeError('Failed to fetch'));
    await expect(httpSend(fetchStub)(packet)).rejects.toThrow('Failed to fetch');
  });
});
