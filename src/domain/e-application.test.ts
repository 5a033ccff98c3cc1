import { describe, expect, it } from 'vitest';
import { E_APPLICATION_MAX_LENGTH, formatEApplication, parseEApplication } from './e-application';

const IIN = '850714300127'; // born 1985-07-14, checksum valid

describe('parseEApplication', () => {
  it('reads the IIN, the reason, the document and the language', () => {
    expect(parseEApplication(`KZDOC1|${IIN}|09|id_card|ru`)).toEqual({ ok: true, iin: IIN, service: '09', document: 'id_card', lang: 'ru' });
  });

  it('leaves the language out when the code has none', () => {
    const result = parseEApplication(`KZDOC1|${IIN}|13|passport`);
    expect(result).toEqual({ ok: true, iin: IIN, service: '13', document: 'passport' });
    expect(result).not.toHaveProperty('lang');
  });

  it('ignores the CR or LF a scanner or a tester adds at the end', () => {
    expect(parseEApplication(`KZDOC1|${IIN}|18|passport|kk\r\n`)).toMatchObject({ ok: true, lang: 'kk' });
  });

  it('reads back what formatEApplication writes', () => {
    const application = { iin: '900101400569', service: '17', document: 'passport', lang: 'en' } as const;
    expect(parseEApplication(formatEApplication(application))).toEqual({ ok: true, ...application });
    expect(formatEApplication({ iin: IIN, service: '04', document: 'id_card' })).toBe(`KZDOC1|${IIN}|04|id_card`);
  });

  it('says not_ours of other codes: a URL, a payment QR, a product barcode, nothing', () => {
    for (const text of ['https://egov.kz/services/P1.05', '00020101021226', '4870204391504', '', 'KZDOCX|1', 'kzdoc1|' + IIN])
      expect(parseEApplication(text)).toEqual({ ok: false, reason: 'not_ours' });
  });

  it('says unsupported_version of a newer version of our code', () => {
    expect(parseEApplication(`KZDOC2|${IIN}|09|id_card`)).toEqual({ ok: false, reason: 'unsupported_version' });
  });

  it('says malformed when fields are missing or extra, or the language is unknown', () => {
    for (const text of [`KZDOC1|${IIN}|09`, `KZDOC1|${IIN}`, `KZDOC1|${IIN}|09|id_card|ru|x`, `KZDOC1|${IIN}|09|id_card|de`, `KZDOC1|${IIN}|09|id_card|`])
      expect(parseEApplication(text)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('says too_long before looking inside', () => {
    const long = `KZDOC1|${IIN}|09|id_card|ru|`.padEnd(E_APPLICATION_MAX_LENGTH + 1, 'x');
    expect(parseEApplication(long)).toEqual({ ok: false, reason: 'too_long' });
    expect(parseEApplication('x'.repeat(100_000))).toEqual({ ok: false, reason: 'too_long' });
  });

  it('says bad_iin of a wrong control digit, a short number or letters', () => {
    for (const iin of ['850714300128', '85071430012', '8507143001ab', ''])
      expect(parseEApplication(`KZDOC1|${iin}|09|id_card`)).toEqual({ ok: false, reason: 'bad_iin' });
  });

  it('says unknown_service of a code the kiosk does not serve', () => {
    for (const service of ['01', '9', '099', ''])
      expect(parseEApplication(`KZDOC1|${IIN}|${service}|id_card`)).toEqual({ ok: false, reason: 'unknown_service' });
  });

  it('says unknown_document of a document kind that does not exist', () => {
    expect(parseEApplication(`KZDOC1|${IIN}|07|driving_licence`)).toEqual({ ok: false, reason: 'unknown_document' });
    expect(parseEApplication(`KZDOC1|${IIN}|07|ID_CARD`)).toEqual({ ok: false, reason: 'unknown_document' });
  });

  it('says document_not_offered when the reason does not issue that document', () => {
    expect(parseEApplication(`KZDOC1|${IIN}|09|passport`)).toEqual({ ok: false, reason: 'document_not_offered' });
    expect(parseEApplication(`KZDOC1|${IIN}|13|id_card`)).toEqual({ ok: false, reason: 'document_not_offered' });
    expect(parseEApplication(`KZDOC1|${IIN}|17|id_card`)).toEqual({ ok: false, reason: 'document_not_offered' });
  });
});
