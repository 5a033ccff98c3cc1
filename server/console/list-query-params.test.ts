import { describe, expect, it } from 'vitest';
import { encodeCursor } from './list-cursor';
import { listQueryError, parseListQuery } from './list-query-params';

const CURSOR = encodeCursor({ createdAt: '2026-03-02T05:00:00.123456Z', id: '6f1c1a52-8b8e-4a39-9a57-1a4b8f0c2d11' });

function errorsOf(query: Record<string, unknown>) {
  const parsed = parseListQuery(query);
  return parsed.ok ? [] : parsed.errors;
}

describe('the applications list query string', () => {
  it('with nothing in it lists everything but test applications, 50 a page, from the newest', () => {
    const parsed = parseListQuery({});
    expect(parsed).toEqual({
      ok: true,
      filters: expect.objectContaining({ statuses: null, centreIds: null, test: 'exclude', limit: 50, cursor: null }),
    });
  });

  it('reads every filter', () => {
    const parsed = parseListQuery({
      status: 'pending_checks,rejected',
      centre: 'AST-ESIL,ALA-MED',
      terminal: 'AST-ESIL-T1',
      service: '09,13',
      document: 'passport',
      from: '2026-03-01',
      to: '2026-03-31',
      channel: 'offline',
      pending: 'true',
      test: 'include',
      limit: '20',
      cursor: CURSOR,
    });
    expect(parsed).toEqual({
      ok: true,
      filters: {
        statuses: ['pending_checks', 'rejected'],
        centreIds: ['AST-ESIL', 'ALA-MED'],
        terminalId: 'AST-ESIL-T1',
        services: ['09', '13'],
        document: 'passport',
        createdFrom: '2026-03-01',
        createdTo: '2026-03-31',
        channel: 'offline',
        pendingChecks: true,
        test: 'include',
        limit: 20,
        cursor: { createdAt: '2026-03-02T05:00:00.123456Z', id: '6f1c1a52-8b8e-4a39-9a57-1a4b8f0c2d11' },
      },
    });
  });

  it.each([
    ['status', 'accepted,lost', 'invalid_status'],
    ['status', '', 'invalid_status'],
    ['centre', 'ast-esil', 'invalid_centre'],
    ['centre', Array.from({ length: 51 }, (_, i) => `C${i}`).join(','), 'invalid_centre'],
    ['terminal', 'T 1', 'invalid_terminal'],
    ['service', '05', 'invalid_service'],
    ['document', 'driving_licence', 'invalid_document'],
    ['from', '2026-02-30', 'invalid_from'],
    ['to', '1999-01-01', 'invalid_to'],
    ['channel', 'phone', 'invalid_channel'],
    ['pending', 'yes', 'invalid_pending'],
    ['test', 'all', 'invalid_test'],
    ['limit', '0', 'invalid_limit'],
    ['limit', '201', 'invalid_limit'],
    ['limit', '1e2', 'invalid_limit'],
    ['cursor', 'not-a-cursor', 'invalid_cursor'],
    ['sort', 'oldest', 'unknown_field'],
  ])('refuses %s=%j with %s', (field, value, code) => {
    expect(errorsOf({ [field]: value })).toEqual([{ field, code }]);
  });

  it('refuses a field given twice, which the query string parser makes a list', () => {
    expect(errorsOf({ status: ['accepted', 'rejected'] })).toEqual([{ field: 'status', code: 'repeated_field' }]);
  });

  it('refuses a range that ends before it begins', () => {
    expect(errorsOf({ from: '2026-03-02', to: '2026-03-01' })).toEqual([{ field: 'to', code: 'to_before_from' }]);
    expect(parseListQuery({ from: '2026-03-02', to: '2026-03-02' }).ok).toBe(true);
  });

  it('names every bad field at once, and the 400 body carries the first code and all of them', () => {
    const errors = errorsOf({ status: 'x', document: 'y', limit: '-1' });
    expect(errors).toEqual([
      { field: 'status', code: 'invalid_status' },
      { field: 'document', code: 'invalid_document' },
      { field: 'limit', code: 'invalid_limit' },
    ]);
    expect(listQueryError(errors)).toEqual({ code: 'invalid_status', detail: 'status: invalid_status; document: invalid_document; limit: invalid_limit' });
  });
});

describe('the list cursor', () => {
  it('comes back as the sort key it was made from', () => {
    const parsed = parseListQuery({ cursor: CURSOR });
    expect(parsed.ok && parsed.filters.cursor).toEqual({ createdAt: '2026-03-02T05:00:00.123456Z', id: '6f1c1a52-8b8e-4a39-9a57-1a4b8f0c2d11' });
  });

  it('is refused when any one character of it is changed', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let i = 0; i < CURSOR.length; i++) {
      const other = alphabet[(alphabet.indexOf(CURSOR[i]!) + 1) % alphabet.length]!;
      const tampered = CURSOR.slice(0, i) + other + CURSOR.slice(i + 1);
      expect(errorsOf({ cursor: tampered }), `character ${i}`).toEqual([{ field: 'cursor', code: 'invalid_cursor' }]);
    }
  });

  it('is refused when cut short, lengthened, or made by hand with another key and no checksum', () => {
    const forged = Buffer.from('2026-03-02T05:00:00.123456Z|6f1c1a52-8b8e-4a39-9a57-1a4b8f0c2d11').toString('base64url');
    for (const cursor of [CURSOR.slice(0, -1), `${CURSOR}A`, forged, 'x'.repeat(201)]) {
      expect(errorsOf({ cursor })).toEqual([{ field: 'cursor', code: 'invalid_cursor' }]);
    }
  });
});
