import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationNumber, readyBy } from '../../src/domain/application';
import type { SeedCitizen } from '../seed/citizens';
import { MAX_PORTRAIT_BYTES } from '../../src/protocol/photo-quality';
import { createTestApp, identifyCitizen, PASSED_PHOTO_QUALITY, type TestApp } from '../test-support';

const PHOTO = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]).toString('base64');
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]).toString('base64');

describe('applications', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);
  afterAll(() => t.close(), 60_000);

  const submit = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/applications', payload });

  /** The whole journey up to the receipt: phone, face, payment (paid when `pay`), and the submission body. */
  async function journey(tag: string, options: { pay?: boolean } = {}) {
    const citizen: SeedCitizen = t.citizen(tag);
    const { service, document } = citizen.example;
    const { phoneToken, identityToken } = await identifyCitizen(t.app, citizen);
    const id = randomUUID();
    const payment = (
      await t.app.inject({ method: 'POST', url: '/api/v1/payments', payload: { applicationId: id, identityToken, service, document } })
    ).json() as { paymentId: string; amountKzt: number; status: string };
    if (options.pay !== false && payment.status === 'pending') {
      await t.app.inject({ method: 'POST', url: `/api/v1/sandbox/payments/${payment.paymentId}/pay` });
    }
    return {
      citizen,
      payment,
      body: {
        id,
        number: applicationNumber(id),
        iin: citizen.person.iin,
        service,
        document,
        lang: 'ru',
        phone: citizen.phoneToType,
        phoneToken,
        identityToken,
        paymentId: payment.status === 'not_required' ? null : payment.paymentId,
        feeKzt: payment.amountKzt,
        photoJpeg: PHOTO,
        photoQuality: PASSED_PHOTO_QUALITY,
        signaturePng: SIGNATURE,
        centreId: 'AST-03',
        terminalId: 'T-017',
        test: false,
        createdAt: t.now().toISOString(),
      },
    };
  }

  it('accepts a paid application with 201, stores its images and gives the ready-by day', async () => {
    const { body } = await journey('service-13');
    const response = await submit(body);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ id: body.id, number: body.number, status: 'accepted', readyBy: readyBy('2026-03-02', 15) });
    // The face's liveness evidence came with the identification and stays with the application, and
    // the portrait's ICAO measures with it: an auditor sees how both were accepted.
    const audit = await t.app.applications.audit(body.id);
    expect(audit?.liveness).toMatchObject({ status: 'passed', thresholdsVersion: 'liveness-2026-11-25.2' });
    expect(audit?.photoQuality).toEqual(PASSED_PHOTO_QUALITY);
    const images = await t.app.applications.images(body.id);
    expect(Buffer.from(images!.photoJpeg).toString('base64')).toBe(PHOTO);
    expect(Buffer.from(images!.signaturePng).toString('base64')).toBe(SIGNATURE);
  });

  it('answers the same body again with 200, whatever its key order, and another body with 409', async () => {
    const { body } = await journey('service-16');
    const first = await submit(body);
    expect(first.statusCode).toBe(201);
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const again = await submit(reordered);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const changed = await submit({ ...body, lang: 'kk' });
    expect(changed.statusCode).toBe(409);
    expect(changed.json()).toMatchObject({ code: 'conflict' });
  });

  it('accepts an application with no fee due and no payment', async () => {
    const { body } = await journey('service-18');
    expect(body).toMatchObject({ paymentId: null, feeKzt: 0 });
    expect((await submit(body)).statusCode).toBe(201);
  });

  it('keeps an application from a test terminal marked as test', async () => {
    const { body } = await journey('crowd-03');
    const first = await submit({ ...body, test: true });
    expect(first.statusCode, first.body).toBe(201);
    const shown = await t.app.inject({ method: 'GET', url: `/api/v1/applications/${body.number}` });
    expect(shown.json()).toMatchObject({ number: body.number, test: true });
    // The same id from a real terminal is another application, not a retry.
    expect((await submit({ ...body, test: false })).statusCode).toBe(409);
  });

  it('shows the status for the tracking QR without personal data', async () => {
    const { body, citizen } = await journey('service-14');
    await submit(body);
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/applications/${body.number}` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ number: body.number, status: 'accepted', readyBy: readyBy('2026-03-02', 15), test: false });
    expect(response.body).not.toContain(citizen.person.iin);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/applications/AAAA-BBBB-CCCC' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/applications/nope' })).json()).toMatchObject({ code: 'invalid_request' });
  });

  it('refuses a second application of the same person with 422 application_in_progress', async () => {
    const { body: first } = await journey('crowd-01');
    expect((await submit(first)).statusCode).toBe(201);
    const id = randomUUID();
    const response = await submit({ ...first, id, number: applicationNumber(id) });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toEqual({ code: 'application_in_progress' });
  });

  describe('business failures, 422', () => {
    it('number_mismatch: the number is not the one the id gives', async () => {
      const { body } = await journey('service-07');
      const response = await submit({ ...body, number: 'AAAA-BBBB-CCCC' });
      expect(response.statusCode).toBe(422);
      expect(response.json()).toEqual({ code: 'number_mismatch' });
    });

    it("unverified_phone: a made-up token, or another person's", async () => {
      const { body } = await journey('service-04');
      const { body: other } = await journey('crowd-02');
      expect((await submit({ ...body, phoneToken: 'made-up' })).json()).toEqual({ code: 'unverified_phone' });
      const response = await submit({ ...body, phoneToken: other.phoneToken });
      expect(response.statusCode).toBe(422);
      expect(response.json()).toEqual({ code: 'unverified_phone' });
      expect((await submit({ ...body, phone: '+77000000000' })).json()).toEqual({ code: 'unverified_phone' });
    });

    it("unverified_identity: a made-up token, or another person's", async () => {
      const { body } = await journey('service-09');
      const { body: other } = await journey('crowd-04');
      expect((await submit({ ...body, identityToken: 'made-up' })).json()).toEqual({ code: 'unverified_identity' });
      const response = await submit({ ...body, identityToken: other.identityToken });
      expect(response.statusCode).toBe(422);
      expect(response.json()).toEqual({ code: 'unverified_identity' });
    });

    it('payment_missing: unpaid, absent, or the payment of another application', async () => {
      const { body } = await journey('service-17', { pay: false });
      expect((await submit(body)).json()).toEqual({ code: 'payment_missing' });
      expect((await submit({ ...body, paymentId: null })).json()).toEqual({ code: 'payment_missing' });
      const { body: other } = await journey('crowd-05');
      const response = await submit({ ...body, paymentId: other.paymentId });
      expect(response.statusCode).toBe(422);
      expect(response.json()).toEqual({ code: 'payment_missing' });
    });

    it('fee_mismatch: a fee other than the tariff', async () => {
      const { body } = await journey('service-07-passport');
      const response = await submit({ ...body, feeKzt: body.feeKzt - 1 });
      expect(response.statusCode).toBe(422);
      expect(response.json()).toEqual({ code: 'fee_mismatch' });
    });

    it('an eligibility refusal carries its refusal code', async () => {
      const { body } = await journey('service-14-passport');
      const response = await submit({ ...body, service: '17' });
      expect(response.statusCode).toBe(422);
      expect(response.json()).toEqual({ code: 'has_passport' });
    });

    it('nothing is stored for a refused application: sent right, it is taken afterwards', async () => {
      const { body } = await journey('service-16-id-card');
      expect((await submit({ ...body, feeKzt: 1 })).statusCode).toBe(422);
      expect((await submit(body)).statusCode).toBe(201);
    });
  });

  describe('schema failures, 400 invalid_request', () => {
    const valid = {
      id: '0b7e3c2a-5d4f-4e6a-8b9c-0d1e2f3a4b5c',
      number: 'AAAA-BBBB-CCCC',
      iin: '900101300017',
      service: '07',
      document: 'id_card',
      lang: 'ru',
      phone: '+77010000000',
      phoneToken: 'x',
      identityToken: 'y',
      paymentId: null,
      feeKzt: 0,
      photoJpeg: PHOTO,
      photoQuality: PASSED_PHOTO_QUALITY,
      signaturePng: SIGNATURE,
      centreId: 'AST-03',
      terminalId: 'T-017',
      test: false,
      createdAt: '2026-03-02T05:00:00Z',
    };
    const { photoJpeg: _photo, ...withoutPhoto } = valid;
    const { HeadPosePitch: _pitch, ...measuresWithoutPitch } = PASSED_PHOTO_QUALITY.measures;
    // A JPEG's start, then filler: a portrait one byte over the bound, in base64.
    const oversized = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(MAX_PORTRAIT_BYTES - 3)]).toString('base64');
    it.each([
      ['a missing photo', withoutPhoto],
      ['an id that is not a UUID', { ...valid, id: 'abc' }],
      ['a negative fee', { ...valid, feeKzt: -5 }],
      ['an unknown language', { ...valid, lang: 'de' }],
      ['a date that is not a date-time', { ...valid, createdAt: 'yesterday' }],
      ['an extra field', { ...valid, surname: 'Иванов' }],
      ['a photo that is not a JPEG', { ...valid, photoJpeg: SIGNATURE }],
      ['a photo over the size bound', { ...valid, photoJpeg: oversized }],
      ['photo measures without the pitch', { ...valid, photoQuality: { ...PASSED_PHOTO_QUALITY, measures: measuresWithoutPitch } }],
      ['photo measures with an unknown one', { ...valid, photoQuality: { ...PASSED_PHOTO_QUALITY, measures: { ...PASSED_PHOTO_QUALITY.measures, Beauty: 1 } } }],
      ['a signature that is not base64', { ...valid, signaturePng: '***' }],
    ])('%s', async (_name, payload) => {
      const response = await submit(payload);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'invalid_request', detail: expect.any(String) });
    });
  });
});
