import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDataDir, startBackOffice, type RunningBackOffice } from '../scripts/screens/backoffice';
import { applicationNumber } from '../src/domain/application';
import { kazakhstanDate } from '../src/domain/dates';
import { feeFor } from '../src/domain/fees';
import { seededRandom } from '../src/domain/seeded-random';
import type { Enrolled, EnrolRequest, SealedPacket } from '../src/protocol/packets';
import { BACKOFF_CAP_MS } from '../src/sync/backoff';
import { createDrainer, type Answer, type Drainer } from '../src/sync/drain';
import { KioskDb } from '../src/sync/kiosk-db';
import { litColourEvidence } from '../src/biometrics/colour-fixture';
import type { ScreenColour } from '../src/biometrics/colour-palette';
import { makeApplicationPayload, PASSED_LIVENESS } from '../src/sync/packet-fixture';
import { signRequest } from '../src/sync/request-signature';
import { makeBackOfficeKeys } from '../src/sync/seal';
import { enrolTerminal, sealApplication, terminalOf } from '../src/sync/terminal';
import { openDatabase } from './db/open-database';
import { makeOwnSchema, TEST_DATABASE_URL } from './db/test-database';
import { buildSeedCitizens, type SeedCitizen } from './seed/citizens';
import { seedSandbox } from './seed/seed-sandbox';
import { sameFace, syntheticFaces } from './test-support';

// The back office as it scales out: two processes of it, started as `npm start` starts one, on one
// PostgreSQL, with kiosks sending to either at random — as a load balancer would — through a link
// that duplicates and loses answers, and one process killed (kill -9) and started again half way.
// Nothing that matters lives in a process, so nothing may be lost, duplicated or refused.

const ADMIN_TOKEN = 'scale-out-admin-token';
const TERMINALS = ['T-SO1', 'T-SO2'] as const;
const PER_KIOSK = 30;
const CITIZENS = ['service-07', 'service-16', 'service-17', 'service-18'] as const;
const P_DUPLICATE_ON_BOTH = 0.15;
const P_LOSE_ANSWER = 0.1;
const MAX_FINAL_ROUNDS = 200;
/** The processes' clock (BACK_OFFICE_CLOCK, sandbox only): no verdict here changes with the real date. */
const CLOCK_START = '2026-03-02T10:00:00+05:00';

describe.skipIf(!TEST_DATABASE_URL)('two back-office processes on one PostgreSQL', () => {
  const random = seededRandom(20_261_206);
  const dataDir = makeDataDir('scale-out');
  let schema: Awaited<ReturnType<typeof makeOwnSchema>>;
  let env: NodeJS.ProcessEnv;
  const offices: RunningBackOffice[] = [];
  let citizens: SeedCitizen[] = [];
  const citizen = (tag: string) => citizens.find((c) => c.tag === tag)!;
  /** The back office's time as its processes run it; the kiosks sign and seal by it. */
  let clockOffsetMs = 0;
  const officeNow = () => new Date(Date.now() + clockOffsetMs);

  const start = (name: 'a' | 'b', port?: string) =>
    startBackOffice(join(dataDir, name), join(dataDir, `${name}.log`), { ...env, ...(port ? { PORT: port } : {}) });

  beforeAll(async () => {
    schema = await makeOwnSchema(TEST_DATABASE_URL!, 'scale');
    // Seeded here with the synthetic faces (the processes find the registry full and seed nothing):
    // the real face cutter would take a minute of both cores.
    const db = await openDatabase({ url: schema.url });
    const today = kazakhstanDate(new Date(CLOCK_START));
    await seedSandbox(db, { today, faces: syntheticFaces });
    await db.close();
    citizens = buildSeedCitizens(today);
    const keys = await makeBackOfficeKeys();
    // What every process behind one load balancer must share: the database, the packet key, the SMS-code key, the admin token.
    clockOffsetMs = Date.parse(CLOCK_START) - Date.now();
    env = {
      BACK_OFFICE_CLOCK: CLOCK_START,
      DATABASE_URL: schema.url,
      ADMIN_TOKEN,
      BACK_OFFICE_KEY: JSON.stringify(await crypto.subtle.exportKey('jwk', keys.privateKey)),
      CODE_SECRET: randomBytes(32).toString('hex'),
    };
    offices.push(await start('a'), await start('b'));
  }, 240_000);

  afterAll(async () => {
    await Promise.all(offices.map((office) => office.stop()));
    await schema?.drop();
    await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  const pick = () => offices[random() < 0.5 ? 0 : 1]!;

  async function post(office: RunningBackOffice, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${office.baseURL}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  }

  /** A kiosk's IndexedDB enrolled through the admin route of one process and the enrolment route of the other. */
  async function enrolKiosk(terminalId: string): Promise<KioskDb> {
    const db = new KioskDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    const created = await post(offices[0]!, '/api/v1/admin/terminals', { terminalId, centreId: 'AST-03' }, { authorization: `Bearer ${ADMIN_TOKEN}` });
    const { code } = (await created.json()) as { code: string };
    await enrolTerminal(db, code, async (body: EnrolRequest) => {
      const response = await post(offices[1]!, '/api/v1/terminals/enrol', body);
      if (response.status !== 201) throw new Error(`enrolment failed: ${await response.text()}`);
      return (await response.json()) as Enrolled;
    });
    return db;
  }

  /** A request on a citizen's behalf, signed by the kiosk's terminal, to the process named. */
  async function signed(office: RunningBackOffice, db: KioskDb, path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
    const terminal = (await terminalOf(db))!;
    const bytes = new TextEncoder().encode(JSON.stringify(body));
    const headers = await signRequest(terminal, { method: 'POST', path, body: bytes }, officeNow());
    const response = await fetch(`${office.baseURL}${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: bytes });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  }

  async function lastCode(office: RunningBackOffice, phone: string): Promise<string> {
    const response = await fetch(`${office.baseURL}/api/v1/sandbox/sms?phone=${encodeURIComponent(phone)}`);
    const { messages } = (await response.json()) as { messages: { code: string | null }[] };
    return messages[0]?.code ?? '';
  }

  it('the phone and face steps go across both: a code sent by one is confirmed at the other, a signed request replayed to the other is refused', async () => {
    const [a, b] = [offices[0]!, offices[1]!];
    const kiosk = await enrolKiosk('T-SO-PHONE');
    const person = citizen('service-04');
    const started = await signed(a, kiosk, '/api/v1/phone/start', { iin: person.person.iin, phone: person.phoneToType });
    expect(started.json).toMatchObject({ ok: true });
    const code = await lastCode(b, person.phoneToType);
    expect(code).toMatch(/^\d{6}$/);
    const verificationId = started.json.verificationId as string;
    const wrong = await signed(b, kiosk, '/api/v1/phone/confirm', { verificationId, code: code === '000000' ? '111111' : '000000' });
    expect(wrong.json).toMatchObject({ ok: false, code: 'wrong_code' });
    const confirmed = await signed(a, kiosk, '/api/v1/phone/confirm', { verificationId, code });
    expect(confirmed.json).toMatchObject({ ok: true });
    // The colours one process chose are answered at the other: the challenge is kept in the database.
    const colours = await signed(a, kiosk, '/api/v1/identify/colour', { phoneToken: confirmed.json.phoneToken, calm: false });
    const { nonce, sequence, stepMs } = colours.json as { nonce: string; sequence: ScreenColour[]; stepMs: number };
    const identified = await signed(b, kiosk, '/api/v1/identify', {
      phoneToken: confirmed.json.phoneToken,
      descriptor: sameFace(person.faceId ?? 'f01'),
      liveness: { ...PASSED_LIVENESS, colour: litColourEvidence(sequence, stepMs, nonce) },
    });
    expect(identified.json).toMatchObject({ matched: true });

    // The nonce is remembered in the database: the same signed request is refused by the other process.
    const terminal = (await terminalOf(kiosk))!;
    const body = new TextEncoder().encode(JSON.stringify({ iin: person.person.iin, service: '04', document: 'id_card' }));
    const headers = { ...(await signRequest(terminal, { method: 'POST', path: '/api/v1/citizens/check', body }, officeNow())), 'content-type': 'application/json' };
    const first = await fetch(`${a.baseURL}/api/v1/citizens/check`, { method: 'POST', headers, body });
    const replayed = await fetch(`${b.baseURL}/api/v1/citizens/check`, { method: 'POST', headers, body });
    expect(first.status).toBe(200);
    expect(replayed.status).toBe(401);
    expect(await replayed.json()).toEqual({ code: 'replayed_request' });
  }, 120_000);

  it('packets sent to either, duplicated on both, with one process killed and started again: each application arrives once, is settled once, and its citizen told once', async () => {
    const statuses = new Map<number, number>();
    let killed = false;
    let down: Promise<void> | null = null;
    const kioskNow = { ms: Date.now() };

    const sendTo = async (office: RunningBackOffice, packet: SealedPacket): Promise<Answer> => {
      const response = await post(office, '/api/v1/packets', packet);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      return { status: response.status, body: (await response.json()) as unknown };
    };
    const send = async (packet: SealedPacket): Promise<Answer> => {
      let answer: Answer;
      if (random() < P_DUPLICATE_ON_BOTH) {
        const both = await Promise.allSettled(offices.map((office) => sendTo(office, packet)));
        const answered = both.filter((r): r is PromiseFulfilledResult<Answer> => r.status === 'fulfilled');
        if (answered.length === 0) throw new Error('neither process answered');
        answer = answered[Math.floor(random() * answered.length)]!.value;
      } else {
        answer = await sendTo(pick(), packet);
      }
      if (random() < P_LOSE_ANSWER) throw new Error('the connection dropped after the request was sent');
      return answer;
    };

    const kiosks: { db: KioskDb; drainer: Drainer; terminalId: string }[] = [];
    for (const terminalId of TERMINALS) {
      const db = await enrolKiosk(terminalId);
      kiosks.push({ db, terminalId, drainer: createDrainer({ db, send, now: () => kioskNow.ms, random }) });
    }
    const sealed: string[] = [];
    const seal = async (kiosk: (typeof kiosks)[number], index: number) => {
      const person = citizen(CITIZENS[index % CITIZENS.length]!);
      const createdAt = officeNow().toISOString();
      const id = crypto.randomUUID();
      const { service, document } = person.example;
      const feeTiyn = feeFor({ service, document, on: kazakhstanDate(new Date(createdAt)), lostIdCardsThisYear: person.person.lostIdCardsThisYear }).amountTiyn;
      const payload = makeApplicationPayload({
        id,
        number: applicationNumber(id),
        iin: person.person.iin,
        service,
        document,
        phone: person.phoneToType,
        createdAt,
        feeTiyn,
        paymentId: null,
        terminalId: kiosk.terminalId,
        centreId: 'AST-03',
      });
      await sealApplication(kiosk.db, payload, officeNow);
      sealed.push(id);
    };

    for (let i = 0; i < PER_KIOSK; i++) {
      for (const kiosk of kiosks) await seal(kiosk, i);
      if (i === Math.floor(PER_KIOSK / 2) && !killed) {
        // kill -9 in the middle of the kiosks' drains; it comes back on the same port.
        killed = true;
        const victim = offices[0]!;
        const port = new URL(victim.baseURL).port;
        const drains = Promise.allSettled(kiosks.map((k) => k.drainer.drain()));
        await victim.kill();
        down = start('a', port).then((restarted) => {
          offices[0] = restarted;
        });
        await drains;
      } else {
        await Promise.all(kiosks.map((k) => k.drainer.drain()));
      }
    }
    await down;
    let rounds = 0;
    while ((await Promise.all(kiosks.map((k) => k.db.outbox.count()))).some((n) => n > 0) && rounds < MAX_FINAL_ROUNDS) {
      rounds++;
      kioskNow.ms += BACKOFF_CAP_MS + 1;
      await Promise.all(kiosks.map((k) => k.drainer.drain()));
    }

    expect(sealed).toHaveLength(TERMINALS.length * PER_KIOSK);
    for (const kiosk of kiosks) expect(await kiosk.db.outbox.count(), kiosk.terminalId).toBe(0);
    const db = await openDatabase({ url: schema.url });
    try {
      const { rows } = await db.query<{ id: string; n: number }>(
        `SELECT a.id::text AS id, count(p.application_id)::int AS n FROM applications a LEFT JOIN packets p ON p.application_id = a.id
         WHERE a.terminal_id = ANY($1) GROUP BY a.id`,
        [[...TERMINALS]],
      );
      const stored = new Map(rows.map((r) => [r.id, r.n]));
      expect(sealed.filter((id) => stored.get(id) !== 1)).toEqual([]);
      expect(stored.size).toBe(sealed.length);

      // The checks ran as jobs on whichever process was free, those of the killed one too: every
      // application is decided (these offline ones show another face, so refused), and every
      // citizen got one SMS about it — not two, though two processes could have settled it.
      const undecided = async () =>
        (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM applications WHERE terminal_id = ANY($1) AND status = 'pending_checks'", [[...TERMINALS]])).rows[0]?.n;
      const deadline = Date.now() + 120_000;
      while ((await undecided()) !== 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
      expect(await undecided()).toBe(0);
      const unsent = async () =>
        (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM citizen_sms s JOIN applications a ON a.id = s.application_id WHERE a.terminal_id = ANY($1) AND s.sent_at IS NULL', [[...TERMINALS]])).rows[0]?.n;
      while ((await unsent()) !== 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
      const { rows: told } = await db.query<{ number: string; n: number }>(
        `SELECT a.number, (SELECT count(*)::int FROM sandbox_sms m WHERE m.text LIKE '%' || a.number || '%') AS n
         FROM applications a WHERE a.terminal_id = ANY($1)`,
        [[...TERMINALS]],
      );
      expect(told.filter((r) => r.n !== 1)).toEqual([]);
    } finally {
      await db.close();
    }
    // Only "new" and "already had it": never a 5xx from the process that was killed or from the survivor.
    expect([...statuses.keys()].sort()).toEqual([200, 201]);
    expect(statuses.get(201)).toBe(sealed.length);
    for (const kiosk of kiosks) kiosk.db.close();
  }, 300_000);
});
