import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_CODES } from '../../src/protocol/common';
import { Value } from '@sinclair/typebox/value';
import { ApplicationDetail, ApplicationListPage, type ApplicationListRow, type ApplicationStatus } from '../../src/protocol/console';
import type { Database } from '../db/database';
import { openTestDatabase, TEST_DATABASE_URL } from '../db/test-database';
import { ApplicationEventsRepository } from './application-events';
import { ConsoleApplicationsRepository } from './console-applications';
import type { CentreScope } from './list-query';
import { parseListQuery } from './list-query-params';

/*
 * A small pilot in the database: three centres with two terminals each, applications made online
 * and offline, ties of created_at (to the microsecond), a test terminal's, and two either side of
 * midnight in Kazakhstan. Each expectation is computed from this list, not from the repository.
 */
interface Fixture {
  id: string;
  number: string;
  createdAt: string;
  centre: string;
  terminal: string;
  service: string;
  document: 'id_card' | 'passport';
  status: ApplicationStatus;
  offline: boolean;
  test: boolean;
}

const CENTRES = ['AST-ESIL', 'AST-SARY', 'ALA-MED'];
const SETTLED: ApplicationStatus[] = ['accepted', 'in_production', 'ready', 'issued', 'rejected'];

function fixtures(): Fixture[] {
  const rows: Fixture[] = [];
  for (let i = 0; i < 60; i++) {
    const centre = CENTRES[i % 3]!;
    const offline = i % 3 === 1 || i % 7 === 0;
    // Four rows to an instant, so every page boundary of 3 falls inside a tie; one of each four a
    // microsecond later than the others. Every two hours from midnight UTC: across midnight in Kazakhstan.
    const at = new Date(Date.UTC(2026, 2, 1) + Math.floor(i / 4) * 2 * 3_600_000).toISOString();
    rows.push({
      id: `00000000-0000-4000-8000-${String(1000 + ((i * 37) % 60)).padStart(12, '0')}`,
      number: `TEST-${String(i).padStart(4, '0')}-AAAA`,
      createdAt: at.replace('.000Z', i % 4 === 3 ? '.000001Z' : '.000000Z'),
      centre,
      terminal: `${centre}-T${1 + (i % 2)}`,
      service: SERVICE_CODES[i % 8]!,
      document: i % 5 === 0 ? 'passport' : 'id_card',
      status: offline && i % 4 === 1 ? 'pending_checks' : SETTLED[i % 5]!,
      offline,
      test: i === 7,
    });
  }
  // Either side of midnight between 1 and 2 March in Kazakhstan (UTC+5).
  rows.push({ ...rows[0]!, id: '00000000-0000-4000-8000-000000009001', number: 'TEST-9001-AAAA', createdAt: '2026-03-01T18:59:59.999999Z', offline: false, test: false });
  rows.push({ ...rows[0]!, id: '00000000-0000-4000-8000-000000009002', number: 'TEST-9002-AAAA', createdAt: '2026-03-01T19:00:00.000000Z', offline: false, test: false });
  return rows;
}

const ALL = fixtures();
const newestFirst = (a: Fixture, b: Fixture) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1);

async function seed(db: Database): Promise<void> {
  for (const centre of CENTRES) {
    for (const k of [1, 2]) {
      await db.query(`INSERT INTO terminals (terminal_id, centre_id, created_at) VALUES ($1, $2, now())`, [`${centre}-T${k}`, centre]);
    }
  }
  let seq = 0;
  for (const f of ALL) {
    await db.query(
      `INSERT INTO applications (id, number, iin, service, document, lang, phone, fee_tiyn, centre_id, terminal_id, created_at,
         received_at, ready_by, status, body_hash, photo_jpeg, signature_png, is_test)
       VALUES ($1, $2, '900101300017', $3, $4, 'ru', '+77010000017', 0, $5, $6, $7, $7, '2026-03-20', $8, 'h', '\\xff', '\\x89', $9)`,
      [f.id, f.number, f.service, f.document, f.centre, f.terminal, f.createdAt, f.status, f.test],
    );
    // Every application arrives in a packet; made offline, it lacks the tokens of the checks the
    // kiosk could not make (one of them only the face's: the link dropped after the phone step).
    const online = f.offline
      ? { phoneToken: f.number.startsWith('TEST-0021') ? 'phone-token' : null, identityToken: null }
      : { phoneToken: 'phone-token', identityToken: 'identity-token' };
    await db.query(
      `INSERT INTO packets (application_id, terminal_id, seq, signature, sealed_at, received_at, payload) VALUES ($1, $2, $3, 's', $4, $4, $5)`,
      [f.id, f.terminal, ++seq, f.createdAt, JSON.stringify({ online })],
    );
    for (const check of ['registry', 'phone', 'face_match', 'payment']) {
      const pending = f.status === 'pending_checks' && check === 'payment';
      await db.query(
        `INSERT INTO application_checks (application_id, check_name, outcome, code, detail, checked_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [f.id, check, pending ? 'pending' : 'passed', pending ? 'payment_awaited' : null, check === 'phone' && online.phoneToken ? 'online_token' : null, f.createdAt],
      );
    }
  }
}

describe(`the console's applications on ${TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  let db: Database;
  let repo: ConsoleApplicationsRepository;
  beforeAll(async () => {
    db = await openTestDatabase();
    await seed(db);
    repo = new ConsoleApplicationsRepository(db);
  }, 60_000);
  afterAll(() => db.close(), 60_000);

  /** Every page from the first, as the console would ask for them: each next cursor through the query string. */
  async function walk(scope: CentreScope, query: Record<string, string>): Promise<ApplicationListRow[]> {
    const rows: ApplicationListRow[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const parsed = parseListQuery(cursor ? { ...query, cursor } : query);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      const page = await repo.list(scope, parsed.filters);
      // What the route will send must be what the console's client checks against.
      expect(Value.Errors(ApplicationListPage, page).First()).toBeUndefined();
      expect(page.rows.length).toBeLessThanOrEqual(parsed.filters.limit);
      rows.push(...page.rows);
      cursor = page.nextCursor;
      if (!cursor) return rows;
    }
    throw new Error('more than 100 pages');
  }
  const numbers = (rows: readonly { number: string }[]) => rows.map((r) => r.number);
  const expected = (keep: (f: Fixture) => boolean) => numbers(ALL.filter((f) => !f.test && keep(f)).sort(newestFirst));

  it('pages through every row exactly once, newest first, across ties of created_at', async () => {
    const rows = await walk('all', { test: 'include', limit: '3' });
    expect(numbers(rows)).toEqual(numbers([...ALL].sort(newestFirst)));
    expect(new Set(numbers(rows)).size).toBe(ALL.length);
  });

  it('says a row was made online or offline, and which checks it still waits for', async () => {
    const rows = await walk('all', { test: 'include', limit: '200' });
    for (const f of ALL) {
      const row = rows.find((r) => r.number === f.number)!;
      expect(row).toMatchObject({ centreId: f.centre, terminalId: f.terminal, status: f.status, channel: f.offline ? 'offline' : 'online', test: f.test });
      expect(row.pendingChecks).toEqual(f.status === 'pending_checks' ? ['payment'] : []);
    }
  });

  it.each<[string, Record<string, string>, (f: Fixture) => boolean]>([
    ['status', { status: 'pending_checks,rejected' }, (f) => f.status === 'pending_checks' || f.status === 'rejected'],
    ['centre', { centre: 'AST-SARY' }, (f) => f.centre === 'AST-SARY'],
    ['terminal', { terminal: 'ALA-MED-T2' }, (f) => f.terminal === 'ALA-MED-T2'],
    ['service', { service: '09,18' }, (f) => f.service === '09' || f.service === '18'],
    ['document', { document: 'passport' }, (f) => f.document === 'passport'],
    ['from (Kazakhstan midnight)', { from: '2026-03-02' }, (f) => f.createdAt >= '2026-03-01T19:00:00.000000Z'],
    ['to (Kazakhstan midnight)', { to: '2026-03-01' }, (f) => f.createdAt < '2026-03-01T19:00:00.000000Z'],
    ['channel offline', { channel: 'offline' }, (f) => f.offline],
    ['channel online', { channel: 'online' }, (f) => !f.offline],
    ['pending checks', { pending: 'true' }, (f) => f.status === 'pending_checks'],
    ['no pending checks', { pending: 'false' }, (f) => f.status !== 'pending_checks'],
    ['several at once', { centre: 'AST-ESIL', channel: 'offline', document: 'id_card' }, (f) => f.centre === 'AST-ESIL' && f.offline && f.document === 'id_card'],
  ])('narrows by %s', async (_, query, keep) => {
    const want = expected(keep);
    expect(want.length).toBeGreaterThan(0);
    expect(want.length).toBeLessThan(expected(() => true).length);
    expect(numbers(await walk('all', { ...query, limit: '4' }))).toEqual(want);
  });

  it('leaves test applications out unless asked, and can show them alone', async () => {
    expect(numbers(await walk('all', {}))).not.toContain(ALL[7]!.number);
    expect(numbers(await walk('all', { test: 'only' }))).toEqual([ALL[7]!.number]);
  });

  it('never shows a row of a centre outside the scope, whatever the filters ask', async () => {
    for (const scope of [['AST-ESIL'], ['AST-SARY', 'ALA-MED']]) {
      const rows = await walk(scope, { test: 'include', limit: '5' });
      expect(numbers(rows)).toEqual(numbers(ALL.filter((f) => scope.includes(f.centre)).sort(newestFirst)));
    }
    expect(await walk(['AST-ESIL'], { centre: 'ALA-MED' })).toEqual([]);
    expect(await walk(['AST-ESIL'], { terminal: 'ALA-MED-T1' })).toEqual([]);
    expect(numbers(await walk(['AST-ESIL', 'ALA-MED'], { centre: 'ALA-MED,AST-SARY' }))).toEqual(expected((f) => f.centre === 'ALA-MED'));
    expect(await walk([], {})).toEqual([]);
  });

  it('shows one application in full to a scope that holds it, and to no other', async () => {
    // Made with the phone checked online, then offline: the rest checked on arrival, the fee still awaited.
    const f = ALL.find((x) => x.number === 'TEST-0021-AAAA')!;
    expect(f.status).toBe('pending_checks');
    const events = new ApplicationEventsRepository(db);
    await events.append({ applicationId: f.id, at: new Date('2026-03-01T10:00:00Z'), kind: 'received', fromStatus: null, toStatus: 'pending_checks', actor: 'system' });
    await db.query(
      `INSERT INTO payments (id, application_id, iin, service, document, amount_tiyn, qr_payload, status, created_at, expires_at)
       VALUES ('00000000-0000-4000-8000-00000000a001', $1, '900101300017', $2, $3, 86500, 'qr', 'pending', '2026-03-01T10:00:00Z', '2026-03-01T10:15:00Z')`,
      [f.id, f.service, f.document],
    );
    await db.query(
      `INSERT INTO citizen_sms (application_id, outcome, phone, text, created_at, sent_at, attempts)
       VALUES ($1, 'payment_awaited', '+77010000017', 'Оплатите пошлину', '2026-03-01T10:01:00Z', '2026-03-01T10:01:05Z', 1)`,
      [f.id],
    );

    const other = CENTRES.filter((c) => c !== f.centre);
    expect(await repo.detailByNumber(other, f.number)).toBeNull();
    expect(await repo.detailById(other, f.id)).toBeNull();
    expect(await repo.detailByNumber([], f.number)).toBeNull();
    expect(await repo.detailByNumber('all', 'NONE-0000-AAAA')).toBeNull();

    const detail = await repo.detailByNumber([f.centre], f.number);
    expect(detail).toMatchObject({ id: f.id, number: f.number, status: 'pending_checks', channel: 'offline', centreId: f.centre, feeTiyn: 0 });
    expect(detail!.checks.map((c) => [c.check, c.outcome, c.code, c.detail])).toEqual([
      ['registry', 'passed', null, null],
      ['phone', 'passed', null, 'online_token'],
      ['face_match', 'passed', null, null],
      ['payment', 'pending', 'payment_awaited', null],
    ]);
    // No distance was kept for this face match (it is the seed's check row, as an older application's).
    expect(detail!.faceMatch).toEqual({ threshold: 0.45, reviewFrom: 0.4, reviewTo: 0.5, distance: null });
    expect(detail!.payments).toEqual([
      { id: '00000000-0000-4000-8000-00000000a001', amountTiyn: 86500, status: 'pending', createdAt: '2026-03-01T10:00:00.000Z', expiresAt: '2026-03-01T10:15:00.000Z' },
    ]);
    expect(detail!.sms).toEqual([
      { outcome: 'payment_awaited', phoneMasked: '********0017', text: 'Оплатите пошлину', createdAt: '2026-03-01T10:01:00.000Z', sentAt: '2026-03-01T10:01:05.000Z', attempts: 1 },
    ]);
    expect(detail!.events).toEqual([{ at: '2026-03-01T10:00:00.000Z', kind: 'received', fromStatus: null, toStatus: 'pending_checks', actor: 'system', reasonCode: null }]);
    expect(await repo.detailById('all', f.id)).toEqual(detail);
    expect(Value.Errors(ApplicationDetail, detail).First()).toBeUndefined();
  });
});
