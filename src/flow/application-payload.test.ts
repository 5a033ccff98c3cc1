import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { applicationNumber } from '../domain/application';
import { DESCRIPTOR_LENGTH } from '../protocol/identify';
import { ApplicationPayload } from '../protocol/packets';
import { PASSED_LIVENESS, PASSED_PHOTO_QUALITY, TINY_JPEG_BASE64, TINY_PNG_BASE64 } from '../sync/packet-fixture';
import { applicationPayload } from './application-payload';
import type { TerminalIdentity } from './readiness.svelte';
import { emptySession, type SessionData } from './session-data';

const TERMINAL: TerminalIdentity = { terminalId: 'SBX-ABCD2345', centreId: 'AST-ESIL' };
const ID = '0f4c1b7e-2d3a-4b6c-9e8f-1a2b3c4d5e6f';
const DESCRIPTOR = Array.from({ length: DESCRIPTOR_LENGTH }, (_, i) => Math.fround(Math.cos(i) * 0.1));

/** A session that went through every step with the back office answering. */
function onlineSession(): SessionData {
  return {
    ...emptySession(),
    lang: 'ru',
    service: '07',
    document: 'id_card',
    iin: '880415300127',
    citizen: { maskedName: 'Бекова А. К.', lostIdCardsThisYear: 0 },
    phone: '+77011234567',
    phoneToken: 'phone-token-1',
    identityToken: 'identity-token-1',
    faceDescriptor: DESCRIPTOR,
    liveness: PASSED_LIVENESS,
    photoJpeg: TINY_JPEG_BASE64,
    photoQuality: PASSED_PHOTO_QUALITY,
    signaturePng: TINY_PNG_BASE64,
    payment: { paymentId: 'pay-7f3a', amountTiyn: 86_500, status: 'paid' },
    application: { id: ID, number: applicationNumber(ID), createdAt: '2026-03-02T05:15:30.123Z' },
  };
}

/** The same citizen with the back office out of reach from the IIN on. */
function offlineSession(): SessionData {
  return {
    ...onlineSession(),
    citizen: null,
    phoneToken: null,
    identityToken: null,
    payment: { paymentId: null, amountTiyn: 86_500, status: 'deferred' },
    offlineSteps: ['iin', 'phone', 'identify', 'payment'],
  };
}

function valid(payload: ApplicationPayload | null): ApplicationPayload {
  expect(payload).not.toBeNull();
  const errors = [...Value.Errors(ApplicationPayload, payload)].map((e) => `${e.path} ${e.message}`);
  expect(errors).toEqual([]);
  return payload!;
}

describe('applicationPayload', () => {
  it('seals an online session whole, with the tokens the back office gave and the gateway payment', () => {
    const payload = valid(applicationPayload(onlineSession(), TERMINAL, false));
    expect(payload.application).toEqual({
      id: ID,
      number: applicationNumber(ID),
      iin: '880415300127',
      service: '07',
      document: 'id_card',
      lang: 'ru',
      phone: '+77011234567',
      centreId: 'AST-ESIL',
      terminalId: 'SBX-ABCD2345',
      test: false,
      createdAt: '2026-03-02T05:15:30.123Z',
      feeTiyn: 86_500,
      paymentId: 'pay-7f3a',
    });
    expect(payload.online).toEqual({ phoneToken: 'phone-token-1', identityToken: 'identity-token-1' });
    expect(payload.face).toEqual({ descriptor: DESCRIPTOR, liveness: PASSED_LIVENESS });
    expect(payload.photo).toEqual({ jpeg: TINY_JPEG_BASE64, quality: PASSED_PHOTO_QUALITY });
    expect(payload.signaturePng).toBe(TINY_PNG_BASE64);
  });

  it('marks an application made on a test terminal', () => {
    expect(applicationPayload(onlineSession(), TERMINAL, true)?.application.test).toBe(true);
  });

  it('leaves the checks of an offline session to the back office: no tokens, no payment id, the fee it showed', () => {
    const payload = valid(applicationPayload(offlineSession(), TERMINAL, false));
    expect(payload.online).toEqual({ phoneToken: null, identityToken: null });
    expect(payload.application.paymentId).toBeNull();
    expect(payload.application.feeTiyn).toBe(86_500);
  });

  it('names no payment for an exempt fee, even if the gateway answered with an id', () => {
    const exempt: SessionData = { ...onlineSession(), service: '18', payment: { paymentId: 'pay-exempt', amountTiyn: 0, status: 'not_required' } };
    const payload = valid(applicationPayload(exempt, TERMINAL, false));
    expect(payload.application.paymentId).toBeNull();
    expect(payload.application.feeTiyn).toBe(0);
  });

  it('keeps the gateway payment id of a payment made online whose status the kiosk lost with the link', () => {
    const lost: SessionData = { ...onlineSession(), payment: { paymentId: 'pay-7f3a', amountTiyn: 86_500, status: 'deferred' } };
    expect(valid(applicationPayload(lost, TERMINAL, false)).application.paymentId).toBe('pay-7f3a');
  });

  it.each(['photoJpeg', 'photoQuality', 'signaturePng', 'liveness', 'faceDescriptor', 'payment', 'application', 'phone'] as const)(
    'is null while the session lacks %s',
    (field) => {
      expect(applicationPayload({ ...onlineSession(), [field]: null }, TERMINAL, false)).toBeNull();
    },
  );
});
