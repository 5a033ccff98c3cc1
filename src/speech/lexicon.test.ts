import { describe, expect, it } from 'vitest';
import { applyLexicon } from './lexicon';

describe('pronunciation lexicon', () => {
  it('spells out abbreviations espeak-ng reads as words', () => {
    expect(applyLexicon('kk', 'ЖСН-да дәл 12 цифр бар.')).toBe('жэ эс эн-да дәл 12 цифр бар.');
    expect(applyLexicon('kk', 'ХҚКО қызметкеріне')).toBe('хэ қа ка о қызметкеріне');
    expect(applyLexicon('ru', 'Введите ИИН')).toBe('Введите и и эн');
  });

  it('says signs and units in full, but not a letter that is a word', () => {
    expect(applyLexicon('ru', 'Новый код через {s} с')).toBe('Новый код через {s} секунд');
    expect(applyLexicon('ru', 'Сфотографируйтесь с открытыми глазами')).toBe('Сфотографируйтесь с открытыми глазами');
    expect(applyLexicon('en', 'in {n} min')).toBe('in {n} minutes');
    expect(applyLexicon('kk', '786 ₸')).toBe('786 теңге');
  });

  it('says a figure with its Kazakh case ending as a word with it', () => {
    expect(applyLexicon('kk', 'Жетінші цифр 1-ден 6-ға дейін болуы керек.')).toBe('Жетінші цифр бірден алтыға дейін болуы керек.');
    expect(applyLexicon('kk', '+7-ден кейін 10 цифр')).toBe('плюс жетіден кейін 10 цифр');
  });

  it('leaves a language its own words: ИИН is Russian, ЖСН Kazakh', () => {
    expect(applyLexicon('en', 'Enter your IIN')).toBe('Enter your I I N');
    expect(applyLexicon('en', 'ЖСН')).toBe('ЖСН');
    expect(applyLexicon('kk', 'SMS')).toBe('эс эм эс');
  });
});
