import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { logAction } from '../admin/audit-log';
import type { PublicKeyJwk } from '../protocol/packets';
import { SignedReferenceData, type ReferenceData, type ReferenceDataForKiosk } from '../protocol/reference-data';
import type { KioskDb } from './kiosk-db';
import { importBackOfficeVerifyKey, verifyReferenceData } from './reference-data-signature';
import { terminalOf } from './terminal';

/*
 * The reference data this kiosk counts fees and ready-by dates with (docs/reference-data.md): the
 * signed versions the back office last gave — the one in force and any dated later — verified with
 * the back office's key from enrolment and kept in IndexedDB, so they hold through reloads and
 * offline days. Until the first verified answer, the built-in figures (src/domain/reference-data.ts).
 * A version whose signature fails is never kept nor used; the technician log says so.
 */

/** The settings row (src/sync/kiosk-db.ts) the verified versions are kept under. */
export const REFERENCE_DATA_SETTING = 'referenceData';
/** Asked at start and then every quarter of an hour while there is a link: a new version is entered days ahead. */
export const REFERENCE_DATA_INTERVAL_MS = 15 * 60_000;
export const FIRST_REFERENCE_DATA_MS = 20_000;

const Kept = Type.Array(SignedReferenceData);

let inUse: readonly ReferenceData[] = [];

/** The verified versions in use now; empty before any: the fee and the ready-by date then take the built-in figures. */
export function referenceDataInUse(): readonly ReferenceData[] {
  return inUse;
}

/** For tests: as if this kiosk held these verified versions. */
export function useReferenceData(versions: readonly ReferenceData[]): void {
  inUse = versions;
}

const newest = (versions: readonly { document: ReferenceData }[]) => Math.max(-1, ...versions.map((v) => v.document.version));

async function verified(versions: readonly SignedReferenceData[], backOfficeKey: PublicKeyJwk): Promise<{ good: SignedReferenceData[]; bad: SignedReferenceData[] }> {
  const key = await importBackOfficeVerifyKey(backOfficeKey);
  const checks = await Promise.all(versions.map((version) => verifyReferenceData(version, key)));
  return { good: versions.filter((_, i) => checks[i]), bad: versions.filter((_, i) => !checks[i]) };
}

/**
 * Reads what was kept and puts it in use, checking it again: a kiosk enrolled since with another
 * back office, or a store edited by hand, gives versions its key does not verify, and those are dropped.
 */
export async function loadKeptReferenceData(db: KioskDb, now: () => number = Date.now): Promise<readonly ReferenceData[]> {
  const terminal = await terminalOf(db);
  const value = (await db.settings.get(REFERENCE_DATA_SETTING))?.value;
  if (value === undefined || !terminal) return (inUse = []);
  if (!Value.Check(Kept, value)) {
    await logAction(db, 'reference_data_rejected', { version: null, code: 'unreadable' }, now);
    return (inUse = []);
  }
  const { good, bad } = await verified(value, terminal.backOfficeKey);
  for (const version of bad) await logAction(db, 'reference_data_rejected', { version: version.document.version, code: 'bad_signature' }, now);
  return (inUse = good.map((v) => v.document));
}

export type KeepOutcome = 'kept' | 'unchanged' | 'rejected' | 'not_enrolled';

/**
 * Keeps the back office's answer if its signatures hold and it is not older than what is kept. Each
 * version that fails its signature is logged and left out; an answer of only such is not kept at all.
 */
export async function keepReferenceData(db: KioskDb, answer: ReferenceDataForKiosk, now: () => number = Date.now): Promise<KeepOutcome> {
  const terminal = await terminalOf(db);
  if (!terminal) return 'not_enrolled';
  const { good, bad } = await verified(answer.versions, terminal.backOfficeKey);
  for (const version of bad) await logAction(db, 'reference_data_rejected', { version: version.document.version, code: 'bad_signature' }, now);
  if (good.length === 0) return 'rejected';

  const keptValue = (await db.settings.get(REFERENCE_DATA_SETTING))?.value;
  const kept = Value.Check(Kept, keptValue) ? keptValue : [];
  // A version's number names its figures for good (the back office never changes one); signatures differ each time (ECDSA).
  const same = kept.length === good.length && kept.every((v, i) => v.document.version === good[i]?.document.version);
  if (same) return 'unchanged';
  // Never back: a version once verified is replaced only by as new or newer ones (an old answer replayed, a stale cache).
  if (newest(good) < newest(kept)) {
    await logAction(db, 'reference_data_rejected', { version: newest(good), code: 'older' }, now);
    return 'rejected';
  }
  await db.settings.put({ key: REFERENCE_DATA_SETTING, value: good });
  // Not logged: a kiosk keeps a new version a few times a year, and the technician log is for what needs a look.
  inUse = good.map((v) => v.document);
  return 'kept';
}

export interface ReferenceDataSources {
  db: KioskDb;
  linkUp: () => boolean;
  /** The signed call (src/sync/backoffice.ts backOffice.referenceData). */
  fetch: () => Promise<ReferenceDataForKiosk>;
}

export interface ReferenceDataSync {
  /** Loads what is kept, then asks the back office if there is a link. Never rejects. */
  refresh(): Promise<KeepOutcome | 'offline' | 'failed'>;
  stop(): void;
}

/** Puts the kept versions in use at once, then asks `firstMs` after the start and every `intervalMs`. */
export function startReferenceDataSync(sources: ReferenceDataSources, intervalMs = REFERENCE_DATA_INTERVAL_MS, firstMs = FIRST_REFERENCE_DATA_MS): ReferenceDataSync {
  const loaded = loadKeptReferenceData(sources.db).catch(() => []);
  async function refresh(): Promise<KeepOutcome | 'offline' | 'failed'> {
    await loaded;
    if (!sources.linkUp()) return 'offline';
    try {
      return await keepReferenceData(sources.db, await sources.fetch());
    } catch {
      // No link after all, or an answer off the contract: the kept versions stay in use; asked again next time.
      return 'failed';
    }
  }
  const first = setTimeout(() => void refresh(), firstMs);
  const timer = setInterval(() => void refresh(), intervalMs);
  return {
    refresh,
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
