import { createHash } from 'node:crypto';
import { isUuid } from '../uuid';

/*
 * The list's cursor: the sort key of the last row a page showed (created_at to the microsecond, as
 * PostgreSQL holds it, and the id that breaks ties), with a checksum, as base64url. Opaque to the
 * console, which only hands it back. The checksum is not a secret: it makes an edited or truncated
 * cursor a clean 400 instead of a page that starts somewhere else. Forging one gains nothing, since
 * every page is read inside the caller's scope whatever the cursor says.
 */

export interface ListCursor {
  /** UTC, six fraction digits: 2026-03-02T05:00:00.123456Z. */
  createdAt: string;
  id: string;
}

const CREATED_AT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{6}Z$/;

const checksum = (key: string) => createHash('sha256').update(key).digest('base64url').slice(0, 11);

export function encodeCursor(cursor: ListCursor): string {
  const key = `${cursor.createdAt}|${cursor.id}`;
  return Buffer.from(`${key}|${checksum(key)}`, 'utf8').toString('base64url');
}

/** The cursor's sort key, or null when it is not one this back office made (unchanged). */
export function decodeCursor(text: string): ListCursor | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(text)) return null;
  const raw = Buffer.from(text, 'base64url');
  // Node ignores stray trailing bits; only the exact encoding of the bytes is ours.
  if (raw.toString('base64url') !== text) return null;
  const parts = raw.toString('utf8').split('|');
  if (parts.length !== 3) return null;
  const [createdAt, id, sum] = parts as [string, string, string];
  if (sum !== checksum(`${createdAt}|${id}`)) return null;
  if (!isUuid(id) || !isInstant(createdAt)) return null;
  return { createdAt, id };
}

function isInstant(value: string): boolean {
  const m = CREATED_AT.exec(value);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60 && s < 60;
}
