import type { KioskDb } from '../sync/kiosk-db';

/**
 * The names of what the kiosk keeps in its settings table. One list, so two owners cannot pick
 * the same key; each owner checks the value it reads back, since an older app may have written it.
 */
export type SettingKey = 'technicianPin' | 'pinLockout' | 'deviceProfile' | 'logUploadedSeq' | 'lastSync';

export async function readSetting(db: KioskDb, key: SettingKey): Promise<unknown> {
  return (await db.settings.get(key))?.value;
}

export async function writeSetting(db: KioskDb, key: SettingKey, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}
