import { describe, expect, it } from 'vitest';
import { PRINTER_MODELS } from './printer/printer-models';
import { PRESET_PROFILES, checkProfile, readProfile, type DeviceProfile } from './profile';
import { DEFAULT_SCREEN } from './screen-reach';

const MODELS = Object.keys(PRINTER_MODELS);

const STORED: DeviceProfile = {
  preset: 'kiosk',
  printer: { driver: 'webusb', width: 58, model: 'epson-tm-t20iii' },
  scanner: 'camera',
  camera: 'camera',
  signature: 'webhid',
  keypad: 'webhid',
  headphones: 'fitted',
  layout: 'low',
  screen: { heightMm: 1000, bottomMm: 400 },
};

describe('readProfile', () => {
  it('runs emulated when nothing is asked or stored', () => {
    expect(readProfile('', undefined)).toEqual({ ok: true, profile: PRESET_PROFILES.emulated, source: 'default' });
    expect(PRESET_PROFILES.emulated.printer.driver).toBe('emulated');
  });

  it('takes the stored profile when the query string says nothing about devices', () => {
    expect(readProfile('?challenges=blink,smile', STORED)).toEqual({ ok: true, profile: STORED, source: 'stored' });
  });

  it('lets the query string win: a named preset, over what is stored', () => {
    expect(readProfile('?profile=test', STORED)).toEqual({ ok: true, profile: PRESET_PROFILES.test, source: 'query' });
    expect(readProfile('?profile=kiosk', undefined)).toEqual({ ok: true, profile: PRESET_PROFILES.kiosk, source: 'query' });
  });

  it('changes single settings on top of the named preset, or of the stored profile when none is named', () => {
    const choice = readProfile('?profile=kiosk&printer=webusb&width=58&model=epson-tm-t20iii&scanner=camera', undefined);
    expect(choice).toEqual({
      ok: true,
      source: 'query',
      profile: { ...PRESET_PROFILES.kiosk, printer: { driver: 'webusb', width: 58, model: 'epson-tm-t20iii' }, scanner: 'camera' },
    });
    expect(readProfile('?width=80', STORED)).toEqual({
      ok: true,
      source: 'query',
      profile: { ...STORED, printer: { ...STORED.printer, width: 80 } },
    });
    expect(readProfile('?signature=webhid', undefined)).toEqual({
      ok: true,
      source: 'query',
      profile: { ...PRESET_PROFILES.emulated, signature: 'webhid' },
    });
  });

  it('plays the recorded citizen for ?camera=emulated, over a preset or the stored profile', () => {
    expect(readProfile('?profile=test&camera=emulated', undefined)).toEqual({
      ok: true,
      source: 'query',
      profile: { ...PRESET_PROFILES.test, camera: 'emulated' },
    });
    expect(readProfile('?camera=emulated', STORED)).toEqual({ ok: true, source: 'query', profile: { ...STORED, camera: 'emulated' } });
    expect(readProfile('?camera=camera', { ...STORED, camera: 'emulated' })).toEqual({ ok: true, source: 'query', profile: STORED });
  });

  it('refuses what it does not know, naming the field, the value and what is allowed', () => {
    expect(readProfile('?profile=kiosks&printer=bluetooth&width=72&model=xprinter', STORED)).toEqual({
      ok: false,
      source: 'query',
      problems: [
        { code: 'unknown_value', field: 'profile', value: 'kiosks', allowed: ['kiosk', 'emulated', 'test'] },
        { code: 'unknown_value', field: 'printer', value: 'bluetooth', allowed: ['webusb', 'emulated'] },
        { code: 'unknown_value', field: 'width', value: '72', allowed: ['58', '80'] },
        { code: 'unknown_value', field: 'model', value: 'xprinter', allowed: MODELS },
      ],
    });
    expect(readProfile('?camera=usb', undefined)).toMatchObject({ ok: false, problems: [{ field: 'camera', value: 'usb', allowed: ['camera', 'emulated'] }] });
  });

  it('refuses a stored profile that is no longer valid rather than guessing which printer to drive', () => {
    const old = { ...STORED, printer: { ...STORED.printer, driver: 'serial' } };
    expect(readProfile('', old)).toEqual({
      ok: false,
      source: 'stored',
      problems: [{ code: 'unknown_value', field: 'printer', value: 'serial', allowed: ['webusb', 'emulated'] }],
    });
    // A tester's query string still works on such a kiosk.
    expect(readProfile('?profile=emulated', old)).toMatchObject({ ok: true, source: 'query' });
  });
});

describe('the screen geometry in the query string', () => {
  it('changes the screen a tester’s kiosk lays its controls out for', () => {
    expect(readProfile('?layout=low&screenHeightMm=1200&screenBottomMm=500', undefined)).toEqual({
      ok: true,
      source: 'query',
      profile: { ...PRESET_PROFILES.emulated, layout: 'low', screen: { heightMm: 1200, bottomMm: 500 } },
    });
  });

  it('refuses lengths it cannot read, naming the field and the value', () => {
    expect(readProfile('?screenHeightMm=70cm&screenBottomMm=-1', undefined)).toEqual({
      ok: false,
      source: 'query',
      problems: [
        { code: 'not_a_number', field: 'screenHeightMm', value: '70cm' },
        { code: 'not_a_number', field: 'screenBottomMm', value: '-1' },
      ],
    });
    expect(readProfile('?layout=low&screenBottomMm=1500', undefined)).toMatchObject({ ok: false, problems: [{ code: 'out_of_reach', field: 'screenBottomMm' }] });
  });
});

describe('checkProfile', () => {
  it('reads a profile stored before the keypad, headphones and layout settings existed as a terminal without them', () => {
    const { keypad: _keypad, headphones: _headphones, layout: _layout, screen: _screen, ...older } = STORED;
    expect(checkProfile(older)).toEqual({ ok: true, profile: { ...older, keypad: 'none', headphones: 'none', layout: 'standard', screen: DEFAULT_SCREEN } });
  });

  it('reads a profile stored before the screen geometry existed with a 32" portrait floor kiosk', () => {
    const { screen: _screen, ...older } = STORED;
    expect(checkProfile(older)).toEqual({ ok: true, profile: { ...older, screen: DEFAULT_SCREEN } });
  });

  it('refuses a screen length that is not whole millimetres within the limits, and a low layout out of reach', () => {
    expect(checkProfile({ ...STORED, screen: { heightMm: 'big', bottomMm: 20000 } })).toEqual({
      ok: false,
      problems: [
        { code: 'not_a_number', field: 'screenHeightMm', value: 'big' },
        { code: 'out_of_range', field: 'screenBottomMm', value: '20000' },
      ],
    });
    expect(checkProfile({ ...STORED, screen: { heightMm: 700, bottomMm: 1300 } })).toEqual({
      ok: false,
      problems: [{ code: 'out_of_reach', field: 'screenBottomMm', value: '1300' }],
    });
    // The same screen with the standard layout: the controls stay where they always were.
    expect(checkProfile({ ...STORED, layout: 'standard', screen: { heightMm: 700, bottomMm: 1300 } })).toMatchObject({ ok: true });
  });

  it('takes every preset and a well-formed profile', () => {
    for (const profile of [...Object.values(PRESET_PROFILES), STORED]) expect(checkProfile(profile)).toEqual({ ok: true, profile });
  });

  it('names every missing or unknown setting', () => {
    expect(checkProfile({ preset: 'kiosk', printer: { driver: 'webusb', width: '80' } })).toEqual({
      ok: false,
      problems: [
        { code: 'missing', field: 'model', value: '', allowed: MODELS },
        { code: 'missing', field: 'scanner', value: '', allowed: ['webhid', 'camera', 'emulated'] },
        { code: 'missing', field: 'camera', value: '', allowed: ['camera', 'emulated'] },
        { code: 'missing', field: 'signature', value: '', allowed: ['touch', 'webhid'] },
      ],
    });
    expect(checkProfile({ ...STORED, layout: 'high' })).toMatchObject({ ok: false, problems: [{ code: 'unknown_value', field: 'layout', value: 'high' }] });
    expect(checkProfile(null)).toMatchObject({ ok: false, problems: expect.arrayContaining([expect.objectContaining({ field: 'preset', code: 'missing' })]) as unknown });
  });
});
