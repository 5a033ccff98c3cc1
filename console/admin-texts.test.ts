import { describe, expect, it } from 'vitest';
import { CENTRE_ERROR_CODES } from '../src/protocol/centres';
import type { NewAccountResult } from '../server/staff/accounts';
import type { AccountFormProblem } from './account-form';
import { ConsoleError } from './api';
import { AUDIT_ACTIONS } from './audit-query';
import { errorText } from './error-text';
import { CONSOLE_CATALOGUES, CONSOLE_LANGS } from './i18n';

// Every refusal the admin's routes and forms can give, listed by type so a new code fails to compile here until it is worded.
const ACCOUNT_CODES: Record<Extract<NewAccountResult, { ok: false }>['code'] | AccountFormProblem, true> = {
  unknown_centre: true,
  unknown_branch: true,
  centre_required: true,
  branch_required: true,
  centre_not_in_branch: true,
  username_taken: true,
  invalid_username: true,
  password_too_short: true,
};
const ROUTE_CODES = ['cannot_disable_self', 'not_found', 'invalid_request', 'invalid_date_range', 'forbidden_role', 'csrf', 'cross_site_request'];

describe("the admin pages' words", () => {
  it.each(CONSOLE_LANGS)('say every refusal of the accounts, audit and centre routes in %s, none as "something went wrong"', (lang) => {
    for (const code of [...Object.keys(ACCOUNT_CODES), ...CENTRE_ERROR_CODES, ...ROUTE_CODES]) {
      expect(errorText(lang, new ConsoleError(code, 400)), code).not.toBe(errorText(lang, new ConsoleError('no_such_code', 400)).replace('no_such_code', code));
      expect(`error.${code}` in CONSOLE_CATALOGUES[lang], code).toBe(true);
    }
  });

  it.each(CONSOLE_LANGS)('name every audited action in %s', (lang) => {
    for (const action of AUDIT_ACTIONS) expect(`action.${action}` in CONSOLE_CATALOGUES[lang], action).toBe(true);
  });

  it('words an operator without a centre in each language', () => {
    expect(errorText('ru', new ConsoleError('centre_required', 400))).toBe('Оператору нужен ЦОН: выберите его.');
    expect(errorText('kk', new ConsoleError('version_conflict', 409))).toBe('Біреу өзгерісті бұрын сақтап қойды. Бетті жаңартып, өзіңіздікін қайта енгізіңіз.');
  });
});
