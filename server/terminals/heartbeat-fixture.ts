import type { Heartbeat } from '../../src/protocol/heartbeat';

/** For tests: a heartbeat of a kiosk in order, its fields changed by `change`. */
export function heartbeatBody(change: Partial<Heartbeat> = {}): Heartbeat {
  return {
    v: 1,
    appVersion: '0.4.0',
    outbox: { pending: 0, oldestPendingAgeS: null, quarantined: 0 },
    devices: {
      printer: { driver: 'webusb', state: 'ok' },
      camera: { driver: 'camera', state: 'ok' },
      pad: { driver: 'touch', state: 'ok' },
      scanner: { driver: 'webhid', state: 'ok' },
    },
    storage: { state: 'ok', usageBytes: 50_000_000, quotaBytes: 5_000_000_000 },
    readiness: { fault: null, detail: null, since: null },
    lastSyncAt: null,
    ...change,
  };
}
