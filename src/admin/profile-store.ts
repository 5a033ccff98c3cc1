import { checkProfile, readProfile, type DeviceProfile, type ProfileChoice, type ProfileProblem } from '../devices/profile';
import type { KioskDb } from '../sync/kiosk-db';
import { logAction } from './audit-log';
import { readSetting, writeSetting } from './settings';

/** The profile to run with at start: the query string's, else the one technician mode stored, else emulated. */
export async function loadProfile(db: KioskDb, search: string): Promise<ProfileChoice> {
  return readProfile(search, await readSetting(db, 'deviceProfile'));
}

/** Stores the technician's choice, checked as it will be read back; logged with what it chose. */
export async function saveProfile(
  db: KioskDb,
  profile: DeviceProfile,
  now: () => number = Date.now,
): Promise<{ ok: true } | { ok: false; problems: ProfileProblem[] }> {
  const checked = checkProfile(profile);
  if (!checked.ok) return checked;
  await writeSetting(db, 'deviceProfile', checked.profile);
  const { preset, printer, scanner, camera, signature } = checked.profile;
  await logAction(
    db,
    'profile_saved',
    { preset, printer: printer.driver, printerWidth: printer.width, printerModel: printer.model, scanner, camera, signature },
    now,
  );
  return { ok: true };
}

/** When a profile was last saved (ms since the epoch), from the log; null if none is in it. */
export async function lastProfileSavedAt(db: KioskDb): Promise<number | null> {
  const row = await db.technicianLog
    .reverse()
    .filter((entry) => entry.action === 'profile_saved')
    .first();
  return row?.at ?? null;
}
