import { Dexie, type DexieOptions, type EntityTable, type Table } from 'dexie';
import type { PublicKeyJwk, SealedPacket } from '../protocol/packets';
import type { FoldedCounts, JourneyRecord } from '../protocol/telemetry';
import type { OpenJourney } from '../telemetry/journey-recorder';

export const KIOSK_DB_NAME = 'kiosk';

export type OutboxState = 'pending' | 'quarantined';

/** Why the back office refused a packet for good: its error code and HTTP status, for the technician. */
export interface Quarantine {
  code: string;
  status: number;
  /** ms since the epoch. */
  at: number;
}

/** One sealed packet waiting for the back office's answer. Times are ms since the epoch. */
export interface OutboxEntry {
  /** The packet's application id: the key here and the idempotency key on the wire. */
  applicationId: string;
  packet: SealedPacket;
  seq: number;
  state: OutboxState;
  /** Sends that ended without a verdict (network, 5xx, an answer off the contract). */
  attempts: number;
  nextAttemptAt: number;
  /** The last such failure, for technician mode. */
  lastError: string | null;
  createdAt: number;
  quarantine?: Quarantine;
}

/** The key of the terminal table's only row. */
export const TERMINAL_ROW = 'this';

/** The terminal's own identity: one row, written at enrolment. */
export interface TerminalRow {
  id: typeof TERMINAL_ROW;
  terminalId: string;
  centreId: string;
  /** ECDSA P-256, non-extractable: IndexedDB keeps the key object itself, never its bytes. */
  signingKey: CryptoKey;
  publicKeyJwk: PublicKeyJwk;
  /** What packets are sealed to. */
  backOfficeKey: PublicKeyJwk;
  enrolledAt: string;
  /**
   * The back office's public address (its PUBLIC_URL), for the receipt's QR: from the enrolment
   * answer, or asked for later (src/sync/public-url.ts) by a kiosk enrolled before it was sent.
   */
  publicUrl?: string;
  /** The seq the next sealed packet gets. */
  nextSeq: number;
  /**
   * The back office refused a request signed by this identity as revoked or unknown: no citizen can
   * be served until a technician enrols the kiosk again (which writes a new row without it).
   */
  refused?: { code: string; at: string };
}

/**
 * One setting of this kiosk (the technician's PIN, its lockout, the device profile), by name.
 * The value is whatever its owner wrote, possibly by an older version of the app: owners check it
 * when they read it (src/admin/settings.ts).
 */
export interface SettingRow {
  key: string;
  value: unknown;
}

/** A detail of a technician's action: plain values only, never personal data (src/admin/audit-log.ts). */
export type TechnicianDetail = string | number | boolean | null;

/** One technician action. `seq` is given by IndexedDB in order of writing; `at` is ms since the epoch. */
export interface TechnicianLogRow {
  seq: number;
  at: number;
  action: string;
  details: Record<string, TechnicianDetail>;
}

/** Why the back office refused a telemetry record or fold for good (a 4xx other than the terminal's own refusals). */
export interface TelemetryRefusal {
  code: string;
  status: number;
  /** ms since the epoch. */
  at: number;
}

/**
 * One journey's telemetry (src/telemetry/): `open` while the journey goes on (written at each of its
 * events, so a reload finds it and closes it as interrupted), `ready` once finished and waiting for
 * the back office, `refused` when the back office will never take it (kept for the technician).
 * `order` is the first touch (ms since the epoch): the oldest are sent, and folded, first.
 * `attempted`: it went in a batch whose answer never came — the back office may hold it, so it is
 * sent again but never folded into counts (that could count it twice).
 */
export type TelemetryRow =
  | { sessionId: string; state: 'open'; order: number; attempted: false; journey: OpenJourney }
  | { sessionId: string; state: 'ready' | 'refused'; order: number; attempted: boolean; journey: JourneyRecord; refusal?: TelemetryRefusal };

/** Journeys kept only as counts (src/telemetry/fold.ts), waiting for the back office like the records. */
export interface TelemetryFoldRow {
  foldId: string;
  state: 'ready' | 'refused';
  /** ms since the epoch: folds go in the order they were made. */
  createdAt: number;
  fold: FoldedCounts;
  refusal?: TelemetryRefusal;
}

/**
 * The kiosk's IndexedDB. The outbox is indexed by [state+nextAttemptAt+seq] so the drain reads
 * which packets are due, and in which order, from the index alone — without loading every packet's
 * ciphertext; [state+createdAt] gives technician mode the oldest pending packet the same way.
 */
export class KioskDb extends Dexie {
  declare outbox: Table<OutboxEntry, string>;
  declare terminal: Table<TerminalRow, typeof TERMINAL_ROW>;
  declare settings: Table<SettingRow, string>;
  declare technicianLog: EntityTable<TechnicianLogRow, 'seq'>;
  declare telemetry: Table<TelemetryRow, string>;
  declare telemetryFolds: Table<TelemetryFoldRow, string>;

  /** `options` lets tests hand in their own IndexedDB (fake-indexeddb), one per test. */
  constructor(options?: DexieOptions) {
    super(KIOSK_DB_NAME, options);
    this.version(1).stores({
      outbox: 'applicationId, [state+nextAttemptAt+seq], [state+createdAt]',
      terminal: 'id',
    });
    // Dexie carries version 1's tables forward: version 2 names only what it adds, and opening a
    // kiosk's version-1 database adds these two tables and keeps the outbox as it is.
    this.version(2).stores({
      settings: 'key',
      technicianLog: '++seq',
    });
    // The journey telemetry and its folds (src/telemetry/), read oldest first by state.
    this.version(3).stores({
      telemetry: 'sessionId, [state+order]',
      telemetryFolds: 'foldId, [state+createdAt]',
    });
  }
}
