import { describe, expect, it } from 'vitest';
import { grantableDevices } from './grant';
import { PRESET_PROFILES } from './profile';

describe('grantableDevices', () => {
  it('names the browser-granted devices of a real terminal\'s profile', () => {
    expect(grantableDevices({ ...PRESET_PROFILES.kiosk, signature: 'webhid' })).toEqual(['printer', 'scanner', 'signature']);
  });

  it('names none for an emulated profile: nothing to grant', () => {
    expect(grantableDevices(PRESET_PROFILES.emulated)).toEqual([]);
  });

  it('names the camera scanner\'s kiosk without a scanner to grant', () => {
    expect(grantableDevices({ ...PRESET_PROFILES.kiosk, scanner: 'camera' })).toEqual(['printer']);
  });
});
