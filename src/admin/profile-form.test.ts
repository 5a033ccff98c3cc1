import { describe, expect, it } from 'vitest';
import { CAMERA_DRIVERS, HEADPHONE_JACKS, KEYPAD_DRIVERS, LAYOUTS, PRESET_PROFILES, PRINTER_DRIVERS, PRINTER_WIDTHS, SCANNER_DRIVERS, SIGNATURE_DRIVERS } from '../devices/profile';
import { PRINTER_MODELS } from '../devices/printer/printer-models';
import { PROFILE_OPTIONS, changedSettings, presetProfile, reachText, settingLabel, settingOf, withScreen, withSetting } from './profile-form';

describe('the profile form', () => {
  it('offers exactly what the profile takes', () => {
    expect(PROFILE_OPTIONS).toEqual({
      printer: PRINTER_DRIVERS,
      width: PRINTER_WIDTHS,
      model: Object.keys(PRINTER_MODELS),
      scanner: SCANNER_DRIVERS,
      camera: CAMERA_DRIVERS,
      signature: SIGNATURE_DRIVERS,
      keypad: KEYPAD_DRIVERS,
      headphones: HEADPHONE_JACKS,
      layout: LAYOUTS,
    });
  });

  it('changes one setting on top of a preset, and says which ones differ from it', () => {
    const profile = withSetting(withSetting(presetProfile('kiosk'), 'width', 58), 'scanner', 'camera');
    expect(profile).toEqual({ ...PRESET_PROFILES.kiosk, printer: { ...PRESET_PROFILES.kiosk.printer, width: 58 }, scanner: 'camera' });
    expect(settingOf(profile, 'width')).toBe(58);
    expect(changedSettings(profile)).toEqual(['width', 'scanner']);
    expect(profile).not.toEqual(PRESET_PROFILES.kiosk);
    expect(withSetting(withSetting(profile, 'width', 80), 'scanner', 'webhid')).toEqual(PRESET_PROFILES.kiosk);
  });

  it('never changes the presets themselves', () => {
    const profile = presetProfile('emulated');
    profile.printer.width = 58;
    withSetting(PRESET_PROFILES.emulated, 'model', 'hp-a779');
    expect(PRESET_PROFILES.emulated.printer).toEqual({ driver: 'emulated', width: 80, model: 'generic' });
  });

  it('names models as printed on them, drivers in words, and an unknown driver by its value', () => {
    expect(settingLabel('ru', 'model', 'epson-tm-t20iii')).toBe('Epson TM-T20III');
    expect(settingLabel('kk', 'model', 'generic')).toBe('Басқа ESC/POS моделі');
    expect(settingLabel('ru', 'printer', 'webusb')).toBe('USB-принтер');
    expect(settingLabel('ru', 'width', 58)).toBe('58 mm');
    expect(settingLabel('ru', 'scanner', 'bluetooth')).toBe('bluetooth');
  });
});

describe('the screen’s geometry in the profile form', () => {
  it('takes whole millimetres and says which part of the screen a seated citizen reaches', () => {
    const typed = withScreen(presetProfile('kiosk'), 'screenBottomMm', '700', 'ru');
    expect(typed).toEqual({ ok: true, profile: { ...PRESET_PROFILES.kiosk, screen: { heightMm: 708, bottomMm: 700 } } });
    expect(reachText('ru', { heightMm: 708, bottomMm: 700 })).toBe(
      'Сидящий гражданин достаёт от 700 до 1220 мм над полом: это часть экрана от 27% до 100% его высоты, считая сверху',
    );
  });

  it('says in words what is wrong with a length, and when no part of the screen is within reach', () => {
    expect(withScreen(presetProfile('kiosk'), 'screenHeightMm', '70,8', 'ru')).toEqual({ ok: false, error: 'Введите целое число миллиметров, только цифры' });
    expect(withScreen(presetProfile('kiosk'), 'screenHeightMm', '5', 'kk')).toEqual({ ok: false, error: '100 мм-ден 3000 мм-ге дейін рұқсат етілген' });
    expect(reachText('ru', { heightMm: 500, bottomMm: 1300 })).toMatch(/^Ни одна часть экрана/);
  });
});
