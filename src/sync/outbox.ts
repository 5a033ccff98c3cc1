import { Dexie } from 'dexie';
import type { SealedPacket } from '../protocol/packets';
import { TERMINAL_ROW, type KioskDb, type OutboxEntry, type OutboxState, type Quarantine } from './kiosk-db';
import { readLastSync, type LastSync } from './last-sync';

/**
 * The outbox: sealed packets stay here until the back office has answered for them.
 *
 * Putting a packet takes three steps, not one transaction: `reserveSeq` (a transaction), sealing
 * (WebCrypto, outside any transaction), `putPacket` (a transaction). An IndexedDB transaction
 * commits as soon as it waits on anything but its own requests, so a WebCrypto await inside one
 * would end it before the packet is written. The price: a crash between reserving and putting
 * skips a seq. The back office must take a terminal's seqs as increasing, not dense.
 */

export type OutboxErrorCode = 'not_enrolled' | 'packet_conflict';

export class OutboxError extends Error {
  constructor(readonly code: OutboxErrorCode) {
    super(`outbox: ${code}`);
  }
}

/** Takes the terminal's next seq for a packet about to be sealed; no two calls get the same one. */
export function reserveSeq(db: KioskDb): Promise<number> {
  return db.transaction('rw', db.terminal, async () => {
    const terminal = await db.terminal.get(TERMINAL_ROW);
    if (!terminal) throw new OutboxError('not_enrolled');
    await db.terminal.update(TERMINAL_ROW, { nextSeq: terminal.nextSeq + 1 });
    return terminal.nextSeq;
  });
}

/**
 * Writes a sealed packet to the outbox, due at once. Putting the very same packet again (same
 * signature) changes nothing, so a caller that does not know whether its put landed may repeat it;
 * another packet under the same application id is refused, since the first may already be on its way.
 */
export function putPacket(db: KioskDb, packet: SealedPacket, now: number): Promise<void> {
  return db.transaction('rw', db.outbox, async () => {
    const existing = await db.outbox.get(packet.applicationId);
    if (existing) {
      if (existing.packet.signature === packet.signature) return;
      throw new OutboxError('packet_conflict');
    }
    await db.outbox.add({
      applicationId: packet.applicationId,
      packet,
      seq: packet.seq,
      state: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      lastError: null,
      createdAt: now,
    });
  });
}

/** Reserves a seq, seals with it, and puts the packet; see the top of this file for why in three steps. */
export async function sealIntoOutbox(
  db: KioskDb,
  seal: (seq: number) => Promise<SealedPacket>,
  now: () => number,
): Promise<SealedPacket> {
  const packet = await seal(await reserveSeq(db));
  await putPacket(db, packet, now());
  return packet;
}

/** A quarantined packet as technician mode lists it (the ciphertext is of no use to anyone there). */
export interface QuarantinedPacket {
  applicationId: string;
  seq: number;
  createdAt: number;
  quarantine: Quarantine;
}

export interface OutboxSummary {
  pending: number;
  quarantined: number;
  /** ms since the oldest pending packet was put; null when none is pending. */
  oldestPendingAgeMs: number | null;
  quarantinedPackets: QuarantinedPacket[];
  /** The last drain round the back office answered; null before the first. */
  lastSync: LastSync | null;
}

function byState(db: KioskDb, state: OutboxState) {
  return db.outbox.where('[state+createdAt]').between([state, Dexie.minKey], [state, Dexie.maxKey], true, true);
}

/** What technician mode shows of the outbox. */
export async function listOutbox(db: KioskDb, now: number): Promise<OutboxSummary> {
  return db.transaction('r', db.outbox, db.settings, async () => {
    const pending = await byState(db, 'pending').count();
    const oldestKey = await byState(db, 'pending').firstKey();
    const quarantined = await byState(db, 'quarantined').toArray();
    const oldestCreatedAt = Array.isArray(oldestKey) ? oldestKey[1] : undefined;
    return {
      pending,
      quarantined: quarantined.length,
      oldestPendingAgeMs: typeof oldestCreatedAt === 'number' ? now - oldestCreatedAt : null,
      quarantinedPackets: quarantined.flatMap(quarantinedView),
      lastSync: await readLastSync(db),
    };
  });
}

function quarantinedView(entry: OutboxEntry): QuarantinedPacket[] {
  const { applicationId, seq, createdAt, quarantine } = entry;
  return quarantine ? [{ applicationId, seq, createdAt, quarantine }] : [];
}

/**
 * The technician sends a quarantined packet again (after re-enrolling the terminal, say): it is
 * pending and due at once, with a fresh count of attempts. False when there is no such packet in quarantine.
 */
export function releaseQuarantined(db: KioskDb, applicationId: string, now: number): Promise<boolean> {
  return db.transaction('rw', db.outbox, async () => {
    const entry = await db.outbox.get(applicationId);
    if (!entry || entry.state !== 'quarantined') return false;
    const { quarantine: _released, ...rest } = entry;
    await db.outbox.put({ ...rest, state: 'pending', attempts: 0, nextAttemptAt: now });
    return true;
  });
}

/**
 * Makes every pending packet due now, whatever its backoff: the link has just come back (the
 * browser's `online`, the back office answering again, the kiosk starting), so waiting out a
 * backoff of minutes learned while it was down would only keep citizens' applications here longer.
 */
export function makePendingDue(db: KioskDb, now: number): Promise<number> {
  return db.outbox
    .where('[state+nextAttemptAt+seq]')
    // Above every key due at `now` itself, whatever its seq: those are due already, left as they are.
    .between(['pending', now, Dexie.maxKey], ['pending', Dexie.maxKey, Dexie.maxKey], false, true)
    .modify({ nextAttemptAt: now });
}

/** The back office's verdicts on the terminal itself, not on one packet: no later packet will be taken either. */
export const TERMINAL_REFUSALS: ReadonlySet<string> = new Set(['revoked_terminal', 'unknown_terminal']);

/**
 * Whether the back office has refused this terminal (revoked, or never enrolled as far as it
 * knows), read from the quarantine: packets of an earlier identity, before a re-enrolment, do not count.
 */
export async function terminalRefused(db: KioskDb, terminalId: string): Promise<boolean> {
  const quarantined = await byState(db, 'quarantined').toArray();
  return quarantined.some((entry) => entry.packet.terminalId === terminalId && TERMINAL_REFUSALS.has(entry.quarantine?.code ?? ''));
}
