import type { TerminalProfile } from '../protocol/packets';
import type { KioskDb } from './kiosk-db';
import { terminalOf } from './terminal';

/*
 * The back office's public address (its PUBLIC_URL), which every receipt's QR carries, printed
 * offline too. A kiosk gets it in the enrolment answer; one enrolled before the answer carried it
 * asks for it (GET /api/v1/terminals/me, signed) until it has it, and every kiosk asks once a start
 * so that a back office whose address moved is followed. Kept in the terminal's row, so it lasts
 * through reloads and long offline spells. Why this channel: docs/sync.md, "The tracking address".
 */

/** What was kept: the terminal and its new address. */
export interface PublicUrlLearnt {
  terminalId: string;
  publicUrl: string;
}

/**
 * The ask for the readiness check: null when there was nothing to ask (not enrolled, refused, or
 * asked already this start with an address kept) or the answer changed nothing. Rejects as `ask` does
 * (no link); the next check asks again.
 */
export function publicUrlLearner(db: KioskDb, ask: () => Promise<TerminalProfile>): () => Promise<PublicUrlLearnt | null> {
  let askedThisStart = false;
  return async () => {
    const row = await terminalOf(db);
    if (!row || row.refused || (row.publicUrl !== undefined && askedThisStart)) return null;
    const profile = await ask();
    askedThisStart = true;
    return keepPublicUrl(db, row.terminalId, profile);
  };
}

/**
 * Keeps the address the back office gave for `terminalId`, if that is still this kiosk's identity
 * (a technician may have enrolled it again while the answer was on its way) and it is new.
 */
export async function keepPublicUrl(db: KioskDb, terminalId: string, profile: TerminalProfile): Promise<PublicUrlLearnt | null> {
  if (profile.terminalId !== terminalId) return null;
  return db.transaction('rw', db.terminal, async () => {
    const row = await terminalOf(db);
    if (row?.terminalId !== terminalId || row.publicUrl === profile.publicUrl) return null;
    await db.terminal.put({ ...row, publicUrl: profile.publicUrl });
    return { terminalId, publicUrl: profile.publicUrl };
  });
}
