import { readSetting, writeSetting } from '../admin/settings';
import type { KioskDb } from './kiosk-db';

/** The last drain round that reached the back office, for technician mode's outbox panel. */
export interface LastSync {
  /** ms since the epoch of the round's last answer. */
  at: number;
  /** Packets the back office said it holds in that round (new or already had). */
  delivered: number;
}

export function recordLastSync(db: KioskDb, sync: LastSync): Promise<void> {
  return writeSetting(db, 'lastSync', sync);
}

/** Null before the first round that reached the back office (or for a value this version cannot read). */
export async function readLastSync(db: KioskDb): Promise<LastSync | null> {
  const value = await readSetting(db, 'lastSync');
  if (typeof value !== 'object' || value === null) return null;
  const { at, delivered } = value as Partial<Record<keyof LastSync, unknown>>;
  return typeof at === 'number' && Number.isFinite(at) && Number.isSafeInteger(delivered) && (delivered as number) >= 0
    ? { at, delivered: delivered as number }
    : null;
}
