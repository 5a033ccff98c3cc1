import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SandboxBmg } from '../adapters/sandbox-bmg';
import { SandboxPayments } from '../adapters/sandbox-payments';
import { SandboxRegistry } from '../adapters/sandbox-registry';
import { SandboxSms } from '../adapters/sandbox-sms';
import { buildApp } from '../app';
import { signRequest } from '../../src/sync/request-signature';
import { CSRF_HEADER, SESSION_COOKIE } from '../staff/session-token';
import { signIn, type SignedIn } from '../staff/test-staff';
import { createTestApp, enrolTerminal, signedInject, TEST_ADMIN_TOKEN, TEST_PUBLIC_URL, type TestApp, type TestTerminal } from '../test-support';
import { FuzzSender, requestArbitrary, routeCollector, type HeadersFor, type RequestGeneration } from './request-fuzz';
import { Heartbeat } from '../../src/protocol/heartbeat';
import { kazakhstanDate } from '../../src/domain/dates';
import { BUILT_IN_REFERENCE_DATA } from '../../src/domain/reference-data';
import { NewReferenceData } from '../../src/protocol/reference-data';
import { NewProblem } from '../../src/protocol/problems';
import { heartbeatBody } from '../terminals/heartbeat-fixture';
import { TelemetryBatch } from '../../src/protocol/telemetry';
import { cancelledJourney, journeyRecord, telemetryBatch } from '../telemetry/journey-fixture';
import { variant, type JsonSchema } from './schema-arbitraries';
import { kioskPayload, logPlan, packetFrom, packetPlan, type SignedPlan } from './signed-bodies';

/*
 * Requests generated from every route's own schema and its edges (fast-check), against the
 * sandbox configuration and the production one (real-system adapters injected; here the sandbox's
 * classes stand in for them): no 5xx, ever, and a refused request stores nothing.
 *
 * FUZZ_RUNS=<n> runs more (the default keeps the file well under a minute on two busy cores);
 * FUZZ_SEED=<seed> replays a failure fast-check reported.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 80);
/**
 * Path segments a router or a database may choke on, as the tracking QR's URL could be mistyped or
 * forged. Not '..' nor '%2e%2e': the URL is resolved before it is sent, so it is no longer under /track.
 */
const TRACKING_ODD_SEGMENTS = ['%00', '%ZZ', '%C0%AF', '%ED%A0%80', '%2F', '.%2e%2e', 'page.css', 'A'.repeat(300), '%F0%9F%98%80', '%3Cscript%3E'];
const isDotSegment = (segment: string) => /^(\.|%2e){1,2}$/i.test(segment);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;


describe('requests made from every route schema and its edges', () => {
  let t: TestApp;
  let production: FastifyInstance;
  const sandboxRoutes = routeCollector();
  const productionRoutes = routeCollector();
  const terminals: Record<'sandbox' | 'production', TestTerminal | undefined> = { sandbox: undefined, production: undefined };
  // The sandbox's admin, signed in on the database both apps share: staff routes are reached past
  // their session check. Signing out spends a session of its own, so the other one lives on.
  let staff: SignedIn;
  let staffToSignOut: SignedIn;
  // The review and the problems register are an operator's, not an admin's: their routes are reached with the operator's session.
  let reviewer: SignedIn;

  // The checks after a packet's 201 are jobs, run by the test between requests (drain), so rows
  // they add are never counted against the next request.
  const settle = async () => {
    await t.app.jobs.drain();
    await production.jobs.drain();
  };

  beforeAll(async () => {
    t = await createTestApp({ onRoute: sandboxRoutes.onRoute, jobs: { workers: false } });
    production = await buildApp({
      db: t.db,
      clock: t.now,
      sandbox: false,
      systems: {
        registry: new SandboxRegistry(t.db),
        bmg: new SandboxBmg(t.db),
        sms: new SandboxSms(t.db, t.now),
        paymentGateway: new SandboxPayments(t.db, t.now),
      },
      adminToken: TEST_ADMIN_TOKEN,
      publicUrl: TEST_PUBLIC_URL,
      onRoute: productionRoutes.onRoute,
      jobs: { workers: false },
    });
    terminals.sandbox = await enrolTerminal(t.app, 'FUZZ-SANDBOX');
    terminals.production = await enrolTerminal(production, 'FUZZ-PRODUCTION');
    staff = await signIn(t.app, 'admin');
    staffToSignOut = await signIn(t.app, 'admin');
    reviewer = await signIn(t.app, 'operator');
  }, 120_000);
  afterAll(async () => {
    await settle();
    await production?.close();
    await t?.close();
  }, 60_000);

  function generation(): RequestGeneration {
    return {
      now: t.now(),
      adminToken: TEST_ADMIN_TOKEN,
      samples: {
        iin: t.citizens.map((c) => c.person.iin),
        phone: t.citizens.flatMap((c) => [c.phoneToType, ...(c.bmgPhone ? [c.bmgPhone] : [])]),
        terminalId: ['FUZZ-SANDBOX', 'FUZZ-PRODUCTION'],
        // Centres and branches there are, so edits reach past 404 to their checks.
        centreId: ['AST-ESIL', 'ALA-ALMALY'],
        branchId: ['AST', 'SHY'],
        region: ['astana', 'almaty'],
      },
    };
  }

  const CONFIGURATIONS = [
    { name: 'sandbox', app: () => t.app, routes: sandboxRoutes.routes, terminal: () => terminals.sandbox! },
    { name: 'production', app: () => production, routes: productionRoutes.routes, terminal: () => terminals.production! },
  ] as const;

  describe.each(CONFIGURATIONS)('$name configuration', (config) => {
    let sender: FuzzSender;
    beforeAll(() => {
      // What a real client adds to a request: a staff member's console its session cookie and CSRF
      // token; a kiosk its terminal's signature over the very bytes sent.
      const headersFor: HeadersFor = (request) => {
        if (request.url.startsWith('/api/v1/staff/')) {
          const who =
            request.method === 'DELETE' && request.url.startsWith('/api/v1/staff/session')
              ? staffToSignOut
              : /^\/api\/v1\/staff\/(review|applications\/[^/?]*\/decision|problems)/.test(request.url)
                ? reviewer
                : staff;
          return { cookie: `${SESSION_COOKIE}=${who.cookie}`, [CSRF_HEADER]: who.csrfToken, 'sec-fetch-site': 'same-origin' };
        }
        return signRequest(
          { terminalId: config.terminal().terminalId, signingKey: config.terminal().keys.privateKey },
          { method: request.method, path: request.url, body: request.body === undefined ? null : new TextEncoder().encode(request.body) },
          t.now(),
        );
      };
      sender = new FuzzSender({ app: config.app(), db: t.db, settle, headersFor });
    });

    it('answers every route with a 2xx, 3xx or 4xx, and stores nothing from a refusal', async () => {
      expect(config.routes.map((r) => `${r.method} ${r.url}`)).toEqual(
        expect.arrayContaining([
          'POST /api/v1/packets',
          'GET /api/v1/payments/:id',
          'POST /api/v1/staff/accounts',
          'POST /api/v1/terminals/heartbeat',
          'POST /api/v1/terminals/telemetry',
          'GET /api/v1/terminals/reference-data',
          'POST /api/v1/staff/reference-data',
          'GET /api/v1/staff/reference-data/:version',
          'POST /api/v1/staff/terminals',
          'PUT /api/v1/staff/terminals/:id/name',
          'PUT /api/v1/staff/terminals/:id/centre',
          'POST /api/v1/staff/terminals/:id/revoke',
          'GET /api/v1/staff/review',
          'POST /api/v1/staff/applications/:number/decision',
          'POST /api/v1/staff/applications/lookup',
          'POST /api/v1/staff/centres',
          'PUT /api/v1/staff/centres/:centreId',
          'PUT /api/v1/staff/branches/:branchId',
          'GET /api/v1/staff/reports/weekly',
          'GET /api/v1/staff/problems',
          'GET /api/v1/staff/problems/places',
          'POST /api/v1/staff/problems',
          'PUT /api/v1/staff/problems/:id',
        ]),
      );
      // The sandbox's tester tools are fuzzed with the sandbox, and exist nowhere else.
      const testerRoutes = ['POST /api/v1/sandbox/citizens/:iin/withdraw-test-applications', 'GET /sandbox/citizens', 'POST /sandbox/citizens/withdraw'];
      const listed = config.routes.map((r) => `${r.method} ${r.url}`);
      if (config.name === 'sandbox') expect(listed).toEqual(expect.arrayContaining(testerRoutes));
      else for (const route of testerRoutes) expect(listed).not.toContain(route);
      const g = generation();
      const request = fc.constantFrom(...config.routes).chain((route) => requestArbitrary(route, g));
      await fc.assert(
        fc.asyncProperty(request, async (r) => {
          await sender.send(r);
        }),
        { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) },
      );
    }, 120_000);

    it('answers correctly signed packets whose fields are pushed to the edges the same way', async () => {
      let seq = config.name === 'sandbox' ? 1 : 1_000_000;
      const nextSeq = () => seq++;
      const plan = packetPlan(config.terminal(), t.citizens, generation(), nextSeq);
      // Always tried: applications made at the edges of the wire window, which the schemas take,
      // so no year's missing reference data (holidays, MRP) may turn them into a 5xx.
      const edges = ['2020-01-01T00:00:00.000Z', '2099-12-31T23:59:59.999Z'].map((createdAt, i): [SignedPlan] => [
        packetFrom({ payload: kioskPayload(config.terminal(), t.citizens[i]!, randomUUID(), createdAt), seq: undefined, sealedAt: t.now().toISOString(), tamper: 'none' }, nextSeq),
      ]);
      await fc.assert(
        fc.asyncProperty(plan, async (make) => {
          await sender.send(await make(config.terminal()));
        }),
        { numRuns: Math.ceil(RUNS / 2), examples: edges, ...(SEED !== undefined ? { seed: SEED } : {}) },
      );
    }, 120_000);

    it('answers correctly signed technician logs whose entries are pushed to the edges the same way', async () => {
      await fc.assert(
        fc.asyncProperty(logPlan(generation()), async (make) => {
          await sender.send(await make(config.terminal()));
        }),
        { numRuns: Math.ceil(RUNS / 3), ...(SEED !== undefined ? { seed: SEED } : {}) },
      );
    }, 120_000);

    it('answers every request under /track with a page for a person, never JSON', async () => {
      expect(config.routes.map((r) => `${r.method} ${r.url}`)).toContain('GET /track/:number');
      const numbers = await t.db.query<{ number: string }>('SELECT number FROM applications LIMIT 5');
      const segment = fc.oneof(
        fc.constantFrom('AAAA-BBBB-CCCC', ...numbers.rows.map((r) => r.number), ...TRACKING_ODD_SEGMENTS),
        fc
          .string({ maxLength: 40 })
          .map((text) => {
            try {
              return encodeURIComponent(text);
            } catch {
              return '%ED%A0%80';
            }
          })
          .filter((segment) => !isDotSegment(segment)),
      );
      const request = fc.record({
        method: fc.constantFrom('GET', 'GET', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'),
        path: fc.array(segment, { minLength: 0, maxLength: 3 }).map((segments) => `/track${segments.length ? `/${segments.join('/')}` : ''}`),
        query: fc.constantFrom('', '?lang=ru', '?lang=xx', '?lang=kk&lang=en', '?lang=%00', '?lang[]=en'),
        body: fc.option(fc.constantFrom('{', '{"status":"issued"}', 'a=1'), { freq: 3 }),
      });
      await fc.assert(
        fc.asyncProperty(request, async ({ method, path, query, body }) => {
          const response = await config.app().inject({
            method: method as 'GET',
            url: `${path}${query}`,
            remoteAddress: '203.0.113.9',
            ...(body === null ? {} : { payload: body, headers: { 'content-type': body.startsWith('{') ? 'application/json' : 'application/x-www-form-urlencoded' } }),
          });
          const what = `${method} ${path}${query} → ${response.statusCode}`;
          expect(response.statusCode, what).toBeLessThan(500);
          expect(response.headers['content-type'], what).toBe(path === '/track/page.css' && response.statusCode === 200 ? 'text/css; charset=utf-8' : 'text/html; charset=utf-8');
        }),
        { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) },
      );
    }, 120_000);

    it('answers signed heartbeats whose fields are pushed to the edges the same way', async () => {
      const body = fc.oneof(fc.constant<unknown>(heartbeatBody()), { weight: 4, arbitrary: variant(Heartbeat as unknown as JsonSchema, heartbeatBody(), generation()) });
      await fc.assert(
        fc.asyncProperty(body, async (heartbeat) => {
          // A kiosk beats once a minute: spaced so the per-terminal limit lets the body be judged.
          t.advance(7);
          await sender.send({ method: 'POST', url: '/api/v1/terminals/heartbeat', headers: { 'content-type': 'application/json' }, body: JSON.stringify(heartbeat), signed: true });
        }),
        { numRuns: Math.ceil(RUNS / 4), ...(SEED !== undefined ? { seed: SEED } : {}) },
      );
    }, 120_000);

    it('answers signed telemetry batches whose records are pushed to the edges the same way', async () => {
      // A sound batch of the last hours, then one field of it pushed to an edge: past the schema into the checks across fields.
      const sound = () => {
        const hoursAgo = (h: number) => new Date(t.now().getTime() - h * 3_600_000);
        return telemetryBatch({
          journeys: [journeyRecord(hoursAgo(3)), cancelledJourney(hoursAgo(2))],
          folds: [{ foldId: randomUUID(), rows: [{ day: kazakhstanDate(hoursAgo(48)), outcome: 'idle', outcomeStep: 'iin', journeys: 2 }] }],
        });
      };
      const body = fc.oneof(fc.constant<unknown>(sound()), { weight: 4, arbitrary: variant(TelemetryBatch as unknown as JsonSchema, sound(), generation()) });
      await fc.assert(
        fc.asyncProperty(body, async (batch) => {
          // Spaced so the per-terminal limit lets the body be judged.
          t.advance(4);
          await sender.send({ method: 'POST', url: '/api/v1/terminals/telemetry', headers: { 'content-type': 'application/json' }, body: JSON.stringify(batch), signed: true });
        }),
        { numRuns: Math.ceil(RUNS / 4), ...(SEED !== undefined ? { seed: SEED } : {}) },
      );
    }, 120_000);

    it('answers new reference-data versions whose figures are pushed to the edges the same way', async () => {
      // A sound version from today: the variants break it row by row, past the schema into the rules across rows.
      const sound = () => {
        const { mrpByYear, tariff, kurbanAit } = BUILT_IN_REFERENCE_DATA;
        return { effectiveFrom: kazakhstanDate(t.now()), mrpByYear, tariff, kurbanAit };
      };
      const body = fc.oneof(fc.constant<unknown>(sound()), { weight: 4, arbitrary: variant(NewReferenceData as unknown as JsonSchema, sound(), generation()) });
      await fc.assert(
        fc.asyncProperty(body, async (version) => {
          await sender.send({ method: 'POST', url: '/api/v1/staff/reference-data', headers: { 'content-type': 'application/json' }, body: JSON.stringify(version), signed: true });
        }),
        { numRuns: Math.ceil(RUNS / 4), ...(SEED !== undefined ? { seed: SEED } : {}) },
      );
    }, 120_000);

    it('answers new problems whose fields are pushed to the edges the same way', async () => {
      // A sound problem at the operator's centre an hour ago: the variants break it field by field, past the schema into the register's rules.
      const sound = () => ({ centreId: 'AST-ESIL', category: 'network', description: 'No link', happenedAt: new Date(t.now().getTime() - 3_600_000).toISOString(), terminalId: 'FUZZ-SANDBOX' });
      const body = fc.oneof(fc.constant<unknown>(sound()), { weight: 4, arbitrary: variant(NewProblem as unknown as JsonSchema, sound(), generation()) });
      await fc.assert(
        fc.asyncProperty(body, async (problem) => {
          await sender.send({ method: 'POST', url: '/api/v1/staff/problems', headers: { 'content-type': 'application/json' }, body: JSON.stringify(problem), signed: true });
        }),
        { numRuns: Math.ceil(RUNS / 4), ...(SEED !== undefined ? { seed: SEED } : {}) },
      );
    }, 120_000);

    it("answers a real payment's long poll whatever wait it is asked for", async () => {
      // A payment already settled, so a valid wait is answered at once and the run stays short;
      // the wait's text comes from the schema's edges and from anything a query can carry.
      const paymentId = randomUUID();
      await t.app.payments.insertOnce({
        id: paymentId,
        applicationId: randomUUID(),
        iin: t.citizen('service-16').person.iin,
        service: '16',
        document: 'passport',
        amountTiyn: 86_500,
        qrPayload: '',
        status: 'declined',
        createdAt: t.now(),
        expiresAt: t.now(),
      });
      const waitS = fc.oneof(
        fc.constantFrom('0', '25', '26', '9999', '-1', '1.5', '', 'NaN', '%00', '1e9', '0x10', '%F0%9F%98%80'),
        fc.string({ maxLength: 12 }).map((text) => encodeURIComponent(text)),
        fc.nat().map(String),
      );
      await fc.assert(
        fc.asyncProperty(waitS, fc.boolean(), async (wait, twice) => {
          const url = `/api/v1/payments/${paymentId}?waitS=${wait}${twice ? `&waitS=${wait}` : ''}`;
          const response = await signedInject(config.app(), config.terminal(), { method: 'GET', url }, t.now());
          expect(response.statusCode, url).toBeLessThan(500);
        }),
        { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) },
      );
    }, 120_000);

    it('reached past the schemas: some requests were taken, others refused', () => {
      const statuses = [...sender.statuses.keys()];
      expect(statuses.some((s) => s < 300)).toBe(true);
      expect(statuses.some((s) => s >= 400)).toBe(true);
      // Signed packets the back office stored: the generator makes real applications, not only refusals.
      expect(statuses).toContain(201);
    });
  });
});
