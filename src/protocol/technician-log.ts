import { Type, type Static } from '@sinclair/typebox';
import { IsoDateTime, MAX_INT32, Text } from './common';

/*
 * A terminal's technician log, sent to the back office (docs/sync.md, "The technician log").
 * The log holds codes, counts and device kinds, never a citizen's data (src/admin/audit-log.ts),
 * so it travels in clear; what matters is that it comes from the terminal it names, so it is
 * signed with the terminal's own key, as a sealed packet is.
 */

export const LOG_UPLOAD_VERSION = 1;

/** What one upload may carry at most: a kiosk keeps 1000 entries (LOG_CAPACITY), so a whole log fits. */
export const MAX_LOG_ENTRIES = 1000;
/** Of the JSON lines, in UTF-8 bytes. */
export const MAX_LOG_BYTES = 512 * 1024;

/** One line of the upload's `jsonl`, as src/admin/audit-log.ts exportLog writes it. */
export const TechnicianLogEntry = Type.Object(
  {
    /** The kiosk's own numbering of its log, increasing; with the terminal, the idempotency key. */
    seq: Type.Integer({ minimum: 1, maximum: MAX_INT32 }),
    at: IsoDateTime,
    action: Type.String({ pattern: '^[a-z][a-z0-9_]{0,63}$' }),
    /** Stored as jsonb: names as the kiosk's TechnicianActions write them, values PostgreSQL can hold. */
    details: Type.Record(
      Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]{0,63}$' }),
      Type.Union([Text({ maxLength: 256 }), Type.Number(), Type.Boolean(), Type.Null()]),
      { additionalProperties: false, maxProperties: 32 },
    ),
  },
  { additionalProperties: false },
);
export type TechnicianLogEntry = Static<typeof TechnicianLogEntry>;

/**
 * POST /api/v1/terminals/:terminalId/log. `jsonl` is sent as the kiosk wrote it: one
 * TechnicianLogEntry a line, each ending in '\n' ('' for none), so the bytes signed are the bytes
 * sent. `signature` is ECDSA P-256 / SHA-256 (P1363, r‖s) by the terminal's key over
 * `logUploadSignedBytes`. The bound on `jsonl` here is only the body's; MAX_LOG_BYTES is the
 * route's rule, answered with its own code.
 */
export const TechnicianLogUpload = Type.Object(
  {
    v: Type.Literal(LOG_UPLOAD_VERSION),
    jsonl: Type.String({ maxLength: 4 * MAX_LOG_BYTES }),
    signature: Type.String({ pattern: '^[A-Za-z0-9_-]*$', maxLength: 86 }),
  },
  { additionalProperties: false },
);
export type TechnicianLogUpload = Static<typeof TechnicianLogUpload>;

/**
 * What the terminal signs: a tag of its own (so no log can pass for a packet, nor a packet for a
 * log), the version, the terminal's id from the path, and the lines, as UTF-8 JSON.
 */
export function logUploadSignedBytes(terminalId: string, upload: Pick<TechnicianLogUpload, 'v' | 'jsonl'>): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(JSON.stringify(['kiosk-technician-log', upload.v, terminalId, upload.jsonl]));
}

/** 200: every entry of the upload is held now. */
export const TechnicianLogReceived = Type.Object({
  /** Entries stored by this upload; one sent before counts 0. */
  received: Type.Integer({ minimum: 0 }),
  /** The highest seq the back office holds of this terminal's log; 0 when none. */
  lastSeq: Type.Integer({ minimum: 0 }),
});
export type TechnicianLogReceived = Static<typeof TechnicianLogReceived>;

/**
 * 4xx codes of POST /api/v1/terminals/:terminalId/log:
 * - unknown_terminal (403), revoked_terminal (403), bad_signature (400), as for packets
 * - log_too_large (413): more than MAX_LOG_ENTRIES lines or MAX_LOG_BYTES; send it in parts
 * - invalid_request (400): not an upload, or a line that is not a TechnicianLogEntry
 */
export type TechnicianLogErrorCode = 'unknown_terminal' | 'revoked_terminal' | 'bad_signature' | 'log_too_large' | 'invalid_request';
