import type { LogExport } from '../admin/audit-log';
import { readSetting, writeSetting } from '../admin/settings';
import {
  LOG_UPLOAD_VERSION,
  logUploadSignedBytes,
  MAX_LOG_BYTES,
  MAX_LOG_ENTRIES,
  type TechnicianLogReceived,
  type TechnicianLogUpload,
} from '../protocol/technician-log';
import { backOffice, BackOfficeError } from './backoffice';
import type { KioskDb } from './kiosk-db';
import { signAsTerminal } from './seal';
import { terminalOf } from './terminal';

/*
 * The technician log sent to the back office (src/protocol/technician-log.ts): signed with the
 * terminal's own key, in clear (it holds no personal data). The kiosk keeps the seq of the last
 * entry the back office took, so the next export sends only what is new.
 */

/** Posts one signed upload; rejects with a BackOfficeError (its code says why) when it was not taken. */
export type PostLog = (terminalId: string, upload: TechnicianLogUpload) => Promise<TechnicianLogReceived>;

/** The terminal's signed upload of these lines. */
export async function signLogUpload(terminalId: string, jsonl: string, signingKey: CryptoKey): Promise<TechnicianLogUpload> {
  const unsigned = { v: LOG_UPLOAD_VERSION, jsonl } as const;
  return { ...unsigned, signature: await signAsTerminal(signingKey, logUploadSignedBytes(terminalId, unsigned)) };
}

/**
 * The lines cut into uploads the back office takes (MAX_LOG_ENTRIES lines, MAX_LOG_BYTES each),
 * in order; one empty upload for no lines, which still tells whether the back office answers.
 */
export function logParts(jsonl: string): string[] {
  const parts: string[] = [];
  let part = '';
  let entries = 0;
  let bytes = 0;
  const encoder = new TextEncoder();
  for (const line of jsonl.split(/(?<=\n)/)) {
    if (line === '') continue;
    const size = encoder.encode(line).length;
    if (entries > 0 && (entries === MAX_LOG_ENTRIES || bytes + size > MAX_LOG_BYTES)) {
      parts.push(part);
      part = '';
      entries = 0;
      bytes = 0;
    }
    part += line;
    entries++;
    bytes += size;
  }
  parts.push(part);
  return parts;
}

/**
 * Signs and sends the exported entries, then keeps `exported.lastSeq` as taken. A failure part-way
 * keeps the old mark: the parts already taken are sent again next time and counted once (the back
 * office keeps each terminal's entry by its seq). Rejects with BackOfficeError: 'not_enrolled'
 * with no terminal, 'network' unanswered, else the back office's code (src/protocol/technician-log.ts).
 */
export async function uploadTechnicianLog(
  db: KioskDb,
  exported: LogExport,
  post: PostLog = backOffice.uploadTechnicianLog,
): Promise<{ received: number; lastSeq: number }> {
  const terminal = await terminalOf(db);
  if (!terminal) throw new BackOfficeError('not_enrolled', null);
  let received = 0;
  let lastSeq = 0;
  for (const part of logParts(exported.jsonl)) {
    const answer = await post(terminal.terminalId, await signLogUpload(terminal.terminalId, part, terminal.signingKey));
    received += answer.received;
    lastSeq = answer.lastSeq;
  }
  await db.transaction('rw', db.settings, async () => {
    // Never backwards: an export read before another one finished must not undo its mark.
    if (exported.lastSeq > (await lastUploadedSeq(db))) await writeSetting(db, 'logUploadedSeq', exported.lastSeq);
  });
  return { received, lastSeq };
}

/** The seq of the last technician-log entry the back office took; 0 before the first upload. */
export async function lastUploadedSeq(db: KioskDb): Promise<number> {
  const value = await readSetting(db, 'logUploadedSeq');
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : 0;
}
