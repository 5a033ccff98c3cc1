import { describe, expect, it } from 'vitest';
import { TERMINAL_NAME_MAX } from '../src/protocol/staff-terminals';
import { centreLabel, generatedTerminalId, terminalIdProblem, terminalName } from './terminal-form';

describe("the terminal forms' rules", () => {
  it('generates ids the back office takes, named after the centre, even for the longest centre id', () => {
    const id = generatedTerminalId('AST-ESIL');
    expect(id).toMatch(/^AST-ESIL-[A-HJKMNP-Z2-9]{5}$/);
    expect(terminalIdProblem(id)).toBeNull();
    const long = generatedTerminalId('C'.repeat(32), () => 0);
    expect(long).toBe(`${'C'.repeat(26)}-AAAAA`);
    expect(terminalIdProblem(long)).toBeNull();
    expect(generatedTerminalId('AST-ESIL', (n) => n - 1)).toBe('AST-ESIL-99999');
  });

  it('says what is wrong with a typed id: empty, lower case, a leading hyphen, too long, other letters', () => {
    expect(terminalIdProblem('')).toBe('required');
    for (const id of ['ast-1', '-AST', 'A'.repeat(33), 'АСТ-1', 'AST 1']) expect(terminalIdProblem(id), id).toBe('invalid_terminal_id');
    expect(terminalIdProblem('AST-ESIL-1')).toBeNull();
  });

  it('trims a name, takes an empty one as no name, and refuses one longer than the back office keeps or of two lines', () => {
    expect(terminalName('  ЦОН Есиль, зал 1, у входа ')).toEqual({ ok: true, name: 'ЦОН Есиль, зал 1, у входа' });
    expect(terminalName('   ')).toEqual({ ok: true, name: null });
    expect(terminalName('ә'.repeat(TERMINAL_NAME_MAX))).toMatchObject({ ok: true });
    expect(terminalName('ә'.repeat(TERMINAL_NAME_MAX + 1))).toEqual({ ok: false, code: 'invalid_name' });
    expect(terminalName('Зал 1\nу входа')).toEqual({ ok: false, code: 'invalid_name' });
  });

  it('names a centre in the staff member’s language', () => {
    const centre = { id: 'AST-ESIL', branchId: 'AST', nameRu: 'ЦОН Есильского района г. Астаны', nameKk: 'Астана қаласы Есіл ауданының ХҚКО' };
    expect(centreLabel(centre, 'kk')).toBe('Астана қаласы Есіл ауданының ХҚКО (AST-ESIL)');
    expect(centreLabel(centre, 'ru')).toBe('ЦОН Есильского района г. Астаны (AST-ESIL)');
  });
});
