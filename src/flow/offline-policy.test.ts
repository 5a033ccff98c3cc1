import { describe, expect, it } from 'vitest';
import { DEFERRED_CHECKS } from '../protocol/packets';
import { OFFLINE_POLICY, pendingChecks } from './offline-policy';
import { STEP_IDS } from './steps';

describe('OFFLINE_POLICY', () => {
  it('says what every step does online and offline', () => {
    expect(Object.keys(OFFLINE_POLICY).sort()).toEqual([...STEP_IDS].sort());
    for (const id of STEP_IDS) {
      expect(OFFLINE_POLICY[id].online.length, id).toBeGreaterThan(0);
      expect(OFFLINE_POLICY[id].offline.length, id).toBeGreaterThan(0);
    }
  });

  it('defers each state-system check from exactly one step', () => {
    const deferring = STEP_IDS.flatMap((id) => (OFFLINE_POLICY[id].defers ? [OFFLINE_POLICY[id].defers] : []));
    expect(deferring.sort()).toEqual([...DEFERRED_CHECKS].sort());
  });
});

describe('pendingChecks', () => {
  it('is empty for a journey made online', () => {
    expect(pendingChecks(new Set())).toEqual([]);
  });

  it('names the checks of the steps that ran offline, in the journey order', () => {
    expect(pendingChecks(new Set(['payment', 'iin']))).toEqual(['registry', 'payment']);
    expect(pendingChecks(new Set(['photo', 'signature']))).toEqual([]);
    expect(pendingChecks(new Set(['iin', 'phone', 'identify', 'payment']))).toEqual(['registry', 'phone', 'face_match', 'payment']);
  });
});
