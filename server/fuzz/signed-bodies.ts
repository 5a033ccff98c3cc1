import fc from 'fast-check';
import { applicationNumber } from '../../src/domain/application';
import { ApplicationPayload, SealedPacket, type ApplicationPayload as Payload } from '../../src/protocol/packets';
import { TechnicianLogEntry } from '../../src/protocol/technician-log';
import { signLogUpload } from '../../src/sync/log-upload';
import { makeApplicationPayload } from '../../src/sync/packet-fixture';
import { sealPacket } from '../../src/sync/seal';
import type { SeedCitizen } from '../seed/citizens';
import type { TestTerminal } from '../test-support';
import type { FuzzRequest } from './request-fuzz';
import { edge, valid, variant, type Generation, type JsonSchema } from './schema-arbitraries';

/*
 * Packets and technician logs are signed inside their bodies: fuzzing their JSON only ever meets
 * bad_signature. These make correctly sealed and signed ones, by an enrolled terminal, whose
 * fields are pushed to the schemas' edges, so the checks after the signature are what is tried.
 */

/** What to seal; the request is made from it, since sealing is asynchronous. */
export type SignedPlan = (terminal: TestTerminal) => Promise<FuzzRequest>;

const asSchema = (schema: unknown) => schema as JsonSchema;
const JSON_HEADERS = { 'content-type': 'application/json' };

/** A payload as a kiosk seals it for a seeded citizen. */
export function kioskPayload(terminal: TestTerminal, citizen: SeedCitizen, id: string, createdAt: string): Payload {
  return structuredClone(
    makeApplicationPayload({
      id,
      number: applicationNumber(id),
      iin: citizen.person.iin,
      phone: citizen.phoneToType,
      service: citizen.example.service,
      document: citizen.example.document,
      terminalId: terminal.terminalId,
      centreId: terminal.centreId,
      createdAt,
      paymentId: null,
    }),
  );
}

/** A kiosk's payload, then maybe one field of it pushed to an edge. */
function payloadArbitrary(terminal: TestTerminal, citizens: readonly SeedCitizen[], g: Generation): fc.Arbitrary<unknown> {
  const base = fc
    .record({ id: fc.uuid({ version: 4 }), citizen: fc.constantFrom(...citizens), createdAt: valid(asSchema(SealedPacket.properties.sealedAt), g) })
    .map(({ id, citizen, createdAt }) => kioskPayload(terminal, citizen, id, createdAt as string));
  return base.chain((payload) => fc.oneof({ weight: 1, arbitrary: fc.constant(payload) }, { weight: 4, arbitrary: variant(asSchema(ApplicationPayload), payload, g) }));
}

/** After signing: nothing, or one byte of what was signed changed (the signature must catch it). */
type Tamper = 'none' | 'ciphertext' | 'seq' | 'signature';

export interface PacketChoice {
  payload: unknown;
  /** undefined: the terminal's next seq. */
  seq: unknown;
  sealedAt: unknown;
  tamper: Tamper;
}

export function packetPlan(terminal: TestTerminal, citizens: readonly SeedCitizen[], g: Generation, nextSeq: () => number): fc.Arbitrary<SignedPlan> {
  const seqSchema = asSchema(SealedPacket.properties.seq);
  const atSchema = asSchema(SealedPacket.properties.sealedAt);
  return fc
    .record({
      payload: payloadArbitrary(terminal, citizens, g),
      seq: fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: edge(seqSchema) }),
      sealedAt: fc.oneof({ weight: 4, arbitrary: valid(atSchema, g) }, { weight: 1, arbitrary: edge(atSchema) }),
      tamper: fc.constantFrom<Tamper>('none', 'none', 'none', 'none', 'ciphertext', 'seq', 'signature'),
    })
    .map((choice) => packetFrom(choice, nextSeq));
}

/** The plan that seals this choice: for examples the property must always try, too. */
export function packetFrom({ payload, seq, sealedAt, tamper }: PacketChoice, nextSeq: () => number): SignedPlan {
  return described({ payload, seq, sealedAt, tamper }, async (signer) => {
      const packet: Record<string, unknown> = await sealPacket(sealable(payload), {
        terminalId: signer.terminalId,
        // An edge of any type is what a broken kiosk could sign; sealing only writes it into JSON.
        seq: (seq ?? nextSeq()) as number,
        sealedAt: sealedAt as string,
        backOfficeKey: signer.backOfficeKey,
        signingKey: signer.keys.privateKey,
      });
      if (tamper === 'ciphertext') packet.ciphertext = flipLast(String(packet.ciphertext));
      if (tamper === 'seq') packet.seq = typeof packet.seq === 'number' ? packet.seq + 1 : 1;
      if (tamper === 'signature') packet.signature = flipLast(String(packet.signature));
      return { method: 'POST', url: '/api/v1/packets', headers: JSON_HEADERS, body: JSON.stringify(packet) };
  });
}

const BASE_ENTRY = { seq: 1, at: '', action: 'self_test', details: { device: 'printer', ok: true, code: null } };

export function logPlan(g: Generation): fc.Arbitrary<SignedPlan> {
  const entrySchema = asSchema(TechnicianLogEntry);
  const entry = fc
    .record({ seq: fc.integer({ min: 1, max: 1_000_000 }), at: valid(asSchema(TechnicianLogEntry.properties.at), g) })
    .map(({ seq, at }) => ({ ...BASE_ENTRY, seq, at }))
    .chain((e) => fc.oneof(fc.constant<unknown>(e), { weight: 3, arbitrary: variant(entrySchema, e, g) }));
  const line = fc.oneof({ weight: 8, arbitrary: entry.map((e) => `${JSON.stringify(e)}\n`) }, { weight: 1, arbitrary: fc.constantFrom('not json\n', '\n', '{"seq":1}', '[]\n') });
  return fc
    .record({ lines: fc.array(line, { maxLength: 4 }), tamper: fc.constantFrom('none', 'none', 'none', 'signature', 'path') })
    .map(({ lines, tamper }) => described({ lines, tamper }, async (signer) => {
      const upload = await signLogUpload(signer.terminalId, lines.join(''), signer.keys.privateKey);
      const body = tamper === 'signature' ? { ...upload, signature: flipLast(upload.signature) } : upload;
      const terminalId = tamper === 'path' ? `${signer.terminalId}X` : signer.terminalId;
      return { method: 'POST', url: `/api/v1/terminals/${terminalId}/log`, headers: JSON_HEADERS, body: JSON.stringify(body) };
    }));
}

/**
 * sealPacket reads the header's application id from `payload.application.id`: where a variant
 * took `application` away or made it a non-object, an id is lent to the header without being
 * sealed (JSON.stringify skips a property that is not enumerable).
 */
function sealable(payload: unknown): Payload {
  const isObject = typeof payload === 'object' && payload !== null && !Array.isArray(payload);
  const application = isObject ? (payload as { application?: unknown }).application : undefined;
  if (typeof application === 'object' && application !== null) return payload as Payload;
  const copy = isObject ? { ...payload } : {};
  Object.defineProperty(copy, 'application', { value: { id: '00000000-0000-4000-8000-000000000000' }, enumerable: false });
  return copy as Payload;
}

/** A plan that fast-check prints as what it seals (a counterexample), not as its source. */
function described(what: unknown, plan: SignedPlan): SignedPlan {
  const text = (() => {
    const json = JSON.stringify(what, (_key, value: unknown) => {
      if (typeof value === 'string' && value.length > 200) return `${value.slice(0, 40)}…(${value.length} characters)`;
      if (Array.isArray(value) && value.length > 8) return `[${value.length} items]`;
      return value;
    });
    return json ?? String(what);
  })();
  return Object.assign(plan, { [fc.toStringMethod]: () => text });
}

function flipLast(text: string): string {
  if (text.length === 0) return 'A';
  return text.slice(0, -1) + (text.endsWith('A') ? 'B' : 'A');
}
