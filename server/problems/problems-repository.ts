import type { Queryable } from '../db/database';
import type { Problem, ProblemCategory, ProblemPlaces, ProblemSource, ProblemStatus } from '../../src/protocol/problems';
import { centresToRead, kazakhstanDayStart } from '../console/list-query';
import type { CentreScope } from '../staff/scope';

interface Row {
  id: string;
  centre_id: string;
  terminal_id: string | null;
  category: ProblemCategory;
  source: ProblemSource;
  description: string;
  happened_at: Date | string;
  happened_key: string;
  action_taken: string;
  status: ProblemStatus;
  resolved_at: Date | string | null;
  recorded_by: string;
  recorded_by_name: string;
  recorded_at: Date | string;
  version: number;
}

const iso = (at: Date | string) => new Date(at).toISOString();

function toProblem(r: Row): Problem {
  return {
    id: r.id,
    centreId: r.centre_id,
    terminalId: r.terminal_id,
    category: r.category,
    source: r.source,
    description: r.description,
    happenedAt: iso(r.happened_at),
    actionTaken: r.action_taken,
    status: r.status,
    resolvedAt: r.resolved_at === null ? null : iso(r.resolved_at),
    recordedBy: r.recorded_by,
    recordedByName: r.recorded_by_name,
    recordedAt: iso(r.recorded_at),
    version: r.version,
  };
}

const SELECT = `SELECT p.id, p.centre_id, p.terminal_id, p.category, p.source, p.description, p.happened_at,
    to_char(p.happened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS happened_key,
    p.action_taken, p.status, p.resolved_at, p.recorded_by, s.username AS recorded_by_name, p.recorded_at, p.version
  FROM problems p JOIN staff s ON s.id = p.recorded_by`;

export interface ProblemFilters {
  centreId: string | null;
  status: ProblemStatus | null;
  /** Kazakhstan calendar days of happened_at, both inclusive. */
  from: string | null;
  to: string | null;
  cursor: { happenedAt: string; id: string } | null;
  limit: number;
}

export interface NewProblemRecord {
  id: string;
  centreId: string;
  terminalId: string | null;
  category: ProblemCategory;
  source: ProblemSource;
  description: string;
  happenedAt: Date;
  actionTaken: string;
}

export interface ProblemChange {
  category: ProblemCategory;
  description: string;
  actionTaken: string;
  status: ProblemStatus;
}

export type EditOutcome = { ok: true; value: Problem; before: Problem } | { ok: false; code: 'not_found' | 'version_conflict' };

/** The problems register's table (migration 0023): the current rows and every version of each. */
export class ProblemsRepository {
  constructor(private readonly db: Queryable) {}

  /**
   * A page newest happened first, in the scope and filters; limit + 1 rows read, so the caller
   * knows whether there is a next. Null when the scope leaves no centre to read.
   */
  async list(scope: CentreScope, f: ProblemFilters): Promise<{ problems: Problem[]; next: string | null } | null> {
    const centres = centresToRead(scope, f.centreId === null ? null : [f.centreId]);
    if (centres !== 'all' && centres.length === 0) return null;
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (centres !== 'all') where.push(`p.centre_id = ANY(${param(centres)}::text[])`);
    if (f.status) where.push(`p.status = ${param(f.status)}`);
    if (f.from) where.push(`p.happened_at >= ${param(kazakhstanDayStart(f.from))}::timestamptz`);
    if (f.to) where.push(`p.happened_at < ${param(kazakhstanDayStart(f.to, 1))}::timestamptz`);
    if (f.cursor) where.push(`(p.happened_at, p.id) < (${param(f.cursor.happenedAt)}::timestamptz, ${param(f.cursor.id)}::uuid)`);
    const { rows } = await this.db.query<Row>(
      `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY p.happened_at DESC, p.id DESC LIMIT ${param(f.limit + 1)}`,
      params,
    );
    const page = rows.slice(0, f.limit);
    const last = page[page.length - 1];
    return { problems: page.map(toProblem), next: rows.length > f.limit && last ? `${last.happened_key}~${last.id}` : null };
  }

  async find(id: string): Promise<Problem | null> {
    const { rows } = await this.db.query<Row>(`${SELECT} WHERE p.id = $1`, [id]);
    return rows[0] ? toProblem(rows[0]) : null;
  }

  /** The centre a terminal stands in; null for a terminal there is not. */
  async centreOfTerminal(terminalId: string): Promise<string | null> {
    const { rows } = await this.db.query<{ centre_id: string }>('SELECT centre_id FROM terminals WHERE terminal_id = $1', [terminalId]);
    return rows[0]?.centre_id ?? null;
  }

  async centreExists(centreId: string): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM centres WHERE id = $1', [centreId])).rows.length > 0;
  }

  /** The centres of the scope with their terminals (revoked ones too: a problem may be why it was revoked). */
  async places(scope: CentreScope): Promise<ProblemPlaces['centres']> {
    if (scope !== 'all' && scope.length === 0) return [];
    const { rows } = await this.db.query<{ id: string; name_ru: string; name_kk: string; terminals: Array<{ id: string; name: string | null }> | string }>(
      `SELECT c.id, c.name_ru, c.name_kk,
          COALESCE((SELECT json_agg(json_build_object('id', t.terminal_id, 'name', t.name) ORDER BY t.terminal_id)
                    FROM terminals t WHERE t.centre_id = c.id), '[]'::json) AS terminals
        FROM centres c WHERE ($1::boolean OR c.id = ANY($2::text[])) ORDER BY c.id`,
      [scope === 'all', scope === 'all' ? [] : [...scope]],
    );
    return rows.map((r) => ({ id: r.id, nameRu: r.name_ru, nameKk: r.name_kk, terminals: typeof r.terminals === 'string' ? JSON.parse(r.terminals) : r.terminals }));
  }

  /** Records a problem and its first version; call in the transaction of its audit entry. */
  async create(p: NewProblemRecord, by: string, now: Date): Promise<Problem> {
    await this.db.query(
      `INSERT INTO problems (id, centre_id, terminal_id, category, source, description, happened_at, action_taken, status, recorded_by, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open', $9, $10)`,
      [p.id, p.centreId, p.terminalId, p.category, p.source, p.description, p.happenedAt, p.actionTaken, by, now],
    );
    await this.keepVersion(p.id);
    const created = await this.find(p.id);
    if (!created) throw new Error(`problem ${p.id} vanished in its own transaction`);
    return created;
  }

  /**
   * Changes a problem made against `version`: refused when it has moved on since (another person's
   * edit came first). Resolving stamps resolved_at; reopening clears it. Keeps the new version.
   */
  async edit(id: string, version: number, change: ProblemChange, by: string, now: Date): Promise<EditOutcome> {
    const before = await this.find(id);
    if (!before) return { ok: false, code: 'not_found' };
    const { rows } = await this.db.query<{ id: string }>(
      `UPDATE problems SET category = $3, description = $4, action_taken = $5, status = $6,
          resolved_at = CASE WHEN $6 = 'open' THEN NULL WHEN status = 'resolved' THEN resolved_at ELSE $7::timestamptz END,
          version = version + 1
        WHERE id = $1 AND version = $2 RETURNING id`,
      [id, version, change.category, change.description, change.actionTaken, change.status, now],
    );
    if (rows.length === 0) return { ok: false, code: 'version_conflict' };
    await this.keepVersion(id, by, now);
    const after = await this.find(id);
    if (!after) throw new Error(`problem ${id} vanished in its own transaction`);
    return { ok: true, value: after, before };
  }

  async versions(id: string): Promise<Array<{ version: number; status: ProblemStatus; actionTaken: string; changedBy: string }>> {
    const { rows } = await this.db.query<{ version: number; status: ProblemStatus; action_taken: string; changed_by: string }>(
      'SELECT version, status, action_taken, changed_by FROM problem_versions WHERE problem_id = $1 ORDER BY version',
      [id],
    );
    return rows.map((r) => ({ version: r.version, status: r.status, actionTaken: r.action_taken, changedBy: r.changed_by }));
  }

  /** The row as it now is, copied into problem_versions: the first by its recorder, each edit by its editor. */
  private async keepVersion(id: string, by?: string, now?: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO problem_versions (problem_id, version, category, description, action_taken, status, resolved_at, changed_at, changed_by)
       SELECT id, version, category, description, action_taken, status, resolved_at, COALESCE($2::timestamptz, recorded_at), COALESCE($3::uuid, recorded_by)
       FROM problems WHERE id = $1`,
      [id, now ?? null, by ?? null],
    );
  }
}
