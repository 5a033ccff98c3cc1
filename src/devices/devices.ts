import { checkCamera, type Camera } from './camera/camera';
import { createCamera } from './camera/create-camera';
import { createKeypad } from './keypad/create-keypad';
import type { Keypad } from './keypad/keypad';
import { createPrinter, printerFault } from './printer/create-printer';
import { checkPrinter, type Printer } from './printer/printer';
import { PRESET_PROFILES, type DeviceProfile, type ProfileChoice } from './profile';
import { createScanner } from './scanner/create-scanner';
import { checkHidScanner } from './scanner/webhid-scanner';
import type { Scanner } from './scanner/scanner';
import { checkSignaturePad } from './signature/create-signature-pad';
import type { SignaturePad } from './signature/signature-pad';
import { createSignaturePad } from './signature/create-signature-pad';

/** The kiosk's devices, one of each kind, as its profile names them. */
export interface KioskDevices {
  printer: Printer;
  camera: Camera;
  /** Listened to on the start screen; null when the profile's scanner is the camera (the citizen opens it there). */
  scanner: Scanner | null;
  signaturePad: SignaturePad;
  /** The profile reads e-application QR codes with the camera. */
  scanByCamera: boolean;
  /** The tactile keypad; on a terminal without one, the keyboard's digits only. */
  keypad: Keypad;
}

/**
 * Builds the devices once, for the kiosk's life. A profile that does not read gets the emulated
 * devices — the start screen is out of order all the same (`profile_invalid`, deviceFault), so
 * nothing is printed on screen for a citizen by mistake.
 */
export function createDevices(choice: ProfileChoice, search: string): KioskDevices {
  const profile: DeviceProfile = choice.ok ? choice.profile : PRESET_PROFILES.emulated;
  return {
    printer: createPrinter(profile.printer, printerFault(search)),
    camera: createCamera(profile.camera, search),
    scanner: createScanner(profile.scanner),
    signaturePad: createSignaturePad(profile.signature),
    scanByCamera: choice.ok && profile.scanner === 'camera',
    keypad: createKeypad(profile.keypad),
  };
}

/** What a device check may find: `profile_invalid`, or a device's own code (paper_out, camera_missing, pad_missing…). */
export type DeviceFault = string;

/** One device as the terminal's heartbeat reports it (src/protocol/heartbeat.ts): its driver and `ok`, `none` or its fault. */
export interface DeviceReport {
  driver: string;
  state: 'ok' | 'none' | DeviceFault;
}
export type DeviceReports = Record<'printer' | 'camera' | 'pad' | 'scanner', DeviceReport>;

export interface DeviceChecks {
  checkPad: (driver: DeviceProfile['signature']) => Promise<string | null>;
  checkScanner: (driver: DeviceProfile['scanner']) => Promise<string | null>;
}
const BROWSER_CHECKS: DeviceChecks = { checkPad: checkSignaturePad, checkScanner: checkHidScanner };

/**
 * Every device's state, for the back office's fleet view. A profile that does not read reports
 * `profile_invalid` for each (the kiosk runs emulated devices then). The scanner is looked at here
 * although it stops nothing: a supervisor still wants to know one is unplugged. A profile whose
 * scanner is the camera reports the camera's state for it.
 */
export async function deviceReports(
  choice: ProfileChoice,
  devices: Pick<KioskDevices, 'printer' | 'camera'>,
  checks: DeviceChecks = BROWSER_CHECKS,
): Promise<DeviceReports> {
  const profile = choice.ok ? choice.profile : PRESET_PROFILES.emulated;
  if (!choice.ok) {
    const invalid = (driver: string): DeviceReport => ({ driver, state: 'profile_invalid' });
    return { printer: invalid(profile.printer.driver), camera: invalid(profile.camera), pad: invalid(profile.signature), scanner: invalid(profile.scanner) };
  }
  const [printer, camera, pad, scanner] = await Promise.all([
    checkPrinter(devices.printer),
    checkCamera(devices.camera),
    checks.checkPad(profile.signature),
    profile.scanner === 'camera' ? Promise.resolve(null) : checks.checkScanner(profile.scanner),
  ]);
  const report = (driver: string, fault: string | null): DeviceReport => ({ driver, state: fault ?? 'ok' });
  return {
    printer: report(profile.printer.driver, printer),
    camera: report(profile.camera, camera),
    pad: report(profile.signature, pad),
    scanner: profile.scanner === 'camera' ? report('camera', camera) : report(profile.scanner, scanner),
  };
}

/**
 * The first device a journey needs that is missing or failing, or null. Asked before a citizen
 * starts, so the start screen says the terminal is out of order rather than a step failing half way:
 * the printer (the last step, but paper runs out), the camera (identification and the photo), the
 * signature pad. The scanner is a shortcut, not a need: its absence is logged, not a fault.
 * `checkPad` is passed in so tests need no WebHID.
 */
export async function deviceFault(
  choice: ProfileChoice,
  devices: Pick<KioskDevices, 'printer' | 'camera'>,
  checkPad: (driver: DeviceProfile['signature']) => Promise<string | null> = checkSignaturePad,
): Promise<DeviceFault | null> {
  if (!choice.ok) return 'profile_invalid';
  const [printer, camera, pad] = await Promise.all([checkPrinter(devices.printer), checkCamera(devices.camera), checkPad(choice.profile.signature)]);
  return printer ?? camera ?? pad;
}
