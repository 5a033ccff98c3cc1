import { describe, expect, it } from 'vitest';
import type { Camera } from './camera/camera';
import { CameraError } from './camera/camera';
import { deviceFault } from './devices';
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
