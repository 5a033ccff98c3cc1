import { Value } from '@sinclair/typebox/value';
import { ApplicationPayload, type EnrolRequest, type Enrolled, type PublicKeyJwk, type SealedPacket } from '../protocol/packets';
import type { KioskDb, TerminalRow } from './kiosk-db';
import { TERMINAL_ROW } from './kiosk-db';
import { OutboxError, sealIntoOutbox } from './outbox';
import { exportPublicJwk, importBackOfficePublicKey, makeTerminalKeys, sealPacket } from './seal';

/*
 * This kiosk as a terminal of the back office: enrolled once with a technician's one-time code,
 * then sealing each finished application into the outbox with its own key.
 */

/**
 * Makes the terminal's key pair (the private half non-extractable, so it never leaves this
 * browser profile), sends the public half with the code, and keeps what the back office answers.
 * A kiosk enrolled again (a new code after a repair) starts a new key and its seqs from 1; the
 * outbox keeps what the old identity sealed.
 */
export function enrolTerminal(db: KioskDb, code: string, enrol: (body: EnrolRequest) => Promise<Enrolled>): Promise<TerminalRow> {
  return enrolWith(db, (publicKey) => enrol({ code, publicKey }));
}

/**
 * Enrolment by whatever the back office accepts for the public key: a technician's code
 * (enrolTerminal), or the sandbox's own enrolment of a test kiosk.
 */
export async function enrolWith(db: KioskDb, enrol: (publicKey: PublicKeyJwk) => Promise<Enrolled>): Promise<TerminalRow> {
  const keys = await makeTerminalKeys();
  const publicKeyJwk = await exportPublicJwk(keys.publicKey);
  const enrolled = await enrol(publicKeyJwk);
  const row: TerminalRow = {
    id: TERMINAL_ROW,
    terminalId: enrolled.terminalId,
    centreId: enrolled.centreId,
    signingKey: keys.privateKey,
    publicKeyJwk,
    backOfficeKey: enrolled.backOfficeKey,
    enrolledAt: enrolled.enrolledAt,
    publicUrl: enrolled.publicUrl,
    nextSeq: 1,
  };
  await db.terminal.put(row);
  return row;
}

export function terminalOf(db: KioskDb): Promise<TerminalRow | undefined> {
  return db.terminal.get(TERMINAL_ROW);
}

/**
 * Keeps that the back office refused `terminalId` itself (TERMINAL_REFUSALS), so the kiosk stays out
 * of order across reloads. A refusal of an identity the kiosk no longer has (enrolled again since
 * the request left) changes nothing.
 */
export async function markTerminalRefused(db: KioskDb, terminalId: string, code: string, at: Date): Promise<void> {
  await db.transaction('rw', db.terminal, async () => {
    const row = await terminalOf(db);
    if (row?.terminalId === terminalId && !row.refused) await db.terminal.put({ ...row, refused: { code, at: at.toISOString() } });
  });
}

/**
 * Seals a finished application and puts it in the outbox: once this resolves the application is
 * safe on this kiosk (and nothing here can read it back); only then may the receipt print. An
 * invalid payload is refused here, where the citizen is still present, rather than quarantined
 * later by the back office.
 */
export async function sealApplication(db: KioskDb, payload: ApplicationPayload, now: () => Date): Promise<SealedPacket> {
  if (!Value.Check(ApplicationPayload, payload)) {
    const first = [...Value.Errors(ApplicationPayload, payload)][0];
    throw new TypeError(`not a valid application payload: ${first?.path ?? ''} ${first?.message ?? ''}`);
  }
  const terminal = await terminalOf(db);
  if (!terminal) throw new OutboxError('not_enrolled');
  if (payload.application.terminalId !== terminal.terminalId) {
    throw new TypeError(`the application names terminal ${payload.application.terminalId}, this kiosk is ${terminal.terminalId}`);
  }
  const backOfficeKey = await importBackOfficePublicKey(terminal.backOfficeKey);
  return sealIntoOutbox(
    db,
    (seq) => sealPacket(payload, { terminalId: terminal.terminalId, seq, sealedAt: now().toISOString(), backOfficeKey, signingKey: terminal.signingKey }),
    () => now().getTime(),
  );
}
