import fc from 'fast-check';
import type { FastifyInstance, RouteOptions } from 'fastify';
import type { Database } from '../db/database';
import { edge, valid, variant, type Generation, type JsonSchema } from './schema-arbitraries';

/*
 * Requests made from every route's own schemas, sent with app.inject(): the harness of
 * requests.test.ts. A request is refused or taken, never a 5xx, and a refusal stores nothing.
 */

export interface FuzzRoute {
  method: string;
  url: string;
  schema: { body?: JsonSchema; querystring?: JsonSchema; params?: JsonSchema };
}

/** Every route as Fastify registers it (AppOptions.onRoute), with its schema. */
export function routeCollector(): { routes: FuzzRoute[]; onRoute: (route: RouteOptions) => void } {
  const routes: FuzzRoute[] = [];
  return {
    routes,
    onRoute: (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      const schema = (route.schema ?? {}) as FuzzRoute['schema'];
      // HEAD routes are Fastify's copies of the GETs.
      for (const method of methods) if (method !== 'HEAD') routes.push({ method, url: route.url, schema });
    },
  };
}

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** Whether the target's headersFor adds its headers (a terminal's signature); unsigned requests are tried too. */
  signed?: boolean;
}

/**
 * Headers a real client adds to this request, over the generated ones (a terminal's request
 * signature): the one place the harness signs requests.
 */
export type HeadersFor = (request: FuzzRequest) => Promise<Record<string, string>> | Record<string, string>;

/**
 * Tables a refused request may still write to: they count requests rather than keep what one
 * carries (a signed request's nonce is spent even when its body is refused, so it cannot be
 * replayed; a limit counts the refused attempt too; a refused staff sign-in is audited).
 */
export const BOOKKEEPING_TABLES: ReadonlySet<string> = new Set(['request_nonces', 'rate_limits', 'audit_log']);

/** Path segments a router or a database may choke on. */
const ODD_SEGMENTS = ['%00', 'a%00b', '%ZZ', '%C0%AF', '%ED%A0%80', '%FF', '..', '%2e%2e', '%2F', '%20', 'A'.repeat(300), '%E2%80%AE', '😀'];
const ODD_QUERIES = ['%00', 'a=%00', 'a=%ZZ', 'a&a&a', '=', 'limit=1&limit=2', `${'a=1&'.repeat(500)}b=2`, 'phone[]=1', 'status=%C0'];
const ODD_BODIES = [
  '',
  'not json',
  '{',
  '[]',
  '"text"',
  'null',
  '1e999',
  '{"a":1,"a":2}',
  '\ufeff{}',
  '{"__proto__":{"polluted":1}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  `{"n":${'9'.repeat(400)}}`,
  '{"s":"\\ud800"}',
  '{"s":"\\u0000"}',
];
const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
];

export interface RequestGeneration extends Generation {
  adminToken: string;
}

/** One request to this route: its path, query, body and headers each valid, pushed to an edge, or odd. */
export function requestArbitrary(route: FuzzRoute, g: RequestGeneration): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      url: fc.tuple(pathArbitrary(route, g), queryArbitrary(route, g)).map(([path, query]) => (query ? `${path}?${query}` : path)),
      body: bodyArbitrary(route, g),
      headers: headersArbitrary(g),
      signed: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    })
    .map(({ url, body, headers, signed }) => {
      const request: FuzzRequest = { method: route.method, url, headers: { ...headers }, signed };
      if (body && route.method !== 'GET') {
        request.body = body.text;
        if (body.contentType) request.headers['content-type'] = body.contentType;
      }
      return request;
    });
}

function pathArbitrary(route: FuzzRoute, g: Generation): fc.Arbitrary<string> {
  const names = [...route.url.matchAll(/:([A-Za-z]+)|\*/g)].map((m) => m[1] ?? '*');
  if (names.length === 0) return fc.constant(route.url);
  const segment = (name: string): fc.Arbitrary<string> => {
    const schema = route.schema.params?.properties?.[name];
    return fc.oneof(
      { weight: 3, arbitrary: valid(schema ?? { type: 'string' }, g, name).map((v) => encode(String(v))) },
      { weight: 1, arbitrary: edge(schema ?? { type: 'string' }).map((v) => encode(typeof v === 'string' ? v : JSON.stringify(v))) },
      { weight: 2, arbitrary: fc.constantFrom(...ODD_SEGMENTS) },
    );
  };
  return fc.tuple(...names.map(segment)).map((values) => {
    let i = 0;
    return route.url.replace(/:([A-Za-z]+)|\*/g, () => values[i++] ?? '');
  });
}

function queryArbitrary(route: FuzzRoute, g: Generation): fc.Arbitrary<string> {
  const schema = route.schema.querystring;
  const fromSchema = schema
    ? valid(schema, g)
        .chain((v) => fc.oneof(fc.constant(v), variant(schema, v, g)))
        .map((v) => toQuery(v))
    : fc.constant('');
  return fc.oneof({ weight: 4, arbitrary: fromSchema }, { weight: 1, arbitrary: fc.constantFrom(...ODD_QUERIES) });
}

function toQuery(value: unknown): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return encode(JSON.stringify(value));
  return Object.entries(value)
    .map(([k, v]) => `${encode(k)}=${encode(typeof v === 'string' ? v : JSON.stringify(v))}`)
    .join('&');
}

/** Percent-encoded as UTF-8; a lone surrogate, which UTF-8 cannot hold, as the bytes a careless encoder writes for it. */
function encode(text: string): string {
  return text
    .split(/(\p{Surrogate})/u)
    .map((part, i) => (i % 2 === 1 ? '%ED%A0%80' : encodeURIComponent(part)))
    .join('');
}

function bodyArbitrary(route: FuzzRoute, g: Generation): fc.Arbitrary<{ text: string; contentType?: string | undefined } | null> {
  const schema = route.schema.body;
  const json = schema
    ? valid(schema, g)
        .chain((v) => fc.oneof({ weight: 1, arbitrary: fc.constant(v) }, { weight: 2, arbitrary: variant(schema, v, g) }))
        .map((v) => JSON.stringify(v) ?? 'null')
    : fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v));
  const text = fc.oneof({ weight: 6, arbitrary: json }, { weight: 1, arbitrary: fc.constantFrom(...ODD_BODIES) });
  const contentType = fc.oneof({ weight: 6, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: fc.constantFrom(...CONTENT_TYPES, undefined) });
  return fc.option(fc.record({ text, contentType }, { requiredKeys: ['text'] }), { freq: 8 });
}

function headersArbitrary(g: RequestGeneration): fc.Arbitrary<Record<string, string>> {
  return fc.record(
    {
      authorization: fc.constantFrom(`Bearer ${g.adminToken}`, 'Bearer wrong', 'Bearer ', 'Basic dXNlcjpwYXNz', `Bearer ${'a'.repeat(5000)}`),
      'x-forwarded-for': fc.constantFrom('1.2.3.4', 'not an address', '::1, 10.0.0.1', ''),
      accept: fc.constantFrom('application/json', 'text/html', '*/*', 'image/png'),
      origin: fc.constantFrom('https://evil.example', 'null'),
      'x-terminal-id': fc.constantFrom('T-1', '%00', ''),
      'x-terminal-time': fc.constantFrom('2026-02-30T10:00:00Z', '0', ''),
      // A staff request's cookie and CSRF token, made up (the real ones are the target's headersFor).
      cookie: fc.constantFrom('__Host-staff_session=forged', '__Host-staff_session=', 'a=b; c', `__Host-staff_session=${'a'.repeat(5000)}`, '%00=%ZZ'),
      'x-csrf-token': fc.constantFrom('wrong', '', 'a'.repeat(5000)),
      'sec-fetch-site': fc.constantFrom('same-origin', 'cross-site', 'same-site', 'none'),
    },
    { requiredKeys: [] },
  );
}

/** An app under test: where it keeps its rows, and how to wait for the work it does after an answer. */
export interface FuzzTarget {
  app: FastifyInstance;
  db: Database;
  /** Resolves once the work started by earlier answers (the deferred checks) has ended. */
  settle: () => Promise<unknown>;
  headersFor?: HeadersFor;
}

/** Rows of every table of the app's schema, by table. */
export async function tableCounts(db: Database): Promise<Record<string, number>> {
  const { rows: tables } = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  if (tables.length === 0) return {};
  const select = tables.map(({ table_name }, i) => `(SELECT count(*)::int FROM "${table_name}") AS c${i}`).join(', ');
  const { rows } = await db.query<Record<string, number>>(`SELECT ${select}`);
  return Object.fromEntries(tables.map(({ table_name }, i) => [table_name, rows[0]?.[`c${i}`] ?? -1]));
}

/**
 * Sends requests and checks each answer: throws on a 5xx, or on a refusal that changed the rows of
 * any table. The rows after one request are those before the next (the harness waits for the work
 * after each answer), so each request costs one count.
 */
export class FuzzSender {
  #counts: Record<string, number> | null = null;
  /** Answers by status, for the test to show that requests got past the schemas too. */
  readonly statuses = new Map<number, number>();

  constructor(private readonly target: FuzzTarget) {}

  async send(request: FuzzRequest): Promise<number> {
    const { target } = this;
    await target.settle();
    const before = this.#counts ?? (await tableCounts(target.db));
    const extra = target.headersFor && request.signed ? await target.headersFor(request) : {};
    const response = await target.app.inject({
      method: request.method as 'GET',
      url: request.url,
      headers: { ...request.headers, ...extra },
      ...(request.body !== undefined ? { payload: request.body } : {}),
    });
    await target.settle();
    const after = await tableCounts(target.db);
    this.#counts = after;
    const status = response.statusCode;
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
    const what = `${request.method} ${request.url.slice(0, 200)} → ${status} ${response.body.slice(0, 300)}`;
    if (status >= 500) throw new Error(`a 5xx: ${what}`);
    if (status >= 400) {
      const changed = Object.keys(after).filter((table) => after[table] !== before[table] && !BOOKKEEPING_TABLES.has(table));
      if (changed.length > 0) throw new Error(`refused, yet rows changed in ${changed.join(', ')}: ${what}`);
    }
    return status;
  }
}
