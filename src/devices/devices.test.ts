import { describe, expect, it } from 'vitest';
import type { Camera } from './camera/camera';
import { CameraError } from './camera/camera';
import { deviceFault, deviceReports } from './devices';
import { EmulatedPrinter } from './printer/emulated-printer.svelte';
import { PRESET_PROFILES, readProfile, type ProfileChoice } from './profile';

/** A camera that is there or not, as enumerateDevices or the clip's HEAD would say. */
function camera(present: boolean | 'throws'): Camera {
  return {
    open: () => Promise.reject(new CameraError('camera_missing')),
    present: () => (present === 'throws' ? Promise.reject(new Error('no mediaDevices')) : Promise.resolve(present)),
  };
}

const kioskProfile: ProfileChoice = { ok: true, profile: { ...PRESET_PROFILES.kiosk, signature: 'webhid' }, source: 'stored' };
const padThere = () => Promise.resolve(null);
const padMissing = () => Promise.resolve('pad_missing');

describe('deviceFault: what stops the terminal before a citizen starts', () => {
  it('finds nothing when every device is there', async () => {
    expect(await deviceFault(kioskProfile, { printer: new EmulatedPrinter(), camera: camera(true) }, padThere)).toBeNull();
  });

  it('names the printer first: paper runs out more often than a camera goes', async () => {
    expect(await deviceFault(kioskProfile, { printer: new EmulatedPrinter('paper_out'), camera: camera(false) }, padMissing)).toBe('paper_out');
  });

  it('names a missing camera, and one that cannot even be asked', async () => {
    expect(await deviceFault(kioskProfile, { printer: new EmulatedPrinter(), camera: camera(false) }, padThere)).toBe('camera_missing');
    expect(await deviceFault(kioskProfile, { printer: new EmulatedPrinter(), camera: camera('throws') }, padThere)).toBe('camera_failed');
  });

  it('names a missing signature pad', async () => {
    expect(await deviceFault(kioskProfile, { printer: new EmulatedPrinter(), camera: camera(true) }, padMissing)).toBe('pad_missing');
  });

  it('stops a kiosk whose profile does not read, without asking its devices', async () => {
    const misspelt = readProfile('?printer=webusbb', null);
    expect(misspelt.ok).toBe(false);
    expect(await deviceFault(misspelt, { printer: new EmulatedPrinter(), camera: camera(true) }, padThere)).toBe('profile_invalid');
  });
});

describe('deviceReports: every device for the back office’s fleet view', () => {
  const checks = (pad: string | null, scanner: string | null) => ({ checkPad: () => Promise.resolve(pad), checkScanner: () => Promise.resolve(scanner) });

  it('names each device’s driver and state, the scanner too though it stops nothing', async () => {
    const reports = await deviceReports(kioskProfile, { printer: new EmulatedPrinter('paper_out'), camera: camera(true) }, checks('pad_missing', 'scanner_not_pos_mode'));
    expect(reports).toEqual({
      printer: { driver: 'webusb', state: 'paper_out' },
      camera: { driver: 'camera', state: 'ok' },
      pad: { driver: 'webhid', state: 'pad_missing' },
      scanner: { driver: 'webhid', state: 'scanner_not_pos_mode' },
    });
  });

  it('reports the camera’s state for a scanner that is the camera', async () => {
    const cameraScanner: ProfileChoice = { ok: true, profile: { ...PRESET_PROFILES.kiosk, scanner: 'camera' }, source: 'stored' };
    const reports = await deviceReports(cameraScanner, { printer: new EmulatedPrinter(), camera: camera(false) }, checks(null, 'scanner_missing'));
    expect(reports.scanner).toEqual({ driver: 'camera', state: 'camera_missing' });
  });

  it('reports profile_invalid for every device of a profile that does not read', async () => {
    const reports = await deviceReports(readProfile('?printer=webusbb', null), { printer: new EmulatedPrinter(), camera: camera(true) }, checks(null, null));
    expect(Object.values(reports).map((r) => r.state)).toEqual(['profile_invalid', 'profile_invalid', 'profile_invalid', 'profile_invalid']);
  });
});
