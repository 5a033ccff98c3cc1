import { describe, expect, it } from 'vitest';
import { instantOfLocal, localOfInstant, problemRequest, problemsQuery, thisWeek, weekOf, type ProblemForm } from './problems-form';

describe('the problems page', () => {
  it('opens at the week (Monday to Sunday, Kazakhstan) of now', () => {
    // Sunday 2026-12-06 20:00 UTC is Monday 01:00 in Kazakhstan: the next week already.
    expect(thisWeek(new Date('2026-12-06T20:00:00Z'))).toEqual({ from: '2026-12-07', to: '2026-12-13', centreId: '', status: '' });
    expect(weekOf('2026-12-06')).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(weekOf('2027-01-01')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
  });

  it('asks for the filters given and the next page', () => {
    expect(problemsQuery({ from: '2026-11-30', to: '2026-12-06', centreId: 'AST-ESIL', status: 'open' }, null)).toBe('?from=2026-11-30&to=2026-12-06&centreId=AST-ESIL&status=open&limit=50');
    expect(problemsQuery({ from: '', to: '', centreId: '', status: '' }, '2026-12-06T12:00:00.000000Z~x', 10)).toBe('?limit=10&before=2026-12-06T12%3A00%3A00.000000Z%7Ex');
  });

  it('reads the form\'s time as Kazakhstan\'s, whatever the computer\'s zone', () => {
    expect(instantOfLocal('2026-12-07T00:30')).toBe('2026-12-06T19:30:00.000Z');
    expect(localOfInstant(new Date('2026-12-06T19:30:00Z'))).toBe('2026-12-07T00:30');
    expect(instantOfLocal('2026-02-30T10:00')).toBeNull();
    expect(instantOfLocal('')).toBeNull();
  });

  const now = new Date('2026-12-06T12:00:00Z');
  const form = (change: Partial<ProblemForm> = {}): ProblemForm => ({
    centreId: 'AST-ESIL',
    terminalId: '',
    category: 'network',
    happenedAt: '2026-12-06T16:30',
    description: ' No link since the morning ',
    actionTaken: '',
    ...change,
  });

  it('makes the request, trimmed, with a terminal and the action only when given', () => {
    expect(problemRequest(form(), now)).toEqual({ ok: true, request: { centreId: 'AST-ESIL', category: 'network', happenedAt: '2026-12-06T11:30:00.000Z', description: 'No link since the morning' } });
    expect(problemRequest(form({ terminalId: 'T-1', actionTaken: ' Router restarted ' }), now)).toMatchObject({ ok: true, request: { terminalId: 'T-1', actionTaken: 'Router restarted' } });
  });

  it.each([
    [{ centreId: '' }, 'centre_required'],
    [{ category: '' }, 'category_required'],
    [{ happenedAt: '' }, 'invalid_happened_at'],
    [{ happenedAt: '2026-12-06T17:02' }, 'happened_in_future'],
    [{ description: '   ' }, 'description_required'],
    [{ description: 'x'.repeat(2001) }, 'description_too_long'],
    [{ actionTaken: 'x'.repeat(2001) }, 'action_too_long'],
  ] as const)('says what is wrong with %j: %s', (change, problem) => {
    expect(problemRequest(form(change), now)).toEqual({ ok: false, problem });
  });
});
