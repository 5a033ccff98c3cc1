import { describe, expect, it } from 'vitest';
import { APPLICATION_STATUSES, isFinal, isOpen, nextStatuses, statusChange, type ApplicationStatus, type StatusActor } from './status-machine';

const ACTORS: StatusActor[] = ['checks', 'staff', 'production', 'tester'];

describe("an application's status", () => {
  it('is settled by the checks from pending_checks: accepted, rejected, or held for a person', () => {
    expect(nextStatuses('pending_checks', 'checks').sort()).toEqual(['accepted', 'in_review', 'rejected']);
    expect(nextStatuses('pending_checks', 'staff')).toEqual([]);
  });

  it('leaves a review only by a staff decision, to accepted or rejected', () => {
    expect(nextStatuses('in_review', 'staff').sort()).toEqual(['accepted', 'rejected']);
    expect(statusChange('in_review', 'accepted', 'checks')).toEqual({ ok: false, code: 'not_allowed' });
    expect(statusChange('in_review', 'pending_checks', 'staff')).toEqual({ ok: false, code: 'not_allowed' });
  });

  it('never lets staff move an application the checks decided, nor skip production steps', () => {
    expect(statusChange('accepted', 'rejected', 'staff')).toEqual({ ok: false, code: 'not_allowed' });
    expect(statusChange('pending_checks', 'accepted', 'staff')).toEqual({ ok: false, code: 'not_allowed' });
    expect(statusChange('accepted', 'ready', 'production')).toEqual({ ok: false, code: 'not_allowed' });
    expect(statusChange('accepted', 'in_production', 'production')).toEqual({ ok: true });
  });

  it('ends at rejected, issued or withdrawn: nothing moves out of them, whoever asks', () => {
    for (const final of ['rejected', 'issued', 'withdrawn'] as const) {
      expect(isFinal(final)).toBe(true);
      expect(isOpen(final)).toBe(false);
      for (const to of APPLICATION_STATUSES) for (const by of ACTORS) expect(statusChange(final, to, by).ok).toBe(false);
    }
  });

  it('is withdrawn only by a tester, from any open status, which frees the citizen to apply again', () => {
    const open = APPLICATION_STATUSES.filter(isOpen);
    expect(open.sort()).toEqual(['accepted', 'in_production', 'in_review', 'pending_checks', 'ready']);
    for (const from of open) {
      expect(statusChange(from, 'withdrawn', 'tester')).toEqual({ ok: true });
      for (const by of ['checks', 'staff', 'production'] as const) expect(statusChange(from, 'withdrawn', by)).toEqual({ ok: false, code: 'not_allowed' });
    }
    expect(isOpen('withdrawn')).toBe(false);
    // The tester does nothing else: no acceptance, no refusal.
    for (const from of APPLICATION_STATUSES) expect(nextStatuses(from, 'tester').filter((to) => to !== 'withdrawn')).toEqual([]);
  });

  it('refuses a change to the same status, so a repeated decision is not recorded twice', () => {
    for (const status of APPLICATION_STATUSES) expect(statusChange(status, status, 'staff')).toEqual({ ok: false, code: 'same_status' });
  });

  it('reaches every status from pending_checks, and every open one can still end', () => {
    const reached = new Set<ApplicationStatus>(['pending_checks']);
    for (const from of reached) for (const by of ACTORS) for (const to of nextStatuses(from, by)) reached.add(to); // a Set's for…of visits what is added meanwhile
    expect([...reached].sort()).toEqual([...APPLICATION_STATUSES].sort());
    for (const status of APPLICATION_STATUSES) expect(isFinal(status) || ACTORS.some((by) => nextStatuses(status, by).length > 0)).toBe(true);
  });
});
