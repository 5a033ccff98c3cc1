import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { litColourEvidence } from '../../src/biometrics/colour-fixture';
import { SCREEN_COLOUR_NAMES } from '../../src/biometrics/colour-palette';
import { FACE_MATCH_THRESHOLD } from '../../src/biometrics/face-match';
import { confirmPhone, createTestApp, PASSED_LIVENESS, sameFace, syntheticDescriptor, type TestApp } from '../test-support';

describe('POST /api/v1/identify', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);
  afterAll(() => t.close(), 60_000);
  // The next citizen comes to the terminal a minute later: its lookups are limited per minute (server/limits/rules.ts).
  afterEach(() => t.advance(60));

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

  it('refuses liveness without the colour challenge, or with one its own measurements do not pass, with 422 liveness_failed', async () => {
    const phoneToken = await confirmPhone(t, t.citizen('service-14'));
    const { colour, ...withoutColour } = liveness;
    expect((await identify({ phoneToken, descriptor: sameFace('f05'), liveness: withoutColour })).json()).toEqual({ code: 'liveness_failed' });
    // Marked passed, but the face's colours did not move with the screen's: judged again, refused.
    const still = colour!.steps.map((s) => ({ ...s, face: colour!.steps[0]!.face }));
    const forged = { ...liveness, colour: { ...colour!, steps: still } };
    const response = await identify({ phoneToken, descriptor: sameFace('f05'), liveness: forged });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toEqual({ code: 'liveness_failed' });
    // Neither refusal spent one of the citizen's tries.
    expect((await identify({ phoneToken, descriptor: sameFace('f05'), liveness })).json()).toMatchObject({ matched: false, attemptsLeft: 2 });
  });

  describe('the colour challenge the back office chooses', () => {
    const challenge = (payload: object) => t.asTerminal({ method: 'POST', url: '/api/v1/identify/colour', payload });
    const withColour = (colour: ReturnType<typeof litColourEvidence>) => ({ ...liveness, colour });

    it('is chosen for a confirmed phone only: five colours of 300 ms, or four of 400 with reduced motion', async () => {
      expect((await challenge({ phoneToken: 'made-up', calm: false })).json()).toEqual({ code: 'unverified_phone' });
      const phoneToken = await confirmPhone(t, t.citizen('service-14'));
      const normal = (await challenge({ phoneToken, calm: false })).json();
      expect(normal).toMatchObject({ nonce: expect.stringMatching(/^[\w-]{43}$/), stepMs: 300 });
      expect(normal.sequence).toHaveLength(5);
      for (const name of normal.sequence) expect(SCREEN_COLOUR_NAMES).toContain(name);
      const calm = (await challenge({ phoneToken, calm: true })).json();
      expect(calm.sequence).toHaveLength(4);
      expect(calm.stepMs).toBe(400);
    });

    it('must be answered with its nonce and its colours, once', async () => {
      const citizen = t.citizen('service-04');
      const phoneToken = await confirmPhone(t, citizen);
      const issued = (await challenge({ phoneToken, calm: false })).json();
      const answered = withColour(litColourEvidence(issued.sequence, issued.stepMs, issued.nonce));
      // Other colours than the ones chosen (a recording of another session) are refused, and spend the challenge.
      const otherColours = withColour(litColourEvidence([...issued.sequence].reverse(), issued.stepMs, issued.nonce));
      expect((await identify({ phoneToken, descriptor: sameFace(citizen.faceId!), liveness: otherColours })).statusCode).toBe(422);
      expect((await identify({ phoneToken, descriptor: sameFace(citizen.faceId!), liveness: answered })).json()).toEqual({ code: 'liveness_failed' });

      const again = (await challenge({ phoneToken, calm: false })).json();
      const fresh = withColour(litColourEvidence(again.sequence, again.stepMs, again.nonce));
      const freshAnswer = await identify({ phoneToken, descriptor: sameFace(citizen.faceId!), liveness: fresh });
      expect(freshAnswer.json(), JSON.stringify(again)).toMatchObject({ matched: true });
      // Its nonce is spent: the same answer again is refused.
      expect((await identify({ phoneToken, descriptor: sameFace(citizen.faceId!), liveness: fresh })).json()).toEqual({ code: 'liveness_failed' });
      // A nonce never issued is refused; a kiosk's own colours (it could not ask) are judged on their measurements.
      const made = withColour(litColourEvidence(again.sequence, again.stepMs, 'x'.repeat(43)));
      expect((await identify({ phoneToken, descriptor: sameFace(citizen.faceId!), liveness: made })).statusCode).toBe(422);
      const kiosks = withColour(litColourEvidence(again.sequence, again.stepMs, null));
      expect((await identify({ phoneToken, descriptor: sameFace(citizen.faceId!), liveness: kiosks })).json()).toMatchObject({ matched: true });
    });
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
