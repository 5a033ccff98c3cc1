import type { Queryable } from '../db/database';
import { ReportError } from './report-error';

/*
 * A report's scope ('country', 'region:<code>', 'branch:<id>', 'centre:<id>', 'terminal:<id>')
 * resolved once against the reference tables into what the report's SQL filters on: the centres
 * it covers (journeys and applications carry the centre where they happened), or one terminal.
 */

export type ScopeKind = 'country' | 'region' | 'branch' | 'centre' | 'terminal';

export interface ResolvedScope {
  /** As asked, e.g. 'centre:AST-ESIL'. */
  scope: string;
  kind: ScopeKind;
  /** The centres covered; null for the country (every centre, listed or not). */
  centres: string[] | null;
  /** For a terminal's scope. */
  terminalId: string | null;
  name: { ru: string; kk: string };
}

const SCOPE = /^(country|(region|branch|centre|terminal):([A-Za-z0-9_-]{1,32}))$/;

const COUNTRY_NAME = { ru: 'Казахстан', kk: 'Қазақстан' };

/** 'invalid_scope' for a malformed scope, 'unknown_scope' for one naming nothing the back office knows. */
export async function resolveScope(db: Queryable, scope: string): Promise<ResolvedScope> {
  const match = SCOPE.exec(scope);
  if (!match) throw new ReportError('invalid_scope', `a scope is country, region:<code>, branch:<id>, centre:<id> or terminal:<id>, not ${JSON.stringify(scope)}`);
  const kind = (match[2] ?? 'country') as ScopeKind;
  const id = match[3] ?? '';
  const unknown = () => new ReportError('unknown_scope', `no ${kind} ${JSON.stringify(id)}`);
  switch (kind) {
    case 'country':
      return { scope, kind, centres: null, terminalId: null, name: COUNTRY_NAME };
    case 'region': {
      // One branch per region (migration 0012): the branch's name names the region too.
      const { rows } = await db.query<{ name_ru: string | null; name_kk: string | null; centres: string[] }>(
        `SELECT b.name_ru, b.name_kk, ARRAY(SELECT c.id FROM centres c WHERE c.region = $1 ORDER BY c.id) AS centres
         FROM (SELECT 1) one LEFT JOIN branches b ON b.region = $1`,
        [id],
      );
      const row = rows[0];
      if (!row || (row.name_ru === null && row.centres.length === 0)) throw unknown();
      return { scope, kind, centres: row.centres, terminalId: null, name: { ru: row.name_ru ?? id, kk: row.name_kk ?? id } };
    }
    case 'branch': {
      const { rows } = await db.query<{ name_ru: string; name_kk: string; centres: string[] }>(
        'SELECT b.name_ru, b.name_kk, ARRAY(SELECT c.id FROM centres c WHERE c.branch_id = b.id ORDER BY c.id) AS centres FROM branches b WHERE b.id = $1',
        [id],
      );
      const row = rows[0];
      if (!row) throw unknown();
      return { scope, kind, centres: row.centres, terminalId: null, name: { ru: row.name_ru, kk: row.name_kk } };
    }
    case 'centre': {
      // A centre the reference tables do not list may still hold terminals (migration 0018): named by its id.
      const { rows } = await db.query<{ name_ru: string | null; name_kk: string | null }>(
        `SELECT c.name_ru, c.name_kk FROM (SELECT 1) one LEFT JOIN centres c ON c.id = $1
         WHERE c.id IS NOT NULL OR EXISTS (SELECT 1 FROM terminals t WHERE t.centre_id = $1)`,
        [id],
      );
      const row = rows[0];
      if (!row) throw unknown();
      return { scope, kind, centres: [id], terminalId: null, name: { ru: row.name_ru ?? id, kk: row.name_kk ?? id } };
    }
    case 'terminal': {
      const { rows } = await db.query<{ name: string | null }>('SELECT name FROM terminals WHERE terminal_id = $1', [id]);
      const row = rows[0];
      if (!row) throw unknown();
      const name = row.name ?? id;
      return { scope, kind, centres: null, terminalId: id, name: { ru: name, kk: name } };
    }
  }
}

/**
 * The scope as a SQL condition on a table's centre and terminal columns, its value as parameter
 * `$n`: one plain condition per scope, so the planner sees each query as it is.
 */
export function scopeCondition(scope: ResolvedScope, n: number, columns: { centre: string; terminal: string }): { sql: string; param: unknown } {
  if (scope.terminalId !== null) return { sql: `${columns.terminal} = $${n}`, param: scope.terminalId };
  if (scope.centres !== null) return { sql: `${columns.centre} = ANY($${n}::text[])`, param: scope.centres };
  return { sql: `$${n}::text IS NULL`, param: null };
}
