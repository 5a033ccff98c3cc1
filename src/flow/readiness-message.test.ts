import { describe, expect, it } from 'vitest';
import { CATALOGUES, LANGS } from '../i18n';
import { outOfOrderMessage } from './readiness-message';

describe('outOfOrderMessage', () => {
  it('says a kiosk that could not reach the back office has no connection, not that a device failed', () => {
    expect(outOfOrderMessage('no_connection', null)).toBe('outOfOrder.no_connection');
    expect(CATALOGUES.en[outOfOrderMessage('no_connection', null)]).not.toMatch(/device|printer|camera/i);
  });

  it('names the device behind a device fault', () => {
    expect(CATALOGUES.ru[outOfOrderMessage('device_fault', 'paper_out')]).toContain('закончилась бумага');
    expect(CATALOGUES.en[outOfOrderMessage('device_fault', 'cover_open')]).toContain('cover');
    expect(CATALOGUES.en[outOfOrderMessage('device_fault', 'printer_offline')]).toContain('receipt printer');
    expect(CATALOGUES.ru[outOfOrderMessage('device_fault', 'camera_missing')]).toContain('камера');
    expect(CATALOGUES.ru[outOfOrderMessage('device_fault', 'pad_missing')]).toContain('планшет для подписи');
    expect(CATALOGUES.kk[outOfOrderMessage('device_fault', 'camera_denied')]).toContain('камера');
  });

  it('falls back on the general sentence for a code no device gives today, or none', () => {
    expect(outOfOrderMessage('device_fault', 'scanner_missing')).toBe('outOfOrder.device_fault');
    expect(outOfOrderMessage('device_fault', 'constructor')).toBe('outOfOrder.device_fault');
    expect(outOfOrderMessage('device_fault', null)).toBe('outOfOrder.device_fault');
  });

  it('keeps the reasons that are not about devices', () => {
    for (const reason of ['not_enrolled', 'terminal_refused', 'storage_full'] as const) expect(outOfOrderMessage(reason, 'paper_out')).toBe(`outOfOrder.${reason}`);
  });

  it('has every sentence in Kazakh, Russian and English, each telling the citizen where to go', () => {
    const codes = ['paper_out', 'cover_open', 'printer_missing', 'camera_missing', 'pad_failed', 'profile_invalid', 'unknown'];
    const keys = [...codes.map((code) => outOfOrderMessage('device_fault', code)), outOfOrderMessage('no_connection', null)];
    const operator = { kk: 'Операторға жүгініңіз', ru: 'Обратитесь к оператору', en: 'Please see an operator' };
    for (const lang of LANGS) for (const key of keys) expect(CATALOGUES[lang][key]).toContain(operator[lang]);
  });
});
