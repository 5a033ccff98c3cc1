import {
  CAMERA_DRIVERS,
  HEADPHONE_JACKS,
  KEYPAD_DRIVERS,
  LAYOUTS,
  PRESET_PROFILES,
  PRINTER_DRIVERS,
  PRINTER_MODEL_IDS,
  PRINTER_WIDTHS,
  SCANNER_DRIVERS,
  SIGNATURE_DRIVERS,
  type CameraDriver,
  type DeviceProfile,
  type HeadphoneJack,
  type KeypadDriver,
  type Layout,
  type PresetName,
  type PrinterDriver,
  type PrinterWidth,
  type ScannerDriver,
  type SignatureDriver,
} from '../devices/profile';
import type { PrinterModelId } from '../devices/printer/printer-models';
import { SCREEN_FIELDS, type ScreenField } from '../devices/profile';
import { SCREEN_LIMITS, reachBand, readMillimetres, type ScreenGeometry } from '../devices/screen-reach';
import { TECH_MESSAGES, techText, type TechKey, type TechLang } from './messages';

/*
 * The device profile as technician mode's form edits it: a preset, then single settings changed
 * one at a time. The choices are profile.ts's own lists, so a driver added there shows up here.
 */

/** The settings a technician changes one by one, named as the query string names them. */
export interface ProfileSettings {
  printer: PrinterDriver;
  width: PrinterWidth;
  model: PrinterModelId;
  scanner: ScannerDriver;
  camera: CameraDriver;
  signature: SignatureDriver;
  keypad: KeypadDriver;
  headphones: HeadphoneJack;
  layout: Layout;
}
export type ProfileField = keyof ProfileSettings;

export const PROFILE_OPTIONS: { readonly [F in ProfileField]: readonly ProfileSettings[F][] } = {
  printer: PRINTER_DRIVERS,
  width: PRINTER_WIDTHS,
  model: PRINTER_MODEL_IDS,
  scanner: SCANNER_DRIVERS,
  camera: CAMERA_DRIVERS,
  signature: SIGNATURE_DRIVERS,
  keypad: KEYPAD_DRIVERS,
  headphones: HEADPHONE_JACKS,
  layout: LAYOUTS,
};

export const PROFILE_FIELDS = Object.keys(PROFILE_OPTIONS) as ProfileField[];

/** Model names as printed on the printers; `generic` is said in words (messages.ts). */
const MODEL_NAMES: Record<Exclude<PrinterModelId, 'generic'>, string> = {
  'epson-tm-t20ii': 'Epson TM-T20II',
  'epson-tm-t20iii': 'Epson TM-T20III',
  'epson-tm-t20iv': 'Epson TM-T20IV',
  'epson-tm-t88v': 'Epson TM-T88V',
  'epson-tm-t88vi': 'Epson TM-T88VI',
  'epson-tm-t88vii': 'Epson TM-T88VII',
  'hp-a779': 'HP A779',
};

/** A preset's profile, a copy the form may change. */
export function presetProfile(preset: PresetName): DeviceProfile {
  const profile = PRESET_PROFILES[preset];
  return { ...profile, printer: { ...profile.printer } };
}

export function settingOf<F extends ProfileField>(profile: DeviceProfile, field: F): ProfileSettings[F] {
  const { printer, scanner, camera, signature, keypad, headphones, layout } = profile;
  const settings: ProfileSettings = { printer: printer.driver, width: printer.width, model: printer.model, scanner, camera, signature, keypad, headphones, layout };
  return settings[field];
}

/** The profile with one setting changed; the preset it started from stays named. */
export function withSetting<F extends ProfileField>(profile: DeviceProfile, field: F, value: ProfileSettings[F]): DeviceProfile {
  const next: DeviceProfile = { ...profile, printer: { ...profile.printer } };
  const set = { [field]: value } as Partial<ProfileSettings>;
  if (set.printer !== undefined) next.printer.driver = set.printer;
  if (set.width !== undefined) next.printer.width = set.width;
  if (set.model !== undefined) next.printer.model = set.model;
  if (set.scanner !== undefined) next.scanner = set.scanner;
  if (set.camera !== undefined) next.camera = set.camera;
  if (set.signature !== undefined) next.signature = set.signature;
  if (set.keypad !== undefined) next.keypad = set.keypad;
  if (set.headphones !== undefined) next.headphones = set.headphones;
  if (set.layout !== undefined) next.layout = set.layout;
  return next;
}

/** The settings that differ from the profile's preset: what the technician changed on top of it. */
export function changedSettings(profile: DeviceProfile): ProfileField[] {
  const preset = PRESET_PROFILES[profile.preset];
  return PROFILE_FIELDS.filter((field) => settingOf(profile, field) !== settingOf(preset, field));
}

/**
 * A setting's value in the technician's words: the model's name, the width in mm, a driver
 * described (`profile.<field>.<value>` in messages.ts), or the value itself for a driver added to
 * profile.ts before its words were.
 */
export function settingLabel(lang: TechLang, field: ProfileField, value: string | number): string {
  if (field === 'width') return `${value} mm`;
  if (field === 'model' && value in MODEL_NAMES) return MODEL_NAMES[value as keyof typeof MODEL_NAMES];
  const key = `profile.${field}.${value}`;
  return key in TECH_MESSAGES[lang] ? techText(lang, key as TechKey) : String(value);
}

/**
 * The profile with one of the screen's lengths as the technician typed it, or what is wrong with it
 * in the technician's words (the draft keeps its last good value meanwhile).
 */
export function withScreen(profile: DeviceProfile, field: ScreenField, text: string, lang: TechLang): { ok: true; profile: DeviceProfile } | { ok: false; error: string } {
  const key = SCREEN_FIELDS[field];
  const read = readMillimetres(key, text);
  if (!read.ok) return { ok: false, error: techText(lang, `profile.screen.${read.problem}`, SCREEN_LIMITS[key]) };
  return { ok: true, profile: { ...profile, printer: { ...profile.printer }, screen: { ...profile.screen, [key]: read.mm } } };
}

/** Which part of the screen a seated citizen reaches, for the technician to check against the terminal. */
export function reachText(lang: TechLang, screen: ScreenGeometry): string {
  const band = reachBand(screen);
  if (!band) return techText(lang, 'profile.screen.out_of_reach');
  const percent = (share: number) => Math.round(share * 100);
  return techText(lang, 'profile.screen.reach', { from: band.fromMm, to: band.toMm, top: percent(band.top), bottom: percent(band.bottom) });
}
