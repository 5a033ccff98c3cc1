import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { ApiError, Iin, Text } from '../../src/protocol/common';
import { Enrolled, PublicKeyJwk } from '../../src/protocol/packets';
import type { SandboxSettlement } from '../adapters/sandbox-payments';
import { withdrawTestApplications } from '../applications/withdraw-test-applications';
import { APPLICATION_STATUSES } from '../applications/status-machine';
import { enrolSandboxTerminal } from '../sync/terminal-enrolment';
import { refuseCrossSiteChanges } from './cross-site';

const SmsQuery = Type.Object(
  { phone: Type.Optional(Text({ maxLength: 16 })), limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,3}$' })) },
  { additionalProperties: false },
);
const SandboxSms = Type.Object({
  id: Type.Integer(),
  phone: Type.String(),
  text: Type.String(),
  /** The 6-digit code in the text, for tests; null when the message carries none. */
  code: Type.Union([Type.String(), Type.Null()]),
  sentAt: Type.String(),
});
const PaymentsQuery = Type.Object(
  { status: Type.Optional(Type.Union(['pending', 'paid', 'declined', 'expired'].map((s) => Type.Literal(s)))) },
  { additionalProperties: false },
);
const SandboxPayment = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  amountTiyn: Type.Integer(),
  qrPayload: Type.String(),
  status: Type.String(),
  createdAt: Type.String(),
  expiresAt: Type.String(),
});
export const PaymentParams = Type.Object({ id: Text({ maxLength: 64 }) });
const SandboxEnrolRequest = Type.Object({ publicKey: PublicKeyJwk }, { additionalProperties: false });
/** EMVCo caps a merchant-presented QR at 512 characters. */
export const QrPayRequest = Type.Object({ qrPayload: Text({ minLength: 1, maxLength: 512 }) }, { additionalProperties: false });

const CitizenParams = Type.Object({ iin: Iin }, { additionalProperties: false });
/** A synthetic citizen's reference face: 128 numbers from the sample photos the sandbox registry holds. */
const ReferenceFace = Type.Object({ iin: Type.String(), descriptor: Type.Array(Type.Number()) });

const NumberAndStatus = Type.Object({ number: Type.String(), from: Type.Union(APPLICATION_STATUSES.map((s) => Type.Literal(s))) });
/** What a tester's withdrawal did: the test applications withdrawn, and the citizen's open ones it kept (not test ones). */
export const TestWithdrawalAnswer = Type.Object({ iin: Type.String(), withdrawn: Type.Array(NumberAndStatus), kept: Type.Array(NumberAndStatus) });

export const SETTLEMENTS: Readonly<Record<string, SandboxSettlement>> = { pay: 'paid', decline: 'declined', expire: 'expired' };

/**
 * Tester tools under /api/v1/sandbox: read the SMS codes, settle the QR payments, pay a QR an
 * offline kiosk made, enrol a kiosk without a technician. Mounted only with the sandbox adapters.
 */
const sandboxRoutes: FastifyPluginAsync = async (app) => {
  const sandbox = requireSandbox(app);
  // Its bodies are JSON, which another site's page cannot send without a preflight this back office
  // never grants; refused as the tester pages' forms are all the same, should that ever change.
  app.addHook('onRequest', refuseCrossSiteChanges);

  // Every fresh browser profile (each e2e test's Chromium) is a new key, so a terminal of its own.
  app.post<{ Body: { publicKey: PublicKeyJwk } }>(
    '/terminals',
    { schema: { body: SandboxEnrolRequest, response: { 201: Enrolled, 400: ApiError } } },
    async (request, reply) => {
      const result = await enrolSandboxTerminal(app, request.body.publicKey);
      if (!result.ok) return reply.code(400).send({ code: result.code, ...(result.detail ? { detail: result.detail } : {}) });
      const { terminalId, centreId } = result.enrolled;
      request.log.info({ terminalId, centreId }, 'sandbox terminal enrolled itself');
      return reply.code(201).send(result.enrolled);
    },
  );

  app.post<{ Body: { qrPayload: string } }>(
    '/qr/pay',
    { schema: { body: QrPayRequest, response: { 200: SandboxPayment, 400: ApiError, 409: ApiError } } },
    async (request, reply) => {
      const result = await sandbox.payments.payQr(request.body.qrPayload);
      if (!result.ok) return reply.code(result.code === 'not_pending' ? 409 : 400).send({ code: result.code, detail: result.detail });
      request.log.info({ paymentId: result.payment.id, reference: result.payment.reference }, 'sandbox QR paid');
      return result.payment;
    },
  );

  app.get<{ Querystring: { phone?: string; limit?: string } }>(
    '/sms',
    { schema: { querystring: SmsQuery, response: { 200: Type.Object({ messages: Type.Array(SandboxSms) }) } } },
    async (request) => {
      const messages = await sandbox.sms.latest(request.query.phone, Number(request.query.limit ?? 20));
      return { messages: messages.map((m) => ({ ...m, code: /\b\d{6}\b/.exec(m.text)?.[0] ?? null })) };
    },
  );

  app.get<{ Querystring: { status?: string } }>(
    '/payments',
    { schema: { querystring: PaymentsQuery, response: { 200: Type.Object({ payments: Type.Array(SandboxPayment) }) } } },
    async (request) => {
      const all = await sandbox.payments.list();
      const { status } = request.query;
      return { payments: status ? all.filter((p) => p.status === status) : all };
    },
  );

  // A tester who needs a face at a chosen distance from the registry's (the manual review's band
  // around the threshold, e2e/console-review.spec.ts) starts from the reference: synthetic people only.
  app.get<{ Params: { iin: string } }>(
    '/citizens/:iin/reference-face',
    { schema: { params: CitizenParams, response: { 200: ReferenceFace, 400: ApiError, 404: ApiError } } },
    async (request, reply) => {
      const descriptor = await app.registry.referenceDescriptor(request.params.iin);
      if (!descriptor) return reply.code(404).send({ code: 'not_found' });
      return { iin: request.params.iin, descriptor: [...descriptor] };
    },
  );

  // Run the same test citizen again: their open test applications are withdrawn (recorded, never
  // deleted), so the next journey is not refused as `application_in_progress`. Who may call it: a
  // tester of the sandbox configuration — no such route exists in production (sandbox.test.ts).
  app.post<{ Params: { iin: string } }>(
    '/citizens/:iin/withdraw-test-applications',
    { schema: { params: CitizenParams, response: { 200: TestWithdrawalAnswer, 400: ApiError } } },
    async (request) => {
      const { iin } = request.params;
      const result = await withdrawTestApplications(app.db, iin, app.clock());
      request.log.info({ withdrawn: result.withdrawn.map((a) => a.number), kept: result.kept.length }, 'sandbox test applications withdrawn');
      return { iin, ...result };
    },
  );

  for (const [action, outcome] of Object.entries(SETTLEMENTS)) {
    app.post<{ Params: { id: string } }>(
      `/payments/:id/${action}`,
      { schema: { params: PaymentParams, response: { 200: SandboxPayment, 404: ApiError, 409: ApiError } } },
      async (request, reply) => {
        const settled = await sandbox.payments.settle(request.params.id, outcome);
        if (settled) return settled;
        return (await sandbox.payments.exists(request.params.id))
          ? reply.code(409).send({ code: 'not_pending' })
          : reply.code(404).send({ code: 'not_found' });
      },
    );
  }
};

export function requireSandbox(app: FastifyInstance) {
  if (!app.sandbox) throw new Error('sandbox routes need the sandbox adapters');
  return app.sandbox;
}

export default sandboxRoutes;
