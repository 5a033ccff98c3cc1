import { describe, expect, it } from 'vitest';
import { CATALOGUES, LANGS, placeholders, translate } from './index';
import { en } from './en';

const keys = Object.keys(en).sort();

describe('message catalogues', () => {
  it.each(LANGS)('%s has exactly the keys of the English catalogue', (lang) => {
    const own = Object.keys(CATALOGUES[lang]).sort();
    expect(keys.filter((k) => !own.includes(k)), 'missing').toEqual([]);
    expect(own.filter((k) => !keys.includes(k)), 'unknown').toEqual([]);
  });

  it.each(LANGS)('%s has no empty message and the same placeholders as English', (lang) => {
    for (const key of keys) {
      const text = CATALOGUES[lang][key as keyof typeof en];
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(text), key).toEqual(placeholders(en[key as keyof typeof en]));
    }
  });

  it('Kazakh messages are written in Kazakh letters, not copied from Russian', () => {
    const same = keys.filter((k) => CATALOGUES.kk[k as keyof typeof en] === CATALOGUES.ru[k as keyof typeof en]);
    // Only words that are the same in both languages by nature may repeat.
    expect(same).toEqual(['receipt.label.terminal']);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('ru', 'phone.code.error.wrong_code', { n: 2 })).toBe('Неверный код. Осталось попыток: 2.');
    expect(translate('kk', 'common.stepOf', { n: 3, total: 8 })).toBe('3-қадам, барлығы 8');
    expect(translate('en', 'common.stepOf', { n: 3 })).toBe('Step 3 of {total}');
  });
});
