import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, lastSmsCode, type TestApp } from '../test-support';
import type { SeedCitizen } from '../seed/citizens';

describe('phone confirmation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);
  afterAll(() => t.close(), 60_000);
  // The next citizen comes to the terminal a minute later: its lookups are limited per minute (server/limits/rules.ts).
  afterEach(() => t.advance(60));

  const post = (url: string, payload: object) => t.asTerminal({ method: 'POST', url: `/api/v1/phone/${url}`, payload });
  const start = async (citizen: SeedCitizen) => {
    const response = await post('start', { iin: citizen.person.iin, phone: citizen.phoneToType });
    expect(response.statusCode).toBe(200);
    return response.json() as { ok: boolean; verificationId: string; attemptsLeft: number; code?: string; lockedForS?: number };
  };
  const wrong = (code: string) => (code === '000000' ? '111111' : '000000');
  /** A refusal by a limit: 429, its code, and Retry-After in seconds. */
  const limited = (response: { statusCode: number; headers: Record<string, unknown>; json: () => unknown }) => ({
    status: response.statusCode,
    body: response.json(),
    retryAfter: response.headers['retry-after'],
  });
  const tooMany = (code: string, retryAfterS: number) => ({ status: 429, body: { code }, retryAfter: String(retryAfterS) });
  const smsCount = async (phone: string) => {
    const sms = await t.app.inject({ method: 'GET', url: `/api/v1/sandbox/sms?phone=${encodeURIComponent(phone)}&limit=100` });
    return (sms.json() as { messages: unknown[] }).messages.length;
  };

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

    it('counts wrong codes and, after the third, refuses the IIN for 30 minutes with 429 too_many_wrong_codes', async () => {
      const citizen = t.citizen('service-13');
      const { verificationId } = await start(citizen);
      const code = await lastSmsCode(t.app, citizen.phoneToType);
      expect((await post('confirm', { verificationId, code: wrong(code) })).json()).toEqual({ ok: false, code: 'wrong_code', attemptsLeft: 2 });
      expect((await post('confirm', { verificationId, code: wrong(code) })).json()).toEqual({ ok: false, code: 'wrong_code', attemptsLeft: 1 });
      expect(limited(await post('confirm', { verificationId, code: wrong(code) }))).toEqual(tooMany('too_many_wrong_codes', 1800));
      // Refused even for the right code, for a new start and for a resend.
      expect(limited(await post('confirm', { verificationId, code }))).toEqual(tooMany('too_many_wrong_codes', 1800));
      t.advance(600);
      expect(limited(await post('start', { iin: citizen.person.iin, phone: citizen.phoneToType }))).toEqual(tooMany('too_many_wrong_codes', 1200));
      expect(limited(await post('resend', { verificationId }))).toEqual(tooMany('too_many_wrong_codes', 1200));
      t.advance(1200);
      expect(await start(citizen)).toMatchObject({ ok: true, attemptsLeft: 3 });
    });

    it('does not give fresh attempts to one who starts over', async () => {
      const citizen = t.citizen('service-14');
      const first = await start(citizen);
      const code = await lastSmsCode(t.app, citizen.phoneToType);
      await post('confirm', { verificationId: first.verificationId, code: wrong(code) });
      t.advance(60);
      const second = await start(citizen);
      expect(second.attemptsLeft).toBe(2);
    });

    it('counts the wrong codes of every verification of an IIN, however often the phone step is started', async () => {
      // The attack of issue 11: two wrong codes to the previous verification after each new start.
      const citizen = t.citizen('crowd-02');
      let previous = await start(citizen);
      const answers: number[] = [];
      for (let round = 0; round < 5; round++) {
        t.advance(61);
        const next = await post('start', { iin: citizen.person.iin, phone: citizen.phoneToType });
        answers.push(next.statusCode);
        for (let i = 0; i < 2; i++) answers.push((await post('confirm', { verificationId: previous.verificationId, code: '000000' })).statusCode);
        if (next.statusCode === 200) previous = next.json() as typeof previous;
      }
      // Two wrong codes, a new start, a third wrong code: 429, and then everything is, for 30 minutes.
      expect(answers.slice(0, 5)).toEqual([200, 200, 200, 200, 429]);
      expect(answers.slice(5)).toEqual(Array(10).fill(429));
      const right = await lastSmsCode(t.app, citizen.phoneToType);
      expect((await post('confirm', { verificationId: previous.verificationId, code: right })).statusCode).toBe(429);
    });

    it('after six wrong codes in a day refuses the IIN until the day since the first is over', async () => {
      const citizen = t.citizen('crowd-03');
      const guess = async () => {
        const { verificationId } = await start(citizen);
        const code = await lastSmsCode(t.app, citizen.phoneToType);
        for (let i = 0; i < 3; i++) await post('confirm', { verificationId, code: wrong(code) });
      };
      await guess();
      t.advance(1800);
      await guess();
      t.advance(1800);
      // An hour after the first wrong code, the day's six are spent: 23 hours to wait.
      expect(limited(await post('start', { iin: citizen.person.iin, phone: citizen.phoneToType }))).toEqual(
        tooMany('too_many_wrong_codes', 23 * 3600),
      );
      t.advance(23 * 3600);
      expect(await start(citizen)).toMatchObject({ ok: true, attemptsLeft: 3 });
    });

    it('a citizen who mistypes twice and asks for one new code meets no limit, today or on a second visit', async () => {
      const citizen = t.citizen('crowd-04');
      for (let visit = 0; visit < 2; visit++) {
        const { verificationId, attemptsLeft } = await start(citizen);
        expect(attemptsLeft).toBe(3);
        const first = await lastSmsCode(t.app, citizen.phoneToType);
        expect((await post('confirm', { verificationId, code: wrong(first) })).json()).toMatchObject({ code: 'wrong_code', attemptsLeft: 2 });
        t.advance(60);
        expect((await post('resend', { verificationId })).json()).toMatchObject({ ok: true });
        const second = await lastSmsCode(t.app, citizen.phoneToType);
        expect((await post('confirm', { verificationId, code: wrong(second) })).json()).toMatchObject({ code: 'wrong_code', attemptsLeft: 1 });
        expect((await post('confirm', { verificationId, code: second })).json()).toMatchObject({ ok: true });
        t.advance(3 * 3600);
      }
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
      expect(limited(await post('resend', { verificationId }))).toEqual(tooMany('resend_too_early', 15));
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

    it('sends no sooner than 60 s after the last code, whether asked by a resend or by starting again', async () => {
      const citizen = t.citizen('crowd-05');
      const { verificationId } = await start(citizen);
      t.advance(20);
      expect(limited(await post('start', { iin: citizen.person.iin, phone: citizen.phoneToType }))).toEqual(tooMany('resend_too_early', 40));
      expect(limited(await post('resend', { verificationId }))).toEqual(tooMany('resend_too_early', 40));
      expect(await smsCount(citizen.phoneToType)).toBe(1);
      t.advance(40);
      expect(await start(citizen)).toMatchObject({ ok: true });
    });

    it('sends at most 5 codes an hour to a phone, then 429 too_many_codes until the hour is over', async () => {
      const citizen = t.citizen('crowd-06');
      const { verificationId } = await start(citizen);
      for (let i = 0; i < 4; i++) {
        t.advance(60);
        expect((await post('resend', { verificationId })).statusCode).toBe(200);
      }
      t.advance(60);
      expect(limited(await post('resend', { verificationId }))).toEqual(tooMany('too_many_codes', 3600 - 300));
      expect(limited(await post('start', { iin: citizen.person.iin, phone: citizen.phoneToType }))).toEqual(tooMany('too_many_codes', 3600 - 300));
      expect(await smsCount(citizen.phoneToType)).toBe(5);
      t.advance(3600 - 300);
      expect(await start(citizen)).toMatchObject({ ok: true });
    });

    it('sends at most 10 codes a day for an IIN', async () => {
      const citizen = t.citizen('crowd-07');
      const sendFive = async () => {
        const { verificationId } = await start(citizen);
        for (let i = 0; i < 4; i++) {
          t.advance(60);
          await post('resend', { verificationId });
        }
      };
      await sendFive();
      t.advance(3600);
      await sendFive();
      t.advance(3600);
      const elapsed = 2 * 3600 + 8 * 60;
      expect(limited(await post('start', { iin: citizen.person.iin, phone: citizen.phoneToType }))).toEqual(
        tooMany('too_many_codes', 24 * 3600 - elapsed),
      );
      expect(await smsCount(citizen.phoneToType)).toBe(10);
    });

    it('sends one SMS for a burst of parallel starts and resends', async () => {
      const citizen = t.citizen('crowd-08');
      const { verificationId } = await start(citizen);
      t.advance(60);
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          i % 2 === 0 ? post('start', { iin: citizen.person.iin, phone: citizen.phoneToType }) : post('resend', { verificationId }),
        ),
      );
      expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(1);
      expect(answers.filter((a) => a.statusCode === 429).map((a) => (a.json() as { code: string }).code)).toEqual(Array(19).fill('resend_too_early'));
      expect(await smsCount(citizen.phoneToType)).toBe(2);
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
