import { describe, expect, it } from 'vitest';
import { placeholders } from '../i18n';
import { TECH_MESSAGES, ageText, sizeText, techText } from './messages';

describe('technician messages', () => {
  it('has every key in both languages, with the same parameters', () => {
    for (const [key, text] of Object.entries(TECH_MESSAGES.ru)) {
      const kk = TECH_MESSAGES.kk[key as keyof typeof TECH_MESSAGES.kk];
      expect(kk, key).toBeTruthy();
      expect(placeholders(kk), key).toEqual(placeholders(text));
    }
  });

  it('fills in parameters and leaves unknown ones visible', () => {
    expect(techText('ru', 'pin.wrong', { n: 3 })).toBe('Неверный PIN. Осталось попыток: 3');
    expect(techText('kk', 'pin.locked', { time: '10:45' })).toBe('PIN енгізу 10:45 дейін бұғатталды');
    expect(techText('ru', 'pin.wrong')).toBe('Неверный PIN. Осталось попыток: {n}');
  });

  it('says ages in minutes, hours and minutes, or days', () => {
    expect(ageText('ru', 59 * 60_000)).toBe('59 мин');
    expect(ageText('ru', 125 * 60_000)).toBe('2 ч 5 мин');
    expect(ageText('kk', 3 * 24 * 3_600_000)).toBe('3 күн');
  });

  it('says sizes in MB below a gigabyte and GB above', () => {
    expect(sizeText(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(sizeText(300 * 1024 * 1024)).toBe('300 MB');
    expect(sizeText(3 * 1024 ** 3)).toBe('3.0 GB');
  });
});
