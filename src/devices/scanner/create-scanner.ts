import type { DeviceProfile } from '../profile';
import { EmulatedScanner } from './emulated-scanner.svelte';
import type { Scanner } from './scanner';
import { WebHidScanner } from './webhid-scanner';

/**
 * The scanner the start screen listens to, by the profile. The camera reads codes only where a step
 * shows it (technician mode's self-test), so a profile whose scanner is the camera has none here.
 */
export function createScanner(driver: DeviceProfile['scanner']): Scanner | null {
  if (driver === 'webhid') return new WebHidScanner();
  if (driver === 'emulated') return new EmulatedScanner();
  return null;
}
