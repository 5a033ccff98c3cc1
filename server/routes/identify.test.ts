import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACE_MATCH_THRESHOLD } from '../../src/biometrics/face-match';
import { confirmPhone, createTestApp, PASSED_LIVENESS, sameFace, syntheticDescriptor, type TestApp } from '../test-support';

describe('POST /api/v1/identify', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);
  afterAll(() => t.close(), 60_000);

  const liveness = PASSED_LIVENESS;
  const identify = (payload: object) => t.asTerminal({ method: 'POST', url: '/api/v1/identify', payload });

  it('matches the registry photo and gives an identity token', async () => {
    const citizen = t.citizen('service-04');
    const phoneToken = await confirmPhone(t, citizen);
    const response = await identify({ phoneToken, descriptor: sameFace(citizen.faceId!), liveness });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ matched: true, identityToken: expect.stringMatching(/^[\w-]{43}$/) });
  });

  it('never returns the reference descriptor', async () => {
    const citizen = t.citizen('service-07');
    const phoneToken = await confirmPhone(t, citizen);
    const reference = syntheticDescriptor(citizen.faceId!);
    const response = await identify({ phoneToken, descriptor: syntheticDescriptor('f05'), liveness });
    expect(response.body).not.toContain(String(reference[1]));
    expect(Object.keys(response.json() as object).sort()).toEqual(['attemptsLeft', 'code', 'matched']);
  });

  it('refuses another face three times, then too_many_attempts even for the right face', async () => {
    const phoneToken = await confirmPhone(t, t.citizen('service-09'));
    const stranger = syntheticDescriptor('f10');
    expect((await identify({ phoneToken, descriptor: stranger, liveness })).json()).toEqual({ matched: false, code: 'face_mismatch', attemptsLeft: 2 });
    expect((await identify({ phoneToken, descriptor: stranger, liveness })).json()).toEqual({ matched: false, code: 'face_mismatch', attemptsLeft: 1 });
    expect((await identify({ phoneToken, descriptor: stranger, liveness })).json()).toEqual({ matched: false, code: 'face_mismatch', attemptsLeft: 0 });
    expect((await identify({ phoneToken, descriptor: sameFace('f03'), liveness })).json()).toEqual({
      matched: false,
      code: 'too_many_attempts',
      attemptsLeft: 0,
    });
  });

  it('decides at the threshold: just inside matches, just outside does not', async () => {
    const citizen = t.citizen('service-13');
    const phoneToken = await confirmPhone(t, citizen);
    const reference = syntheticDescriptor(citizen.faceId!);
    const shifted = (distance: number) => reference.map((v, i) => (i === 0 ? v + distance : v));
    expect((await identify({ phoneToken, descriptor: shifted(FACE_MATCH_THRESHOLD + 0.001), liveness })).json()).toMatchObject({ matched: false });
    expect((await identify({ phoneToken, descriptor: shifted(FACE_MATCH_THRESHOLD - 0.001), liveness })).json()).toMatchObject({ matched: true });
  });

  it('says no_reference, without spending an attempt, when the registry has no photo', async () => {
    const phoneToken = await confirmPhone(t, t.citizen('no-reference-photo'));
    const response = await identify({ phoneToken, descriptor: sameFace('f01'), liveness });
    expect(response.json()).toEqual({ matched: false, code: 'no_reference', attemptsLeft: 3 });
  });

  it('refuses an unknown or unconfirmed phone token with 403 unverified_phone', async () => {
    const response = await identify({ phoneToken: 'made-up', descriptor: sameFace('f01'), liveness });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({ code: 'unverified_phone' });
  });

  it('refuses a failed liveness check with 422 liveness_failed', async () => {
    const phoneToken = await confirmPhone(t, t.citizen('service-14'));
    const response = await identify({ phoneToken, descriptor: sameFace('f05'), liveness: { ...liveness, status: 'failed', reason: 'planar_motion' } });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toEqual({ code: 'liveness_failed' });
  });

  it('rejects liveness evidence that is not the agreed shape with 400 invalid_request', async () => {
    const phoneToken = await confirmPhone(t, t.citizen('service-14'));
    const { challenges: _dropped, ...withoutChallenges } = liveness;
    const response = await identify({ phoneToken, descriptor: sameFace('f05'), liveness: withoutChallenges });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'invalid_request' });
  });

  it('rejects a descriptor that is not 128 numbers with 400 invalid_request', async () => {
    const response = await identify({ phoneToken: 'x', descriptor: [0.1, 0.2], liveness });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'invalid_request' });
  });
});
