import { SERVICE_CODES, type DocumentKind, type ServiceCode } from '../../src/protocol/common';
import { APPLICATION_STATUSES, CURSOR_MAX_LENGTH, LIST_PAGE_DEFAULT, LIST_PAGE_MAX, type ApplicationStatus, type Channel } from '../../src/protocol/console';
import { isWireDate } from '../../src/protocol/formats';
import { decodeCursor, type ListCursor } from './list-cursor';

/*
 * The list's query string (src/protocol/console.ts ApplicationListQuery) checked field by field:
 * every bad field is named with its own code, all of them at once, so the console can mark each
 * filter the staff member got wrong. Pure: no database, no scope.
 */

export interface ListFilters {
  statuses: ApplicationStatus[] | null;
  /** Narrows the caller's scope; never widens it (server/console/list-query.ts). */
  centreIds: string[] | null;
  terminalId: string | null;
  services: ServiceCode[] | null;
  document: DocumentKind | null;
  /** Kazakhstan calendar days (UTC+5), both inclusive. */
  createdFrom: string | null;
  createdTo: string | null;
  channel: Channel | null;
  pendingChecks: boolean | null;
  test: 'exclude' | 'include' | 'only';
  limit: number;
  cursor: ListCursor | null;
}

export const NO_FILTERS: ListFilters = {
  statuses: null,
  centreIds: null,
  terminalId: null,
  services: null,
  document: null,
  createdFrom: null,
  createdTo: null,
  channel: null,
  pendingChecks: null,
  test: 'exclude',
  limit: LIST_PAGE_DEFAULT,
  cursor: null,
};

export interface FieldError {
  field: string;
  code: string;
}

export type ParsedListQuery = { ok: true; filters: ListFilters } | { ok: false; errors: FieldError[] };

const CENTRE_ID = /^[A-Z0-9-]{1,32}$/;
const TERMINAL_ID = /^[A-Z0-9][A-Z0-9-]{0,31}$/;
/** More values in one list than any real filter needs: a longer one is a mistake or an attack on the planner. */
const MAX_LIST_VALUES = 50;

const KNOWN = ['status', 'centre', 'terminal', 'service', 'document', 'from', 'to', 'channel', 'pending', 'test', 'limit', 'cursor'] as const;

export function parseListQuery(query: Readonly<Record<string, unknown>>): ParsedListQuery {
  const errors: FieldError[] = [];
  const filters: ListFilters = { ...NO_FILTERS };
  const fail = (field: string, code: string) => errors.push({ field, code });

  for (const field of Object.keys(query)) {
    if (!(KNOWN as readonly string[]).includes(field)) fail(field, 'unknown_field');
  }
  /** The field's one text value; undefined when absent, null (and an error) when not a single string. */
  const text = (field: (typeof KNOWN)[number]): string | null | undefined => {
    const value = query[field];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') {
      fail(field, Array.isArray(value) ? 'repeated_field' : `invalid_${field}`);
      return null;
    }
    return value;
  };
  const list = <T extends string>(field: (typeof KNOWN)[number], valid: (v: string) => v is T): T[] | null => {
    const value = text(field);
    if (value == null) return null;
    const items = value.split(',');
    if (items.length > MAX_LIST_VALUES || !items.every(valid)) {
      fail(field, `invalid_${field}`);
      return null;
    }
    return [...new Set(items)];
  };
  const oneOf = <T extends string>(field: (typeof KNOWN)[number], values: readonly T[]): T | null => {
    const value = text(field);
    if (value == null) return null;
    if ((values as readonly string[]).includes(value)) return value as T;
    fail(field, `invalid_${field}`);
    return null;
  };
  const date = (field: 'from' | 'to'): string | null => {
    const value = text(field);
    if (value == null) return null;
    if (isWireDate(value)) return value;
    fail(field, `invalid_${field}`);
    return null;
  };

  filters.statuses = list('status', (v): v is ApplicationStatus => (APPLICATION_STATUSES as readonly string[]).includes(v));
  filters.centreIds = list('centre', (v): v is string => CENTRE_ID.test(v));
  const terminal = text('terminal');
  if (terminal != null) {
    if (TERMINAL_ID.test(terminal)) filters.terminalId = terminal;
    else fail('terminal', 'invalid_terminal');
  }
  filters.services = list('service', (v): v is ServiceCode => (SERVICE_CODES as readonly string[]).includes(v));
  filters.document = oneOf<DocumentKind>('document', ['id_card', 'passport']);
  filters.createdFrom = date('from');
  filters.createdTo = date('to');
  if (filters.createdFrom && filters.createdTo && filters.createdFrom > filters.createdTo) fail('to', 'to_before_from');
  filters.channel = oneOf<Channel>('channel', ['online', 'offline']);
  const pending = oneOf('pending', ['true', 'false']);
  filters.pendingChecks = pending === null ? null : pending === 'true';
  filters.test = oneOf('test', ['exclude', 'include', 'only']) ?? 'exclude';

  const limit = text('limit');
  if (limit != null) {
    const n = /^[0-9]{1,3}$/.test(limit) ? Number(limit) : Number.NaN;
    if (n >= 1 && n <= LIST_PAGE_MAX) filters.limit = n;
    else fail('limit', 'invalid_limit');
  }
  const cursor = text('cursor');
  if (cursor != null) {
    filters.cursor = cursor.length <= CURSOR_MAX_LENGTH ? decodeCursor(cursor) : null;
    if (!filters.cursor) fail('cursor', 'invalid_cursor');
  }

  return errors.length > 0 ? { ok: false, errors } : { ok: true, filters };
}

/** The 400 body for a refused query: the first field's code, every field named in the detail. */
export function listQueryError(errors: readonly FieldError[]): { code: string; detail: string } {
  return { code: errors[0]?.code ?? 'invalid_query', detail: errors.map((e) => `${e.field}: ${e.code}`).join('; ') };
}
