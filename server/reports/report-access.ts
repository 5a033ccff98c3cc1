import type { Queryable } from '../db/database';

/*
 * Which report scopes a supervisor may read: their branch, its region (one branch per region,
 * migration 0012), its centres and the terminals enrolled at them. Anything else — the country,
 * another branch — is answered as a scope that does not exist (404 unknown_scope), as the console
 * answers another branch's application or terminal.
 */
export async function supervisorMayRead(db: Queryable, branchId: string | null, scope: string): Promise<boolean> {
  if (branchId === null) return false;
  const match = /^(region|branch|centre|terminal):(.+)$/.exec(scope);
  if (!match) return false;
  const [, kind, id] = match;
  const sql = {
    branch: 'SELECT 1 FROM branches WHERE id = $2 AND id = $1',
    region: 'SELECT 1 FROM branches WHERE id = $2 AND region = $1',
    centre: 'SELECT 1 FROM centres WHERE id = $1 AND branch_id = $2',
    terminal: 'SELECT 1 FROM terminals t JOIN centres c ON c.id = t.centre_id WHERE t.terminal_id = $1 AND c.branch_id = $2',
  }[kind as 'branch' | 'region' | 'centre' | 'terminal'];
  const { rows } = await db.query(sql, [id, branchId]);
  return rows.length > 0;
}
