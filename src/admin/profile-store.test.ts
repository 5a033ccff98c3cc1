import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { PRESET_PROFILES, type DeviceProfile } from '../devices/profile';
import { kioskDbOpener } from '../sync/kiosk-db-fixture';
import { recentActions } from './audit-log';
import { loadProfile, saveProfile } from './profile-store';

const openDb = kioskDbOpener();

const CHOSEN: DeviceProfile = { ...PRESET_PROFILES.kiosk, printer: { driver: 'webusb', width: 58, model: 'epson-tm-t20iii' } };

describe('the stored device profile', () => {
  it('is what the kiosk runs with after a restart, unless a tester asks otherwise', async () => {
    const idb = new IDBFactory();
    expect(await loadProfile(openDb(idb), '')).toMatchObject({ ok: true, source: 'default', profile: PRESET_PROFILES.emulated });
    expect(await saveProfile(openDb(idb), CHOSEN, () => 7)).toEqual({ ok: true });

    const restarted = openDb(idb);
    expect(await loadProfile(restarted, '')).toEqual({ ok: true, source: 'stored', profile: CHOSEN });
    expect(await loadProfile(restarted, '?profile=test')).toEqual({ ok: true, source: 'query', profile: PRESET_PROFILES.test });
    expect(await recentActions(restarted)).toEqual([
      {
        seq: 1,
        at: 7,
        action: 'profile_saved',
        details: { preset: 'kiosk', printer: 'webusb', printerWidth: 58, printerModel: 'epson-tm-t20iii', scanner: 'webhid', camera: 'camera', signature: 'touch' },
      },
    ]);
  });

  it('refuses to store a profile it could not read back, and stores nothing', async () => {
    const db = openDb(new IDBFactory());
    // As a form might hand it over: a model the driver does not know.
    const bad = { ...CHOSEN, printer: { ...CHOSEN.printer, model: 'xprinter' } } as unknown as DeviceProfile;
    expect(await saveProfile(db, bad)).toMatchObject({ ok: false, problems: [{ code: 'unknown_value', field: 'model', value: 'xprinter' }] });
    expect(await loadProfile(db, '')).toMatchObject({ source: 'default' });
    expect(await recentActions(db)).toEqual([]);
  });
});
