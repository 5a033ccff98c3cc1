import { describe, expect, it } from 'vitest';
import { translate, type MessageKey, type Params } from '../i18n';
import type { Lang } from '../protocol/common';
import { BackOfficeError } from '../sync/backoffice';
import { failureMessage, limitText } from './limit-message';

const t = (lang: Lang) => (key: MessageKey, params?: Params) => translate(lang, key, params);
const tooMany = (code: string, retryAfterS: number | null) => new BackOfficeError(code, 429, retryAfterS);

describe('a limit said to the citizen', () => {
  it('says how many minutes to wait after too many wrong codes, in each language', () => {
    const error = tooMany('too_many_wrong_codes', 1200);
    expect(limitText(error, t('ru'))).toBe('Слишком много неверных кодов. Попробуйте через 20 мин или обратитесь к оператору.');
    expect(limitText(error, t('kk'))).toBe('Қате код тым көп енгізілді. 20 минуттан кейін қайталаңыз немесе операторға жүгініңіз.');
    expect(limitText(error, t('en'))).toBe('Too many wrong codes. Please try again in 20 min, or see an operator.');
  });

  it('rounds up to whole minutes, and speaks of hours for a long wait', () => {
    expect(limitText(tooMany('too_many_codes', 61), t('ru'))).toBe(
      'На этот номер уже отправлено много кодов. Попробуйте через 2 мин или обратитесь к оператору.',
    );
    expect(limitText(tooMany('too_many_wrong_codes', 23 * 3600), t('ru'))).toContain('через 23 ч');
    expect(limitText(tooMany('too_many_wrong_codes', 23 * 3600), t('kk'))).toContain('23 сағаттан кейін');
  });

  it('says seconds for a new code asked too soon', () => {
    expect(limitText(tooMany('resend_too_early', 40), t('ru'))).toBe('Код уже отправлен. Новый можно запросить через 40 с.');
    expect(limitText(tooMany('resend_too_early', 40), t('kk'))).toBe('Код жіберілді. Жаңа кодты 40 секундтан кейін сұрай аласыз.');
  });

  it('says "too many tries" for a limit it does not know, a minute when no Retry-After came', () => {
    expect(limitText(tooMany('too_many_requests', 30), t('ru'))).toBe('Слишком много попыток. Попробуйте через 30 с.');
    expect(limitText(tooMany('some_new_limit', null), t('en'))).toBe('Too many tries. Please try again in 1 min.');
  });

  it('leaves every other failure to the step', () => {
    expect(limitText(new BackOfficeError('invalid_iin', 400), t('ru'))).toBeNull();
    expect(failureMessage(new BackOfficeError('network', null), 'phone', t('ru'))).toEqual({
      code: 'network',
      text: translate('ru', 'error.network'),
    });
    expect(failureMessage(tooMany('too_many_requests', 50), 'iin', t('en'))).toEqual({
      code: 'too_many_requests',
      text: 'Too many tries. Please try again in 50 s.',
    });
  });
});
