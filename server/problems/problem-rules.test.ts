import { describe, expect, it } from 'vitest';
import type { StaffPrincipal } from '../staff/scope';
import { checkDescription, checkHappenedAt, parseCursor, problemScope, sourceOf } from './problem-rules';

const staff = (role: StaffPrincipal['role'], centreId: string | null = null): StaffPrincipal => ({ id: 'x', username: role, role, branchId: 'AST', centreId });
const astana = ['AST-ESIL', 'AST-SARYARKA'];

describe('who reads and records problems where', () => {
  it.each([
    ['operator', 'AST-ESIL', ['AST-ESIL'], ['AST-ESIL']],
    ['supervisor', null, astana, astana],
    ['police', 'AST-ESIL', astana, astana],
    ['analyst', 'AST-ESIL', 'all', []],
    ['admin', null, 'all', []],
  ] as const)('%s (centre %s) reads %j and records at %j', (role, centre, read, write) => {
    expect(problemScope(staff(role, centre), astana)).toEqual({ read, write });
  });

  it('a police officer\'s problem is the police\'s, any other recorder\'s the branch\'s', () => {
    expect(sourceOf(staff('police'))).toBe('police');
    expect(sourceOf(staff('supervisor'))).toBe('branch');
    expect(sourceOf(staff('operator', 'AST-ESIL'))).toBe('branch');
  });
});

describe('a problem\'s fields', () => {
  it('trims the description and makes its line ends one; counts letters, not UTF-16 units', () => {
    expect(checkDescription('  first\r\nsecond \r')).toEqual({ ok: true, value: 'first\nsecond' });
    expect(checkDescription('😀'.repeat(2000)).ok).toBe(true);
    expect(checkDescription('😀'.repeat(2001))).toMatchObject({ ok: false, code: 'description_too_long' });
  });

  it('takes a time a minute ahead of the back office\'s clock at most', () => {
    const now = new Date('2026-12-06T12:00:00Z');
    expect(checkHappenedAt('2026-12-06T12:01:00.000Z', now).ok).toBe(true);
    expect(checkHappenedAt('2026-12-06T12:01:00.001Z', now)).toMatchObject({ ok: false, code: 'happened_in_future' });
  });

  it('reads a cursor the list gave and nothing else', () => {
    const id = '0b7d2d8e-59a7-4c37-9f6b-3f2f0f3d3a11';
    expect(parseCursor(`2026-12-06T12:00:00.123456Z~${id}`)).toEqual({ happenedAt: '2026-12-06T12:00:00.123456Z', id });
    expect(parseCursor(`2026-02-30T12:00:00.123456Z~${id}`)).toBeNull();
    expect(parseCursor(`2026-12-06T12:00:00Z~${id}`)).toBeNull();
    expect(parseCursor(`2026-12-06T12:00:00.123456Z~${id.toUpperCase()}`)).toBeNull();
  });
});
