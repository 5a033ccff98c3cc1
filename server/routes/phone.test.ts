import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, lastSmsCode, type TestApp } from '../test-support';
import type { SeedCitizen } from '../seed/citizens';

describe('phone confirmation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);
  afterAll(() => t.close(), 60_000);

  const post = (url: string, payload: object) => t.asTerminal({ method: 'POST', url: `/api/v1/phone/${url}`, payload });
  const start = async (citizen: SeedCitizen) => {
    const response = await post('start', { iin: citizen.person.iin, phone: citizen.phoneToType });
    expect(response.statusCode).toBe(200);
    return response.json() as { ok: boolean; verificationId: string; attemptsLeft: number; code?: string; lockedForS?: number };
  };
  const wrong = (code: string) => (code === '000000' ? '111111' : '000000');

  describe('start', () => {
    it('sends a 6-digit code in Kazakh and Russian to the БМГ number', async () => {
      const citizen = t.citizen('service-04');
      expect(await start(citizen)).toEqual({
        ok: true,
        verificationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        attemptsLeft: 3,
        resendInS: 60,
        expiresInS: 300,
      });
      const sms = await t.app.inject({ method: 'GET', url: `/api/v1/sandbox/sms?phone=${encodeURIComponent(citizen.phoneToType)}` });
      const [message] = (sms.json() as { messages: { phone: string; text: string; code: string }[] }).messages;
      expect(message?.phone).toBe(citizen.phoneToType);
      expect(message?.code).toMatch(/^\d{6}$/);
      expect(message?.text).toContain('ешкімге айтпаңыз');
      expect(message?.text).toContain('никому не сообщайте');
    });

    it('stores only a keyed hash of the code, never the code', async () => {
      const citizen = t.citizen('service-07');
      const { verificationId } = await start(citizen);
      const code = await lastSmsCode(t.app, citizen.phoneToType);
      const { rows } = await t.db.query<{ row: string }>('SELECT row_to_json(v)::text AS row FROM phone_verifications v WHERE id = $1', [
        verificationId,
      ]);
      expect(rows[0]?.row).toBeDefined();
      expect(rows[0]?.row).not.toContain(code);
      expect(rows[0]?.row).not.toContain(Buffer.from(code).toString('hex'));
    });

    it('refuses a number other than the БМГ holds with phone_mismatch', async () => {
      const response = await post('start', { iin: t.citizen('phone-mismatch').person.iin, phone: t.citizen('phone-mismatch').phoneToType });
      expect(response.json()).toEqual({ ok: false, code: 'phone_mismatch' });
    });

    it('refuses a person with no number in the БМГ with not_in_bmg', async () => {
      const citizen = t.citizen('not-in-bmg');
      const response = await post('start', { iin: citizen.person.iin, phone: citizen.phoneToType });
      expect(response.json()).toEqual({ ok: false, code: 'not_in_bmg' });
    });

    it('rejects an IIN with a wrong control digit with 400 invalid_iin', async () => {
      const iin = t.citizen('service-07').person.iin;
      const response = await post('start', { iin: iin.slice(0, 11) + String((Number(iin[11]) + 1) % 10), phone: '+77010000000' });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({ code: 'invalid_iin' });
    });

    it('rejects a phone that is not +77XXXXXXXXX with 400 invalid_request', async () => {
      const response = await post('start', { iin: t.citizen('service-07').person.iin, phone: '87011234567' });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'invalid_request' });
    });
  });

  describe('confirm', () => {
    it('gives a phone token for the right code, once', async () => {
      const citizen = t.citizen('service-09');
      const { verificationId } = await start(citizen);
      const code = await lastSmsCode(t.app, citizen.phoneToType);
      const response = await post('confirm', { verificationId, code });
      expect(response.json()).toEqual({ ok: true, phoneToken: expect.stringMatching(/^[\w-]{43}$/) });
      const again = await post('confirm', { verificationId, code });
      expect(again.statusCode).toBe(409);
      expect(again.json()).toEqual({ code: 'already_confirmed' });
    });

    it('counts wrong codes and locks the IIN for 30 minutes after the third', async () => {
      const citizen = t.citizen('service-13');
      const { verificationId } = await start(citizen);
      const code = await lastSmsCode(t.app, citizen.phoneToType);
      expect((await post('confirm', { verificationId, code: wrong(code) })).json()).toEqual({ ok: false, code: 'wrong_code', attemptsLeft: 2 });
      expect((await post('confirm', { verificationId, code: wrong(code) })).json()).toEqual({ ok: false, code: 'wrong_code', attemptsLeft: 1 });
      expect((await post('confirm', { verificationId, code: wrong(code) })).json()).toEqual({
        ok: false,
        code: 'locked',
        attemptsLeft: 0,
        lockedForS: 1800,
      });
      // Locked even for the right code, and for a new start.
      expect((await post('confirm', { verificationId, code })).json()).toMatchObject({ ok: false, code: 'locked' });
      t.advance(600);
      expect(await start(citizen)).toEqual({ ok: false, code: 'locked', lockedForS: 1200 });
      expect((await post('resend', { verificationId })).json()).toEqual({ ok: false, code: 'locked' });
      t.advance(1200);
      expect(await start(citizen)).toMatchObject({ ok: true, attemptsLeft: 3 });
    });

    it('does not give fresh attempts to one who starts over', async () => {
      const citizen = t.citizen('service-14');
      const first = await start(citizen);
      const code = await lastSmsCode(t.app, citizen.phoneToType);
      await post('confirm', { verificationId: first.verificationId, code: wrong(code) });
      const second = await start(citizen);
      expect(second.attemptsLeft).toBe(2);
    });

    it('refuses a code older than 5 minutes with expired', async () => {
      const citizen = t.citizen('service-16');
      const { verificationId } = await start(citizen);
      const code = await lastSmsCode(t.app, citizen.phoneToType);
      t.advance(300);
      expect((await post('confirm', { verificationId, code })).json()).toEqual({ ok: false, code: 'expired', attemptsLeft: 3 });
    });

    it('answers an unknown verification with 404 not_found', async () => {
      const unknown = await post('confirm', { verificationId: '00000000-0000-4000-8000-000000000000', code: '123456' });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json()).toEqual({ code: 'not_found' });
      const notAnId = await post('confirm', { verificationId: 'nope', code: '123456' });
      expect(notAnId.statusCode).toBe(404);
    });

    it('rejects a code that is not 6 digits with 400 invalid_request', async () => {
      const response = await post('confirm', { verificationId: '00000000-0000-4000-8000-000000000000', code: '12345' });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'invalid_request' });
    });
  });

  describe('resend', () => {
    it('waits 60 s, then sends a new code that replaces the old one', async () => {
      const citizen = t.citizen('service-17');
      const { verificationId } = await start(citizen);
      const oldCode = await lastSmsCode(t.app, citizen.phoneToType);
      t.advance(45);
      expect((await post('resend', { verificationId })).json()).toEqual({ ok: false, code: 'too_early', resendInS: 15 });
      t.advance(15);
      expect((await post('resend', { verificationId })).json()).toEqual({ ok: true, resendInS: 60, expiresInS: 300 });
      const newCode = await lastSmsCode(t.app, citizen.phoneToType);
      if (newCode !== oldCode) {
        expect((await post('confirm', { verificationId, code: oldCode })).json()).toMatchObject({ ok: false, code: 'wrong_code' });
      }
      expect((await post('confirm', { verificationId, code: newCode })).json()).toMatchObject({ ok: true });
    });

    it('revives an expired code: the new one lives 5 minutes from the resend', async () => {
      const citizen = t.citizen('service-18');
      const { verificationId } = await start(citizen);
      t.advance(400);
      expect((await post('resend', { verificationId })).json()).toMatchObject({ ok: true });
      t.advance(240);
      const code = await lastSmsCode(t.app, citizen.phoneToType);
      expect((await post('confirm', { verificationId, code })).json()).toMatchObject({ ok: true });
    });

    it('refuses after 15 minutes with expired: the citizen starts again', async () => {
      const citizen = t.citizen('service-04-passport');
      const { verificationId } = await start(citizen);
      t.advance(900);
      expect((await post('resend', { verificationId })).json()).toEqual({ ok: false, code: 'expired' });
    });

    it('refuses a confirmed verification with 409 and an unknown one with 404', async () => {
      const citizen = t.citizen('service-07-passport');
      const { verificationId } = await start(citizen);
      await post('confirm', { verificationId, code: await lastSmsCode(t.app, citizen.phoneToType) });
      t.advance(60);
      expect((await post('resend', { verificationId })).statusCode).toBe(409);
      expect((await post('resend', { verificationId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
    });
  });
});
