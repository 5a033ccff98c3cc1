import { PRINTER_MODELS, type PaperWidthMm, type PrinterModelId } from './printer/printer-models';
import { DEFAULT_SCREEN, readMillimetres, reachBand, type ScreenGeometry } from './screen-reach';

/*
 * The device profile: which driver serves each kind of device on this kiosk. A technician stores
 * one in technician mode; a tester overrides it with the query string; a kiosk with neither runs
 * emulated, so nothing real is driven by accident.
 */

export const PRINTER_DRIVERS = ['webusb', 'emulated'] as const;
export const SCANNER_DRIVERS = ['webhid', 'camera', 'emulated'] as const;
/** `camera`: the terminal's own, by getUserMedia. `emulated`: a recorded citizen, for a desktop without a webcam. */
export const CAMERA_DRIVERS = ['camera', 'emulated'] as const;
export const SIGNATURE_DRIVERS = ['touch', 'webhid'] as const;
/**
 * The tactile keypad a citizen who cannot see the screen moves through it with (issue 14):
 * `keyboard` is a USB keypad that types keys (and a tester's physical keyboard), `webhid` one read
 * by WebHID, `none` a terminal without one.
 */
export const KEYPAD_DRIVERS = ['none', 'keyboard', 'webhid'] as const;
/** Whether the terminal has a headphone jack: with a headset plugged in, the kiosk speaks by itself. */
export const HEADPHONE_JACKS = ['none', 'fitted'] as const;
/** `low` keeps every control in the lower part of a tall screen, within a seated citizen's reach. */
export const LAYOUTS = ['standard', 'low'] as const;
/** Paper widths in mm. */
export const PRINTER_WIDTHS = [58, 80] as const satisfies readonly PaperWidthMm[];
export const PRESETS = ['kiosk', 'emulated', 'test'] as const;
/** The printer models the ESC/POS driver knows (src/devices/printer/printer-models.ts); a printer not listed is `generic`. */
export const PRINTER_MODEL_IDS = Object.keys(PRINTER_MODELS) as PrinterModelId[];

export type PrinterDriver = (typeof PRINTER_DRIVERS)[number];
export type ScannerDriver = (typeof SCANNER_DRIVERS)[number];
export type CameraDriver = (typeof CAMERA_DRIVERS)[number];
export type SignatureDriver = (typeof SIGNATURE_DRIVERS)[number];
export type KeypadDriver = (typeof KEYPAD_DRIVERS)[number];
export type HeadphoneJack = (typeof HEADPHONE_JACKS)[number];
export type Layout = (typeof LAYOUTS)[number];
export type PrinterWidth = PaperWidthMm;
export type PresetName = (typeof PRESETS)[number];
export type DeviceKind = 'printer' | 'scanner' | 'camera' | 'signature';

export interface DeviceProfile {
  /** The preset it started from; settings that differ from it were changed on top. */
  preset: PresetName;
  printer: { driver: PrinterDriver; width: PrinterWidth; model: PrinterModelId };
  scanner: ScannerDriver;
  camera: CameraDriver;
  signature: SignatureDriver;
  keypad: KeypadDriver;
  headphones: HeadphoneJack;
  layout: Layout;
  /** The visible screen's height and its lower edge's height above the floor: where the low layout puts the controls. */
  screen: ScreenGeometry;
}

/**
 * What a profile stored before a setting existed takes for it: the kiosk starts as it did, and the
 * technician sets the new setting when the terminal has it.
 */
const ADDED_LATER = { keypad: 'none', headphones: 'none', layout: 'standard', screen: DEFAULT_SCREEN } as const satisfies Partial<DeviceProfile>;

/**
 * `kiosk`: the real devices of a terminal. `emulated`: a tester's desktop Chrome, the receipt on
 * screen and codes typed. `test`: the same devices as `emulated`, for the automated tests (which
 * also fix what is random for a citizen, src/config.ts). The camera is getUserMedia in each: a
 * desktop's webcam or Chromium's fake capture stands in for the terminal's; a tester without a
 * webcam adds ?camera=emulated, which plays a recorded citizen instead.
 */
export const PRESET_PROFILES: Readonly<Record<PresetName, DeviceProfile>> = {
  kiosk: {
    preset: 'kiosk',
    printer: { driver: 'webusb', width: 80, model: 'generic' },
    scanner: 'webhid',
    camera: 'camera',
    signature: 'touch',
    keypad: 'keyboard',
    headphones: 'fitted',
    layout: 'standard',
    screen: DEFAULT_SCREEN,
  },
  emulated: {
    preset: 'emulated',
    printer: { driver: 'emulated', width: 80, model: 'generic' },
    scanner: 'emulated',
    camera: 'camera',
    signature: 'touch',
    // A tester's physical keyboard moves through the screen as a terminal's keypad would.
    keypad: 'keyboard',
    headphones: 'none',
    layout: 'standard',
    screen: DEFAULT_SCREEN,
  },
  test: {
    preset: 'test',
    printer: { driver: 'emulated', width: 80, model: 'generic' },
    scanner: 'emulated',
    camera: 'camera',
    signature: 'touch',
    keypad: 'keyboard',
    headphones: 'none',
    layout: 'standard',
    screen: DEFAULT_SCREEN,
  },
};

/** What is wrong with a profile, by field: `allowed` lists what would have been taken. */
export interface ProfileProblem {
  /** `not_a_number`, `out_of_range`: a screen length that is not whole mm within SCREEN_LIMITS; `out_of_reach`: a low layout on a screen no part of which is within reach. */
  code: 'unknown_value' | 'missing' | 'not_a_number' | 'out_of_range' | 'out_of_reach';
  field: 'profile' | 'preset' | 'printer' | 'width' | 'model' | 'scanner' | 'camera' | 'signature' | 'keypad' | 'headphones' | 'layout' | ScreenField;
  value: string;
  allowed?: readonly string[];
}

/** The screen's geometry as the query string and the problems name it. */
export const SCREEN_FIELDS = { screenHeightMm: 'heightMm', screenBottomMm: 'bottomMm' } as const satisfies Record<string, keyof ScreenGeometry>;
export type ScreenField = keyof typeof SCREEN_FIELDS;

export type ProfileSource = 'query' | 'stored' | 'default';

export type ProfileChoice =
  | { ok: true; profile: DeviceProfile; source: ProfileSource }
  /** The kiosk must not guess which printer to drive: technician mode or the tester shows `problems`. */
  | { ok: false; source: ProfileSource; problems: ProfileProblem[] };

/** The query parameters a tester may set: ?profile=… picks a preset, the others change one setting of it. */
const QUERY_KEYS = ['profile', 'printer', 'width', 'model', 'scanner', 'camera', 'signature', 'keypad', 'headphones', 'layout', 'screenHeightMm', 'screenBottomMm'] as const;

/**
 * The profile this kiosk runs with. The query string wins (a tester's session): ?profile= names
 * the preset to start from — without it the stored profile, else `emulated` — and ?printer=,
 * ?width=, ?model=, ?scanner=, ?camera=, ?signature=, ?keypad=, ?headphones=, ?layout=, ?screenHeightMm=,
 * ?screenBottomMm= change single settings. Then the stored
 * profile (technician mode), then `emulated`. A value that is not one we know is refused with the
 * reason, never replaced by a default: a misspelt ?printer= would otherwise look like a printer fault.
 */
export function readProfile(search: string, stored: unknown): ProfileChoice {
  const params = new URLSearchParams(search);
  const storedChoice = stored === undefined || stored === null ? null : checkProfile(stored);
  if (!QUERY_KEYS.some((key) => params.has(key))) {
    if (storedChoice === null) return { ok: true, profile: PRESET_PROFILES.emulated, source: 'default' };
    return storedChoice.ok ? { ...storedChoice, source: 'stored' } : { ok: false, source: 'stored', problems: storedChoice.problems };
  }
  const problems: ProfileProblem[] = [];
  const preset = params.get('profile');
  let base: DeviceProfile = PRESET_PROFILES.emulated;
  if (preset !== null) {
    const name = oneOf('profile', preset, PRESETS, problems);
    if (name) base = PRESET_PROFILES[name];
  } else if (storedChoice?.ok) {
    base = storedChoice.profile;
  }
  const pick = <T extends string | number>(field: ProfileProblem['field'], allowed: readonly T[], fallback: T): T => {
    const value = params.get(field);
    return value === null ? fallback : (oneOf(field, value, allowed, problems) ?? fallback);
  };
  const profile: DeviceProfile = {
    preset: base.preset,
    printer: {
      driver: pick('printer', PRINTER_DRIVERS, base.printer.driver),
      width: pick('width', PRINTER_WIDTHS, base.printer.width),
      model: pick('model', PRINTER_MODEL_IDS, base.printer.model),
    },
    scanner: pick('scanner', SCANNER_DRIVERS, base.scanner),
    camera: pick('camera', CAMERA_DRIVERS, base.camera),
    signature: pick('signature', SIGNATURE_DRIVERS, base.signature),
    keypad: pick('keypad', KEYPAD_DRIVERS, base.keypad),
    headphones: pick('headphones', HEADPHONE_JACKS, base.headphones),
    layout: pick('layout', LAYOUTS, base.layout),
    screen: {
      heightMm: millimetres('screenHeightMm', params.get('screenHeightMm') ?? undefined, base.screen.heightMm, problems),
      bottomMm: millimetres('screenBottomMm', params.get('screenBottomMm') ?? undefined, base.screen.bottomMm, problems),
    },
  };
  checkReach(profile, problems);
  return problems.length === 0 ? { ok: true, profile, source: 'query' } : { ok: false, source: 'query', problems };
}

/** Checks a profile read back from storage (possibly written by an older app) or about to be stored. */
export function checkProfile(value: unknown): { ok: true; profile: DeviceProfile } | { ok: false; problems: ProfileProblem[] } {
  const problems: ProfileProblem[] = [];
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const printer = typeof record.printer === 'object' && record.printer !== null ? (record.printer as Record<string, unknown>) : {};
  const field = <T extends string | number>(name: ProfileProblem['field'], raw: unknown, allowed: readonly T[]): T | undefined => {
    if (raw === undefined) {
      problems.push({ code: 'missing', field: name, value: '', allowed: allowed.map(String) });
      return undefined;
    }
    return oneOf(name, String(raw), allowed, problems);
  };
  const preset = field('preset', record.preset, PRESETS);
  const driver = field('printer', printer.driver, PRINTER_DRIVERS);
  const width = field('width', printer.width, PRINTER_WIDTHS);
  const model = field('model', printer.model, PRINTER_MODEL_IDS);
  const scanner = field('scanner', record.scanner, SCANNER_DRIVERS);
  const camera = field('camera', record.camera, CAMERA_DRIVERS);
  const signature = field('signature', record.signature, SIGNATURE_DRIVERS);
  const keypad = field('keypad', record.keypad ?? ADDED_LATER.keypad, KEYPAD_DRIVERS);
  const headphones = field('headphones', record.headphones ?? ADDED_LATER.headphones, HEADPHONE_JACKS);
  const layout = field('layout', record.layout ?? ADDED_LATER.layout, LAYOUTS);
  const storedScreen = typeof record.screen === 'object' && record.screen !== null ? (record.screen as Record<string, unknown>) : {};
  const screen: ScreenGeometry = {
    heightMm: millimetres('screenHeightMm', storedScreen.heightMm, ADDED_LATER.screen.heightMm, problems),
    bottomMm: millimetres('screenBottomMm', storedScreen.bottomMm, ADDED_LATER.screen.bottomMm, problems),
  };
  if (problems.length > 0 || !preset || !driver || !width || !model || !scanner || !camera || !signature || !keypad || !headphones || !layout) {
    return { ok: false, problems };
  }
  const profile: DeviceProfile = { preset, printer: { driver, width, model }, scanner, camera, signature, keypad, headphones, layout, screen };
  checkReach(profile, problems);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, profile };
}

/** A screen length from the query string or storage; absent, the fallback (a profile stored before the geometry existed reads with the default). */
function millimetres(name: ScreenField, raw: unknown, fallback: number, problems: ProfileProblem[]): number {
  if (raw === undefined || raw === null) return fallback;
  const read = readMillimetres(SCREEN_FIELDS[name], String(raw));
  if (read.ok) return read.mm;
  problems.push({ code: read.problem, field: name, value: String(raw) });
  return fallback;
}

/** A low layout needs some of the screen within reach; a standard one puts controls where they always were. */
function checkReach(profile: DeviceProfile, problems: ProfileProblem[]): void {
  if (profile.layout === 'low' && reachBand(profile.screen) === null) {
    problems.push({ code: 'out_of_reach', field: 'screenBottomMm', value: String(profile.screen.bottomMm) });
  }
}

function oneOf<T extends string | number>(field: ProfileProblem['field'], value: string, allowed: readonly T[], problems: ProfileProblem[]): T | undefined {
  const found = allowed.find((option) => String(option) === value);
  if (found === undefined) problems.push({ code: 'unknown_value', field, value, allowed: allowed.map(String) });
  return found;
}
