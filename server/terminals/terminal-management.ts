import { ENROLMENT_CODE_HOURS } from '../../src/protocol/packets';
import type { ManagedTerminal, TerminalManagementError } from '../../src/protocol/staff-terminals';
import type { Database, Queryable } from '../db/database';
import type { AuditLog } from '../staff/audit-log';
import { enrolmentCodeHash, newEnrolmentCode } from '../sync/enrolment-code';
import { scopeParams, type CentreScope } from '../staff/scope';

/*
 * What a supervisor (the centres of their branch) or an admin (every centre) does to terminals from
 * the staff console: enrol, name, move, revoke. Each change and its audit entry are written in one
 * transaction, and each statement carries the scope, so a terminal or centre outside it is never
 * read nor touched — not even between a check and the write.
 */

export interface ManagementContext {
  db: Database;
  auditLog: Pick<AuditLog, 'record'>;
  scope: CentreScope;
  staffId: string;
  now: Date;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; code: TerminalManagementError };

interface Row {
  terminal_id: string;
  centre_id: string;
  name: string | null;
  enrolled_at: Date | null;
  revoked_at: Date | null;
}

const iso = (value: Date | null): string | null => (value === null ? null : new Date(value).toISOString());
const managed = (row: Row): ManagedTerminal => ({
  terminalId: row.terminal_id,
  centreId: row.centre_id,
  name: row.name,
  enrolledAt: iso(row.enrolled_at),
  revokedAt: iso(row.revoked_at),
});


/** A line break (U+2028/2029 too) or other control character: a name is one line on a screen and in the audit log. */
const CONTROL = /[\p{Cc}\u2028\u2029]/u;

/** Trimmed, 1 to `max` characters on one line; null when nothing is left, it is too long, or holds a control character. */
export function cleanName(name: string, max: number): string | null {
  const trimmed = name.trim();
  return trimmed.length === 0 || [...trimmed].length > max || CONTROL.test(trimmed) ? null : trimmed;
}

export interface CentreChoice {
  id: string;
  branchId: string;
  nameRu: string;
  nameKk: string;
}

/** The centres of the scope, by id. */
export async function centresInScope(db: Queryable, scope: CentreScope): Promise<CentreChoice[]> {
  const { rows } = await db.query<{ id: string; branch_id: string; name_ru: string; name_kk: string }>(
    'SELECT id, branch_id, name_ru, name_kk FROM centres WHERE $1::boolean OR id = ANY($2::text[]) ORDER BY id',
    scopeParams(scope),
  );
  return rows.map((r) => ({ id: r.id, branchId: r.branch_id, nameRu: r.name_ru, nameKk: r.name_kk }));
}

async function centreInScope(tx: Queryable, scope: CentreScope, centreId: string): Promise<boolean> {
  const { rows } = await tx.query('SELECT 1 FROM centres WHERE id = $3 AND ($1::boolean OR id = ANY($2::text[]))', [...scopeParams(scope), centreId]);
  return rows.length > 0;
}

/** The terminal, locked for the change, if it stands in a centre of the scope. */
async function lockedInScope(tx: Queryable, scope: CentreScope, terminalId: string): Promise<Row | null> {
  const { rows } = await tx.query<Row>(
    `SELECT terminal_id, centre_id, name, enrolled_at, revoked_at FROM terminals
      WHERE terminal_id = $3 AND ($1::boolean OR centre_id = ANY($2::text[])) FOR UPDATE`,
    [...scopeParams(scope), terminalId],
  );
  return rows[0] ?? null;
}

/**
 * Creates the terminal in `centreId` with a one-time code (24 hours), or gives a new code to one of
 * the scope not yet enrolled (the first code lost, or the kiosk not set up in time), moving it to
 * `centreId` and keeping its name unless a new one is given. `terminal_exists` for an id enrolled,
 * revoked, or of a centre outside the scope: a supervisor cannot take over another branch's terminal.
 */
export async function enrolInScope(
  c: ManagementContext,
  terminal: { terminalId: string; centreId: string; name: string | null },
): Promise<Outcome<{ code: string; expiresAt: Date }>> {
  return c.db.transaction(async (tx) => {
    if (!(await centreInScope(tx, c.scope, terminal.centreId))) return { ok: false, code: 'centre_not_found' };
    const { rows } = await tx.query<{ reissued: boolean }>(
      `INSERT INTO terminals (terminal_id, centre_id, name, created_at) VALUES ($3, $4, $5, $6)
       ON CONFLICT (terminal_id) DO UPDATE SET centre_id = EXCLUDED.centre_id, name = COALESCE(EXCLUDED.name, terminals.name)
         WHERE terminals.enrolled_at IS NULL AND terminals.revoked_at IS NULL AND ($1::boolean OR terminals.centre_id = ANY($2::text[]))
       RETURNING (xmax <> 0) AS reissued`,
      [...scopeParams(c.scope), terminal.terminalId, terminal.centreId, terminal.name, c.now],
    );
    const row = rows[0];
    if (!row) return { ok: false, code: 'terminal_exists' };
    const code = newEnrolmentCode();
    const expiresAt = new Date(c.now.getTime() + ENROLMENT_CODE_HOURS * 3_600_000);
    await tx.query('DELETE FROM enrolment_codes WHERE terminal_id = $1 AND used_at IS NULL', [terminal.terminalId]);
    await tx.query('INSERT INTO enrolment_codes (code_hash, terminal_id, expires_at) VALUES ($1, $2, $3)', [enrolmentCodeHash(code), terminal.terminalId, expiresAt]);
    await c.auditLog.record(
      { staffId: c.staffId, action: 'terminal_enrolled', details: { terminalId: terminal.terminalId, centreId: terminal.centreId, reissued: row.reissued } },
      tx,
    );
    return { ok: true, value: { code, expiresAt } };
  });
}

/** Names the terminal (null: no name). Unchanged: nothing written, nothing audited. */
export async function renameInScope(c: ManagementContext, terminalId: string, name: string | null): Promise<Outcome<ManagedTerminal>> {
  return change(c, terminalId, async (tx, row) => {
    if (row.name === name) return row;
    await tx.query('UPDATE terminals SET name = $2 WHERE terminal_id = $1', [terminalId, name]);
    await c.auditLog.record({ staffId: c.staffId, action: 'terminal_renamed', details: { terminalId, from: row.name, to: name } }, tx);
    return { ...row, name };
  });
}

/**
 * Moves the terminal to another centre of the scope. An enrolled kiosk keeps its key; the back office
 * reads its centre from this row (server/sync/terminal-key.ts), so its next applications count there.
 */
export async function moveInScope(c: ManagementContext, terminalId: string, centreId: string): Promise<Outcome<ManagedTerminal>> {
  return change(c, terminalId, async (tx, row) => {
    if (!(await centreInScope(tx, c.scope, centreId))) return 'centre_not_found';
    if (row.centre_id === centreId) return row;
    await tx.query('UPDATE terminals SET centre_id = $2 WHERE terminal_id = $1', [terminalId, centreId]);
    await c.auditLog.record({ staffId: c.staffId, action: 'terminal_moved', details: { terminalId, from: row.centre_id, to: centreId } }, tx);
    return { ...row, centre_id: centreId };
  });
}

/**
 * Revokes the terminal: from now on the back office refuses everything it signs, and an unused code
 * of it enrols nothing. Revoking again answers the first revocation and audits nothing.
 */
export async function revokeInScope(c: ManagementContext, terminalId: string): Promise<Outcome<ManagedTerminal>> {
  return c.db.transaction(async (tx) => {
    const row = await lockedInScope(tx, c.scope, terminalId);
    if (!row) return { ok: false, code: 'not_found' };
    if (row.revoked_at) return { ok: true, value: managed(row) };
    await tx.query('UPDATE terminals SET revoked_at = $2 WHERE terminal_id = $1', [terminalId, c.now]);
    await tx.query('DELETE FROM enrolment_codes WHERE terminal_id = $1 AND used_at IS NULL', [terminalId]);
    await c.auditLog.record({ staffId: c.staffId, action: 'terminal_revoked', details: { terminalId, centreId: row.centre_id } }, tx);
    return { ok: true, value: managed({ ...row, revoked_at: c.now }) };
  });
}

/** A change to a terminal of the scope that is not revoked: `apply` returns the row after it, or a refusal. */
async function change(
  c: ManagementContext,
  terminalId: string,
  apply: (tx: Queryable, row: Row) => Promise<Row | TerminalManagementError>,
): Promise<Outcome<ManagedTerminal>> {
  return c.db.transaction(async (tx) => {
    const row = await lockedInScope(tx, c.scope, terminalId);
    if (!row) return { ok: false, code: 'not_found' };
    if (row.revoked_at) return { ok: false, code: 'terminal_revoked' };
    const after = await apply(tx, row);
    return typeof after === 'string' ? { ok: false, code: after } : { ok: true, value: managed(after) };
  });
}
