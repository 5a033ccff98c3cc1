import { FACE_MATCH_THRESHOLD, FACE_REVIEW_BAND } from '../../src/biometrics/face-match';
import type { DocumentKind, Lang, ServiceCode } from '../../src/protocol/common';
import type { ApplicationDetail, ApplicationListPage, ApplicationListRow, ApplicationStatus, IinLookupResult, ReviewQueue } from '../../src/protocol/console';
import type { LivenessEvidence } from '../../src/protocol/liveness';
import type { Queryable } from '../db/database';
import { isUuid } from '../uuid';
import { ApplicationEventsRepository } from './application-events';
import { encodeCursor } from './list-cursor';
import { CREATED_KEY, MADE_OFFLINE_JOIN, dressPage, inScopeClause, listApplicationsSql, type CentreScope } from './list-query';
import type { ListFilters } from './list-query-params';

/*
 * How the staff console reads applications: one page of the list, or one application in full.
 * Every read takes the caller's scope explicitly; an application outside it is answered exactly as
 * one that does not exist (null), so the console cannot learn that another centre's number is taken.
 */

interface ListRow {
  id: string;
  number: string;
  created_key: string;
  status: ApplicationStatus;
  centre_id: string;
  terminal_id: string;
  service: ServiceCode;
  document: DocumentKind;
  offline: boolean;
  pending_checks: string[];
  review_reasons: string[];
  is_test: boolean;
}

interface DetailRow {
  id: string;
  number: string;
  status: ApplicationStatus;
  created_key: string;
  received_at: Date;
  ready_by: string;
  centre_id: string;
  terminal_id: string;
  service: ServiceCode;
  document: DocumentKind;
  lang: Lang;
  fee_tiyn: number;
  offline: boolean;
  is_test: boolean;
  review_reasons: string[];
  liveness: LivenessEvidence | null;
}

const iso = (at: Date | string) => new Date(at).toISOString();

/** The order the deferred checks run in (DEFERRED_CHECKS), so the first failure shown is the earliest step's. */
const CHECK_ORDER = `array_position(ARRAY['registry', 'phone', 'face_match', 'payment'], check_name)`;

/** +7 7** *** 12 34 → only the last four digits: enough to tell which number an SMS went to. */
export function maskPhone(phone: string): string {
  return phone.length > 4 ? `${'*'.repeat(phone.length - 4)}${phone.slice(-4)}` : '****';
}

const toListRow = (r: ListRow): ApplicationListRow => ({
  id: r.id,
  number: r.number,
  createdAt: iso(r.created_key),
  status: r.status,
  centreId: r.centre_id,
  terminalId: r.terminal_id,
  service: r.service,
  document: r.document,
  channel: r.offline ? 'offline' : 'online',
  pendingChecks: r.pending_checks,
  reviewReasons: r.review_reasons,
  test: r.is_test,
});

export class ConsoleApplicationsRepository {
  constructor(private readonly db: Queryable) {}

  /** One page, newest first; nextCursor reads the page after it. */
  async list(scope: CentreScope, filters: ListFilters): Promise<ApplicationListPage> {
    const sql = listApplicationsSql(scope, filters);
    if (!sql) return { rows: [], nextCursor: null };
    const { rows } = await this.db.query<ListRow>(sql.text, sql.params);
    const page = rows.slice(0, filters.limit);
    const last = page.at(-1);
    const nextCursor = rows.length > filters.limit && last ? encodeCursor({ createdAt: last.created_key, id: last.id }) : null;
    return { rows: page.map(toListRow), nextCursor };
  }

  /**
   * A citizen's applications by IIN (the citizen at the counter without the receipt), newest first,
   * at most `limit`: a person has a handful, so no cursor.
   */
  async byIin(scope: CentreScope, iin: string, limit: number): Promise<IinLookupResult> {
    const params: unknown[] = [iin, limit + 1];
    const inScope = inScopeClause(scope, params);
    if (inScope === null) return { rows: [], more: false };
    const { rows } = await this.db.query<ListRow>(
      dressPage(`SELECT a.id, a.created_at FROM applications a WHERE a.iin = $1 ${inScope} ORDER BY a.created_at DESC, a.id DESC LIMIT $2`),
      params,
    );
    return { rows: rows.slice(0, limit).map(toListRow), more: rows.length > limit };
  }

  /** The applications waiting for a person's decision, oldest first: the queue is short, so one page of `limit`. */
  async reviewQueue(scope: CentreScope, limit: number): Promise<ReviewQueue> {
    const params: unknown[] = [limit + 1];
    const inScope = inScopeClause(scope, params);
    if (inScope === null) return { rows: [], more: false };
    const { rows } = await this.db.query<{ id: string; number: string; created_key: string; centre_id: string; terminal_id: string; service: ServiceCode; document: DocumentKind; is_test: boolean; reviews: ReviewQueue['rows'][number]['reviews'] }>(
      `SELECT a.id, a.number, ${CREATED_KEY} AS created_key, a.centre_id, a.terminal_id, a.service, a.document, a.is_test,
         COALESCE((SELECT json_agg(json_build_object('check', c.check_name, 'code', c.code, 'detail', c.detail, 'distance', c.distance) ORDER BY ${CHECK_ORDER})
           FROM application_checks c WHERE c.application_id = a.id AND c.outcome = 'review'), '[]') AS reviews
       FROM applications a WHERE a.status = 'in_review' ${inScope}
       ORDER BY a.created_at, a.id LIMIT $1`,
      params,
    );
    return {
      rows: rows.slice(0, limit).map((r) => ({
        number: r.number,
        createdAt: iso(r.created_key),
        centreId: r.centre_id,
        terminalId: r.terminal_id,
        service: r.service,
        document: r.document,
        test: r.is_test,
        reviews: r.reviews,
      })),
      more: rows.length > limit,
    };
  }

  /** The application with this number, if the scope covers its centre: for the routes that read one part of it (its images, the registry's photo). */
  async findInScope(scope: CentreScope, number: string): Promise<{ id: string; iin: string } | null> {
    const params: unknown[] = [number];
    const inScope = inScopeClause(scope, params);
    if (inScope === null) return null;
    const { rows } = await this.db.query<{ id: string; iin: string }>(`SELECT a.id, a.iin FROM applications a WHERE a.number = $1 ${inScope}`, params);
    return rows[0] ?? null;
  }

  /** By the number on the receipt (what a citizen brings to the counter). */
  async detailByNumber(scope: CentreScope, number: string): Promise<ApplicationDetail | null> {
    return this.detail(scope, 'a.number = $1', number);
  }

  async detailById(scope: CentreScope, id: string): Promise<ApplicationDetail | null> {
    return isUuid(id) ? this.detail(scope, 'a.id = $1', id) : null;
  }

  private async detail(scope: CentreScope, match: string, value: string): Promise<ApplicationDetail | null> {
    const params: unknown[] = [value];
    const inScope = inScopeClause(scope, params);
    if (inScope === null) return null;
    const { rows } = await this.db.query<DetailRow>(
      `SELECT a.id, a.number, a.status, ${CREATED_KEY} AS created_key, a.received_at, a.ready_by::text AS ready_by,
         a.centre_id, a.terminal_id, a.service, a.document, a.lang, a.fee_tiyn, a.is_test, a.review_reasons, a.liveness,
         o.made_offline IS NOT NULL AS offline
       FROM applications a ${MADE_OFFLINE_JOIN} WHERE ${match} ${inScope}`,
      params,
    );
    const a = rows[0];
    if (!a) return null;
    const [checks, payments, sms, events] = await Promise.all([this.checks(a.id), this.payments(a.id), this.sms(a.id), new ApplicationEventsRepository(this.db).list(a.id)]);
    return {
      id: a.id,
      number: a.number,
      status: a.status,
      createdAt: iso(a.created_key),
      receivedAt: iso(a.received_at),
      readyBy: a.ready_by,
      centreId: a.centre_id,
      terminalId: a.terminal_id,
      service: a.service,
      document: a.document,
      lang: a.lang,
      feeTiyn: a.fee_tiyn,
      channel: a.offline ? 'offline' : 'online',
      test: a.is_test,
      reviewReasons: a.review_reasons,
      checks,
      liveness: a.liveness,
      faceMatch: {
        threshold: FACE_MATCH_THRESHOLD,
        reviewFrom: FACE_REVIEW_BAND.from,
        reviewTo: FACE_REVIEW_BAND.to,
        distance: checks.find((c) => c.check === 'face_match')?.distance ?? null,
      },
      payments,
      sms,
      events,
    };
  }

  private async checks(id: string): Promise<ApplicationDetail['checks']> {
    const { rows } = await this.db.query<{ check_name: string; outcome: 'passed' | 'failed' | 'pending' | 'review'; code: string | null; detail: string | null; distance: number | null; checked_at: Date }>(
      `SELECT check_name, outcome, code, detail, distance, checked_at FROM application_checks WHERE application_id = $1
       ORDER BY ${CHECK_ORDER}`,
      [id],
    );
    return rows.map((r) => ({
      check: r.check_name,
      outcome: r.outcome,
      code: r.code,
      detail: r.detail,
      distance: r.distance === null ? null : Number(r.distance),
      checkedAt: iso(r.checked_at),
    }));
  }

  private async payments(id: string): Promise<ApplicationDetail['payments']> {
    const { rows } = await this.db.query<{ id: string; amount_tiyn: number; status: string; created_at: Date; expires_at: Date }>(
      'SELECT id, amount_tiyn, status, created_at, expires_at FROM payments WHERE application_id = $1 ORDER BY created_at, id',
      [id],
    );
    return rows.map((r) => ({ id: r.id, amountTiyn: r.amount_tiyn, status: r.status, createdAt: iso(r.created_at), expiresAt: iso(r.expires_at) }));
  }

  private async sms(id: string): Promise<ApplicationDetail['sms']> {
    const { rows } = await this.db.query<{ outcome: string; phone: string; text: string; created_at: Date; sent_at: Date | null; attempts: number }>(
      'SELECT outcome, phone, text, created_at, sent_at, attempts FROM citizen_sms WHERE application_id = $1 ORDER BY created_at, outcome',
      [id],
    );
    return rows.map((r) => ({
      outcome: r.outcome,
      phoneMasked: maskPhone(r.phone),
      text: r.text,
      createdAt: iso(r.created_at),
      sentAt: r.sent_at ? iso(r.sent_at) : null,
      attempts: r.attempts,
    }));
  }
}
