// Wire types shared by the kiosk and the back office. TypeBox schemas are JSON Schema, so Fastify
// validates requests with them natively and the kiosk checks responses with `Value.Check`.
import { Type, type Static, type StringOptions } from '@sinclair/typebox';
import { registerWireFormats } from './formats';

// Before any schema below is checked: Value.Check refuses a format it does not know.
registerWireFormats();

export const API_PREFIX = '/api/v1';

export const Iin = Type.String({ pattern: '^[0-9]{12}$' });
export const Lang = Type.Union([Type.Literal('kk'), Type.Literal('ru'), Type.Literal('en')]);
export type Lang = Static<typeof Lang>;

export const SERVICE_CODES = ['04', '07', '09', '13', '14', '16', '17', '18'] as const;
export const ServiceCode = Type.Union(SERVICE_CODES.map((code) => Type.Literal(code)));
export type ServiceCode = Static<typeof ServiceCode>;

export const DocumentKind = Type.Union([Type.Literal('id_card'), Type.Literal('passport')]);
export type DocumentKind = Static<typeof DocumentKind>;

/** Mobile number as the БМГ stores it: +77XXXXXXXXX. */
export const Phone = Type.String({ pattern: '^\\+77[0-9]{9}$' });

export const Uuid = Type.String({
  pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
});

/** XXXX-XXXX-XXXX: what the receipt and the tracking QR carry (src/domain/application.ts applicationNumber). */
export const ApplicationNumber = Type.String({ pattern: '^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$' });

/** Every error the back office returns: a stable code the kiosk maps to a message in the citizen's language. */
export const ApiError = Type.Object({
  code: Type.String(),
  detail: Type.Optional(Type.String()),
});
export type ApiError = Static<typeof ApiError>;

/*
 * Formats (./formats.ts) rather than patterns where a pattern cannot say it: a date-time naming a
 * real instant within the wire window (2020-01-01 to before 2100), a calendar date, text PostgreSQL
 * can store. Fastify's ajv and TypeBox's Value.Check share the one definition.
 */
export const IsoDate = Type.String({ format: 'wire-date' });
export const IsoDateTime = Type.String({ format: 'wire-instant' });

/** Free text a client sends that the back office may store (text or jsonb): no NUL, no lone surrogate. */
export function Text(options: StringOptions = {}) {
  return Type.String({ ...options, format: 'storable-text' });
}

/** The largest value of an `integer` column (2³¹−1): a bigger one is refused on the wire, not by the database. */
export const MAX_INT32 = 2_147_483_647;

/** GET /api/v1/health: the kiosk's probe of the link too. */
export const HealthResponse = Type.Object({
  status: Type.Literal('ok'),
  db: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
  version: Type.String(),
});
