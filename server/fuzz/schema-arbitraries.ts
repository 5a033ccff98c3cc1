import fc from 'fast-check';

/*
 * fast-check arbitraries read from the wire schemas (TypeBox, so JSON Schema): values a schema
 * takes, values at and past its edges, and a given value with one field pushed to an edge. Only
 * the keywords our schemas use are read; anything else is generated as "any JSON".
 */

export interface JsonSchema {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  patternProperties?: Record<string, JsonSchema>;
  items?: JsonSchema | JsonSchema[];
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
}

/** Generated strings stay short whatever the schema allows (a packet's ciphertext may be 4 MB). */
const LONGEST_STRING = 48;
const LONGEST_ARRAY = 6;

const DAY_MS = 86_400_000;
/** Valid instants mostly near the test clock, where the rules have their data, sometimes anywhere in the window. */
function instant(near: Date): fc.Arbitrary<Date> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: -30, max: 30 }).map((days) => new Date(near.getTime() + days * DAY_MS)) },
    { weight: 1, arbitrary: fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }) },
  );
}

export interface Generation {
  /** The clock of the app under test. */
  now: Date;
  /** Realistic values by property name (a seeded citizen's IIN), mixed in with the schema's own. */
  samples?: Readonly<Record<string, readonly unknown[]>>;
}

/** Values the schema takes (as far as a pattern and the format functions allow). */
export function valid(schema: JsonSchema, g: Generation, name = ''): fc.Arbitrary<unknown> {
  const own = validBySchema(schema, g);
  const samples = g.samples?.[name];
  return samples?.length ? fc.oneof(own, fc.constantFrom(...samples)) : own;
}

function validBySchema(schema: JsonSchema, g: Generation): fc.Arbitrary<unknown> {
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((s) => valid(s, g)));
  switch (schema.type) {
    case 'string':
      return validString(schema, g);
    case 'integer':
      return fc.integer({ min: Math.max(schema.minimum ?? -1000, -(2 ** 31)), max: Math.min(schema.maximum ?? 100_000, 2 ** 31 - 1) });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return validArray(schema, g);
    case 'object':
      return validObject(schema, g);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function validString(schema: JsonSchema, g: Generation): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? LONGEST_STRING, LONGEST_STRING);
  if (schema.format === 'wire-instant') return instant(g.now).map((d) => d.toISOString());
  if (schema.format === 'wire-date') return instant(g.now).map((d) => d.toISOString().slice(0, 10));
  if (schema.pattern) {
    return fc
      .stringMatching(new RegExp(schema.pattern))
      .filter((s) => s.length >= min && s.length <= (schema.maxLength ?? Infinity) && !s.includes('\u0000'));
  }
  // 'storable-text' and plain strings: any text, Kazakh letters and emoji included.
  return fc.string({ unit: 'grapheme', minLength: min, maxLength: max }).filter((s) => s.length <= (schema.maxLength ?? Infinity));
}

function validArray(schema: JsonSchema, g: Generation): fc.Arbitrary<unknown[]> {
  if (Array.isArray(schema.items)) return fc.tuple(...schema.items.map((s) => valid(s, g)));
  const items = schema.items ?? {};
  return fc.array(valid(items, g), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? LONGEST_ARRAY, Math.max(schema.minItems ?? 0, LONGEST_ARRAY)) });
}

function validObject(schema: JsonSchema, g: Generation): fc.Arbitrary<Record<string, unknown>> {
  if (schema.patternProperties) {
    const [pattern, value] = Object.entries(schema.patternProperties)[0]!;
    return fc.dictionary(fc.stringMatching(new RegExp(pattern)), valid(value, g), { maxKeys: 4 });
  }
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, property] of Object.entries(properties)) record[key] = valid(property, g, key);
  return fc.record(record, { requiredKeys: Object.keys(properties).filter((k) => required.has(k)) });
}

/** Impossible or unstorable date-times: each once answered 500. */
export const ODD_INSTANTS = [
  '2026-13-45T99:99:99Z',
  '2026-02-30T10:00:00Z',
  '2026-03-02T10:00:00+99:99',
  '0000-01-01T00:00:00Z',
  '1900-03-02T10:00:00Z',
  '2100-01-01T00:00:00Z',
  '275760-09-13T00:00:00Z',
  '2026-03-02T10:00:00.1234567890123456789Z',
  '2026-03-02',
];

/** Strings a database or a router may choke on. */
export const ODD_STRINGS = ['', ' ', 'a\u0000b', '\u0000', '\ud800', 'x\udfff', '%00', '%ZZ', '../../etc/passwd', '\u202e', '😀', "'; DROP TABLE x; --", '\\', 'null'];

export const ODD_NUMBERS = [2 ** 31, 2 ** 31 - 1, -(2 ** 31) - 1, 2 ** 53 + 2, 1e300, -1e300, 0.5, -1, 0, 1e-300, Number.MAX_VALUE];

const ANY_ODD: readonly unknown[] = [null, true, false, [], {}, [null], { a: 1 }, ...ODD_NUMBERS, ...ODD_STRINGS, ...ODD_INSTANTS];

/** Values at and past the schema's edges, and of the wrong type. */
export function edge(schema: JsonSchema): fc.Arbitrary<unknown> {
  const own: unknown[] = [];
  if (schema.type === 'integer' || schema.type === 'number') {
    for (const bound of [schema.minimum, schema.maximum]) if (bound !== undefined) own.push(bound, bound - 1, bound + 1, bound + 0.5);
  }
  if (schema.type === 'string') {
    if (schema.maxLength !== undefined && schema.maxLength < 100_000) own.push('a'.repeat(schema.maxLength + 1), '\u0000'.repeat(Math.min(schema.maxLength, 8)));
    if (schema.minLength) own.push('a'.repeat(schema.minLength - 1));
  }
  if (schema.type === 'array') {
    if (schema.maxItems !== undefined && schema.maxItems < 1000) own.push(Array.from({ length: schema.maxItems + 1 }, () => 0));
    if (schema.minItems) own.push([]);
  }
  return fc.oneof(fc.constantFrom(...ANY_ODD), ...(own.length ? [fc.constantFrom(...own)] : []), fc.jsonValue({ maxDepth: 3 }));
}

/**
 * `value`, which the schema takes, with one place in it changed: a field pushed to an edge or to
 * another valid value, a required field dropped, a field added.
 */
export function variant(schema: JsonSchema, value: unknown, g: Generation): fc.Arbitrary<unknown> {
  const here = fc.oneof({ weight: 3, arbitrary: edge(schema) }, { weight: 1, arbitrary: valid(schema, g) });
  const branch = schema.anyOf?.find((s) => matchesShape(s, value));
  if (branch) return fc.oneof(here, variant(branch, value, g));
  if (Array.isArray(value) && value.length > 0) {
    const itemSchema = (i: number) => (Array.isArray(schema.items) ? schema.items[i] ?? {} : schema.items ?? {});
    const inside = fc
      .integer({ min: 0, max: value.length - 1 })
      .chain((i) => variant(itemSchema(i), value[i], g).map((v) => value.map((old, j) => (j === i ? v : old))));
    return fc.oneof(here, { weight: 3, arbitrary: inside });
  }
  if (isRecord(value) && Object.keys(value).length > 0) {
    const propertySchema = (key: string): JsonSchema => schema.properties?.[key] ?? Object.values(schema.patternProperties ?? {})[0] ?? {};
    const inside = fc
      .constantFrom(...Object.keys(value))
      .chain((key) => variant(propertySchema(key), value[key], g).map((v) => ({ ...value, [key]: v })));
    const dropped = fc.constantFrom(...Object.keys(value)).map((key) => Object.fromEntries(Object.entries(value).filter(([k]) => k !== key)));
    const added = fc.tuple(fc.constantFrom('extra', '__proto__', 'constructor', '\u0000', ''), edge({})).map(([k, v]) => ({ ...value, [k]: v }));
    return fc.oneof(here, { weight: 6, arbitrary: inside }, dropped, added);
  }
  return here;
}

function matchesShape(schema: JsonSchema, value: unknown): boolean {
  if ('const' in schema) return schema.const === value;
  if (schema.type === 'null') return value === null;
  if (schema.type === 'object') return isRecord(value);
  if (schema.type === 'array') return Array.isArray(value);
  return typeof value === schema.type || (schema.type === 'integer' && typeof value === 'number');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
