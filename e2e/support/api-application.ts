// An application made without a camera: a new terminal enrolled with the admin's code, as a
// technician would, and a packet sealed and sent by it as a kiosk does. For the specs about what
// happens to an application after the kiosk (the tracking page, the staff console).
import { randomUUID } from 'node:crypto';
import { expect, type APIRequestContext } from '@playwright/test';
import { applicationNumber } from '../../src/domain/application';
import { feeFor } from '../../src/domain/fees';
import { encodePaymentQr } from '../../src/domain/payment-qr';
import type { Lang } from '../../src/protocol/common';
import type { Enrolled } from '../../src/protocol/packets';
import { makeApplicationPayload } from '../../src/sync/packet-fixture';
import { exportPublicJwk, importBackOfficePublicKey, makeTerminalKeys, sealPacket } from '../../src/sync/seal';
import type { SeedCitizen } from '../../server/seed/citizens';
import { E2E_ADMIN_TOKEN } from './backoffice';

export interface ApiApplicationOptions {
  /** The face the kiosk sealed; the packet fixture's own (no one's) when absent. */
  descriptor?: number[];
  /** Paid on the offline kiosk's QR from the citizen's phone (the sandbox's bank) before the packet is sent. */
  paid?: boolean;
  /** Where the new terminal stands: the sandbox's own centre unless another is wanted. */
  centreId?: string;
}

/** A new terminal enrolled as a technician would, and an application of `c` sealed and sent by it, made in `lang`. */
export async function applicationThroughApi(request: APIRequestContext, c: SeedCitizen, lang: Lang, options: ApiApplicationOptions = {}): Promise<string> {
  const terminalId = `E2E-TRK-${Date.now().toString(36).toUpperCase()}`;
  const created = await request.post('/api/v1/admin/terminals', { headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` }, data: { terminalId, centreId: options.centreId ?? 'AST-ESIL' } });
  expect(created.status(), await created.text()).toBe(201);
  const { code } = (await created.json()) as { code: string };
  const keys = await makeTerminalKeys();
  const enrol = await request.post('/api/v1/terminals/enrol', { data: { code, publicKey: await exportPublicJwk(keys.publicKey) } });
  expect(enrol.status(), await enrol.text()).toBe(201);
  const enrolled = (await enrol.json()) as Enrolled;

  // Made now by the back office's clock (the e2e run's fixed day), as a kiosk set to it would.
  const now = new Date(Date.parse((await request.get('/api/v1/health')).headers().date ?? ''));
  const id = randomUUID();
  const { service, document } = c.example;
  const payload = makeApplicationPayload({
    id,
    number: applicationNumber(id),
    iin: c.person.iin,
    service,
    document,
    lang,
    phone: c.phoneToType,
    centreId: enrolled.centreId,
    terminalId,
    test: true,
    createdAt: now.toISOString(),
    feeTiyn: feeFor({ service, document, on: now.toISOString().slice(0, 10), lostIdCardsThisYear: c.person.lostIdCardsThisYear }).amountTiyn,
  });
  if (options.descriptor) payload.face.descriptor = options.descriptor;
  if (options.paid && payload.application.feeTiyn > 0) {
    const qrPayload = encodePaymentQr({ amountTiyn: payload.application.feeTiyn, reference: payload.application.number });
    const paid = await request.post('/api/v1/sandbox/qr/pay', { data: { qrPayload } });
    expect(paid.status(), await paid.text()).toBe(200);
  }
  const packet = await sealPacket(payload, {
    terminalId,
    seq: 1,
    sealedAt: now.toISOString(),
    backOfficeKey: await importBackOfficePublicKey(enrolled.backOfficeKey),
    signingKey: keys.privateKey,
  });
  const sent = await request.post('/api/v1/packets', { data: packet });
  expect(sent.status(), await sent.text()).toBe(201);
  return payload.application.number;
}

/** A face `distance` from the citizen's reference in the sandbox registry: in the review band (0.40–0.50) a person decides. */
export async function faceAtDistance(request: APIRequestContext, c: SeedCitizen, distance: number): Promise<number[]> {
  const response = await request.get(`/api/v1/sandbox/citizens/${c.person.iin}/reference-face`);
  expect(response.status(), await response.text()).toBe(200);
  const { descriptor } = (await response.json()) as { descriptor: number[] };
  return descriptor.map((v, i) => (i === 0 ? v + distance : v));
}
