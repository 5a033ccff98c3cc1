import { describe, expect, it } from 'vitest';
import { formatTiyn } from '../domain/fees';
import { maskPhone } from '../domain/phone';
import { translate } from '../i18n';
import { matchMessage, personalWords, textWords } from './screen-match';
import { PAUSE } from './spoken-values';

const loud = { private: false };
const headphones = { private: true };

describe('the screen matched back to the catalogue', () => {
  it('finds the message a text was made from, with its values', () => {
    expect(matchMessage('ru', translate('ru', 'common.stepOf', { n: 3, total: 8 }))).toEqual({ key: 'common.stepOf', values: { n: '3', total: '8' } });
    expect(matchMessage('kk', 'Тілді таңдаңыз')).toEqual({ key: 'language.title', values: {} });
    expect(matchMessage('kk', 'Қазақша')?.key).toBe('language.name');
    expect(matchMessage('en', 'Something the catalogue never said')).toBeNull();
  });

  it('prefers the more specific message and reads its count in words', () => {
    expect(textWords('ru', translate('ru', 'phone.code.resendIn', { s: 45 }), loud)).toEqual(['Новый код через', 'сорок', 'пять', 'с']);
  });

  it('says the amount to pay in words', () => {
    const shown = translate('kk', 'payment.amount', { amount: formatTiyn(78_640, 'kk') });
    expect(textWords('kk', shown, loud)).toEqual(['Төлеуге', 'жеті', 'жүз', 'сексен', 'алты', 'теңге', 'қырық', 'тиын']);
  });

  it('says a value that is itself a message (a wait) by its own parts', () => {
    const wait = translate('en', 'limit.wait.min', { n: 5 });
    expect(textWords('en', translate('en', 'limit.too_many_requests', { wait }), loud)).toEqual(['Too many tries. Please try again', 'in', 'five', 'min']);
  });

  it('says the ready-by date', () => {
    expect(textWords('ru', translate('ru', 'done.body', { date: '15.01.2027' }), loud)).toEqual([
      'Документ будет готов к', 'пятнадцатому', 'января', 'две', 'тысячи', 'двадцать', 'седьмого', 'года', 'Мы пришлём SMS.',
    ]);
  });

  it('keeps the phone number in a message from the loudspeaker, and says it on headphones', () => {
    const shown = translate('kk', 'phone.code.hint', { phone: maskPhone('+77012345678') });
    expect(textWords('kk', shown, loud)).toEqual(['жасырын', 'нөміріне 6 цифр жібердік.']);
    expect(textWords('kk', shown, headphones)?.slice(0, 6)).toEqual(['плюс', 'жеті', PAUSE, 'жеті', 'нөл', 'бір']);
  });

  it('says an element marked data-personal only on headphones, spelt when data-spell', () => {
    expect(personalWords('ru', '900101300123', { spell: true, ...loud })).toEqual(['скрыто']);
    expect(personalWords('ru', '9001', { spell: true, ...headphones })).toEqual(['девять', 'ноль', 'ноль', 'один']);
  });

  it('says two messages shown together as both, and a key of the keypad as its digit', () => {
    const shown = `${translate('kk', 'identify.error.too_many_attempts')} ${translate('kk', 'common.seeOperator')}`;
    expect(textWords('kk', shown, loud)).toEqual(['Жеке басыңызды растай алмадық.', 'Операторға жүгініңіз.']);
    expect(textWords('en', '7', loud)).toEqual(['seven']);
    expect(textWords('en', 'Nothing. From the catalogue.', loud)).toBeNull();
  });
});
