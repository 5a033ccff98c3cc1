import { describe, expect, it } from 'vitest';
import { auditQuery, auditSubject } from './audit-query';

describe("the audit page's query", () => {
  const none = { username: '', action: '', number: '', from: '', to: '' };

  it('asks for a page and nothing the form leaves empty', () => {
    expect(auditQuery(none, null)).toBe('?limit=50');
  });

  it('sends each filter as the back office reads it, the number in capitals, and the older page by its id', () => {
    expect(auditQuery({ username: ' operator ', action: 'application_viewed', number: 'abcd-efgh-2345', from: '2026-06-01', to: '2026-06-15' }, '1234', 20)).toBe(
      '?username=operator&action=application_viewed&number=ABCD-EFGH-2345&from=2026-06-01&to=2026-06-15&limit=20&before=1234',
    );
  });
});

describe('what an audit entry is about', () => {
  it('names the account, centre or branch changed, and the name a stranger tried', () => {
    expect(auditSubject({ action: 'account_created', staffId: 'a', details: { username: 'new.op', role: 'operator' } })).toBe('new.op');
    expect(auditSubject({ action: 'centre_edited', staffId: 'a', details: { centre: 'AST-ESIL', version: 3 } })).toBe('AST-ESIL v3');
    expect(auditSubject({ action: 'branch_edited', staffId: 'a', details: { branch: 'BAI', version: 2 } })).toBe('BAI v2');
    expect(auditSubject({ action: 'sign_in_failed', staffId: null, details: { username: 'guess' } })).toBe('guess');
    expect(auditSubject({ action: 'terminal_moved', staffId: 'a', details: { terminalId: 'AST-ESIL-07', from: 'AST-ESIL', to: 'AST-SARYARKA' } })).toBe('AST-ESIL-07');
    expect(auditSubject({ action: 'sign_in', staffId: 'a', details: { ip: '10.0.0.1' } })).toBe('');
  });
});
