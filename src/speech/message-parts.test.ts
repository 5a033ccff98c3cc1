import { describe, expect, it } from 'vitest';
import { CATALOGUES, LANG_NAMES, LANGS } from '../i18n';
import { clipsOf, splitMessage, unspokenMessages, type SpeechManifest } from './message-parts';

function fullManifest(): SpeechManifest {
  const manifest = { kk: {}, ru: {}, en: {} } as SpeechManifest;
  for (const lang of LANGS) for (const key of clipsOf(lang).keys()) manifest[lang][key] = `speech/${lang}/x.mp3`;
  return manifest;
}

describe('messages cut into clips', () => {
  it('cuts a message at its placeholders, dropping the punctuation that joins them', () => {
    expect(splitMessage('kk', 'Төлеуге: {amount}')).toEqual([
      { kind: 'text', shown: 'Төлеуге: ', key: 'Төлеуге', spoken: 'Төлеуге' },
      { kind: 'slot', name: 'amount' },
    ]);
    const parts = splitMessage('kk', 'Қайта түсіру ({n} қалды)').map((s) => (s.kind === 'text' ? s.key : `{${s.name}}`));
    expect(parts).toEqual(['Қайта түсіру', '{n}', 'қалды']);
  });

  it('speaks a part as the lexicon says it, and keys it as the screen shows it', () => {
    const [first, , last] = splitMessage('ru', 'Через {s} с сеанс закончится.');
    expect(first).toMatchObject({ key: 'Через', spoken: 'Через' });
    expect(last).toMatchObject({ key: 'с сеанс закончится.', spoken: 'секунд сеанс закончится.' });
    expect(splitMessage('kk', 'ЖСН енгізіңіз')[0]).toMatchObject({ key: 'ЖСН енгізіңіз', spoken: 'жэ эс эн енгізіңіз' });
  });

  it('needs a clip for every message of every catalogue, the language names and the value words', () => {
    for (const lang of LANGS) {
      const clips = clipsOf(lang);
      expect(clips.get(LANG_NAMES[lang])?.sources).toContainEqual({ language: lang });
      expect(clips.has(CATALOGUES[lang]['iin.title'])).toBe(true);
      expect(clips.has(lang === 'kk' ? 'бесінші' : lang === 'ru' ? 'тысячи' : 'thousand')).toBe(true);
    }
    expect(unspokenMessages(fullManifest())).toEqual([]);
  });

  it('the catalogue check names a message with no audio in one language', () => {
    const manifest = fullManifest();
    delete manifest.ru['Введите ИИН'];
    delete manifest.kk['Қазақша'];
    expect(unspokenMessages(manifest)).toEqual([
      { lang: 'kk', message: 'language name', part: 'Қазақша' },
      { lang: 'ru', message: 'iin.title', part: 'Введите ИИН' },
    ]);
  });
});
