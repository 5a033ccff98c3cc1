import { DeviceError } from './device-error';
import { requestPrinter } from './printer/webusb-printer';
import type { DeviceProfile } from './profile';
import { requestScanner } from './scanner/webhid-scanner';
import { requestPenPad } from './signature/webhid-signature-pad';

/** The devices a browser grants to a page: the USB printer, the HID scanner, the HID pen pad. */
export type GrantableDevice = 'printer' | 'scanner' | 'signature';

/**
 * Which of the profile's devices the browser must grant. On a terminal the Chrome policies grant
 * them (docs/deployment.md); a desktop without them — a tester's, or a terminal being set up —
 * grants each once through the browser's chooser, from technician mode.
 */
export function grantableDevices(profile: DeviceProfile): GrantableDevice[] {
  const devices: GrantableDevice[] = [];
  if (profile.printer.driver === 'webusb') devices.push('printer');
  if (profile.scanner === 'webhid') devices.push('scanner');
  if (profile.signature === 'webhid') devices.push('signature');
  return devices;
}

/**
 * Opens the browser's chooser for `device` (it needs the technician's tap): true when one was
 * chosen, false when the chooser was closed; a DeviceError when the browser cannot be asked.
 */
export function grantDevice(device: GrantableDevice): Promise<boolean> {
  if (device === 'printer') return requestPrinter();
  if (device === 'scanner') return requestScanner();
  return requestPenPad();
}

export function grantErrorCode(error: unknown): string {
  return error instanceof DeviceError ? String(error.code) : 'request_failed';
}
