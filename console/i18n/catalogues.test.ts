import { describe, expect, it } from 'vitest';
import { placeholders } from '../../src/i18n';
import { ConsoleError } from '../api';
import { errorText } from '../error-text';
import { CONSOLE_CATALOGUES, CONSOLE_LANGS, formatWait, pickLang } from './index';


describe("the console's words", () => {
  it('has every key in every language, with the same placeholders and no empty text', () => {
    const keys = Object.keys(CONSOLE_CATALOGUES.en).sort();
    for (const lang of CONSOLE_LANGS) {
      const catalogue = CONSOLE_CATALOGUES[lang];
      expect(Object.keys(catalogue).sort(), lang).toEqual(keys);
      for (const key of keys) {
        const text = catalogue[key as keyof typeof catalogue];
        expect(text.trim(), `${lang} ${key}`).not.toBe('');
        expect(placeholders(text), `${lang} ${key}`).toEqual(placeholders(CONSOLE_CATALOGUES.en[key as keyof typeof CONSOLE_CATALOGUES.en]));
      }
    }
  });

  it("speaks the language chosen before, else the browser's first of ours, else Russian", () => {
    expect(pickLang('kk', ['en-US'])).toBe('kk');
    expect(pickLang(null, ['de-DE', 'kk-KZ', 'ru'])).toBe('kk');
    expect(pickLang('xx', ['en-GB'])).toBe('en');
    expect(pickLang(null, ['de'])).toBe('ru');
  });

  it('says each refusal in words, with the wait of a lockout', () => {
    expect(errorText('ru', new ConsoleError('invalid_credentials', 401))).toBe('Неверное имя пользователя или пароль.');
    expect(errorText('kk', new ConsoleError('too_many_sign_ins', 429, 600))).toBe('Сәтсіз әрекет тым көп. 10 минуттан кейін қайталаңыз.');
    expect(errorText('en', new ConsoleError('some_new_code', 400))).toBe('Something went wrong (some_new_code).');
    expect(errorText('ru', new ConsoleError('bad_response', 200))).toBe(CONSOLE_CATALOGUES.ru['error.server']);
    expect(formatWait('en', 30)).toBe('30 s');
    expect(formatWait('en', 61)).toBe('2 min');
  });
});
