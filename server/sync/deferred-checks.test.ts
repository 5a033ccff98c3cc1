import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feeFor } from '../../src/domain/fees';
import type { ApplicationPayload } from '../../src/protocol/packets';
import { NOT_FOUND_IIN, type SeedCitizen } from '../seed/citizens';
import { insertApplication } from '../repositories/applications';
import { deferredContext } from './settle-application';
import {
  confirmPhone,
  createTestApp,
  faceAtDistance,
  identifyCitizen,
  offlineApplication,
  PASSED_LIVENESS,
  syntheticDescriptor,
  TEST_START,
  type TestApp,
} from '../test-support';
import {
  applicationStatusAfter,
  DEFERRED_CHECKS,
  notifyCitizen,
  referencePaymentOutcome,
  runDeferredChecks,
  type CheckOutcome,
  type DeferredCheck,
  type DeferredContext,
} from './deferred-checks';
import { citizenMessage } from './deferred-messages';
import { enterMrpForTest } from '../repositories/reference-data';

type Application = ApplicationPayload['application'];

describe('deferred checks on the sandbox state systems', () => {
  let t: TestApp;
  let ctx: DeferredContext;
  beforeAll(async () => {
    t = await createTestApp();
    // The same context the packet intake gives the checks.
    ctx = deferredContext(t.app);
  }, 60_000);
  afterAll(() => t.close(), 60_000);

  /** The packet an offline kiosk seals for this citizen's example service, all of it in order. */
  const offlinePayload = (citizen: SeedCitizen, change: Partial<Application> = {}): ApplicationPayload =>
    offlineApplication(t, citizen, { lang: 'ru', createdAt: TEST_START.toISOString(), ...change });

  const outcomeOf = async (check: DeferredCheck, payload: ApplicationPayload, context = ctx): Promise<CheckOutcome> => {
    const outcomes = await runDeferredChecks(payload, context);
    expect(outcomes.map((o) => o.check)).toEqual(DEFERRED_CHECKS);
    const found = outcomes.find((o) => o.check === check);
    if (!found) throw new Error(`no ${check} outcome`);
    return found;
  };

  it('accepts an offline application whose every check passes', async () => {
    const outcomes = await runDeferredChecks(offlinePayload(t.citizen('service-18')), ctx);
    expect(outcomes.every((o) => o.outcome === 'passed')).toBe(true);
    expect(applicationStatusAfter(outcomes)).toBe('accepted');
  });

  describe('registry', () => {
    it('refuses by the registry: deceased, unknown IIN, not eligible for the service', async () => {
      expect(await outcomeOf('registry', offlinePayload(t.citizen('refusal-deceased')))).toEqual({ check: 'registry', outcome: 'failed', code: 'deceased' });
      expect(await outcomeOf('registry', offlinePayload(t.citizen('refusal-has_passport')))).toMatchObject({ outcome: 'failed', code: 'has_passport' });
      const unknown = offlinePayload(t.citizen('service-07'), { iin: NOT_FOUND_IIN });
      const outcomes = await runDeferredChecks(unknown, ctx);
      expect(outcomes.find((o) => o.check === 'registry')).toMatchObject({ outcome: 'failed', code: 'not_found' });
      expect(applicationStatusAfter(outcomes)).toBe('rejected');
    });

    it('judges eligibility on the day of the kiosk, in Kazakhstan time', async () => {
      // The ID card expires on 7 March; replacement on expiry opens ten days before, on 25 February.
      const citizen = t.citizen('service-18');
      expect(citizen.person.documents[0]?.expiresOn).toBe('2026-03-07');
      const at = (createdAt: string) => outcomeOf('registry', offlinePayload(citizen, { createdAt }));
      // 20:00 UTC on the 24th is 01:00 on the 25th in Astana.
      expect(await at('2026-02-24T20:00:00Z')).toMatchObject({ outcome: 'passed' });
      expect(await at('2026-02-24T18:00:00Z')).toMatchObject({ outcome: 'failed', code: 'document_not_expired' });
    });

    it('does not count the application against itself, but another open one refuses it', async () => {
      const citizen = t.citizen('service-07');
      const payload = offlinePayload(citizen);
      await storeApplication(payload);
      expect(await outcomeOf('registry', payload)).toMatchObject({ outcome: 'passed' });
      expect(await outcomeOf('registry', offlinePayload(citizen))).toMatchObject({ outcome: 'failed', code: 'application_in_progress' });
    });
  });

  describe('phone', () => {
    it('passes when the number is the one the БМГ holds, and names the mismatch otherwise', async () => {
      expect(await outcomeOf('phone', offlinePayload(t.citizen('service-07')))).toEqual({ check: 'phone', outcome: 'passed', code: null });
      expect(await outcomeOf('phone', offlinePayload(t.citizen('phone-mismatch')))).toMatchObject({ outcome: 'failed', code: 'phone_mismatch' });
      expect(await outcomeOf('phone', offlinePayload(t.citizen('not-in-bmg')))).toMatchObject({ outcome: 'failed', code: 'not_in_bmg' });
    });

    it('honours an online phone token without asking the БМГ, and refuses one of another person', async () => {
      const citizen = t.citizen('service-16');
      const { phoneToken } = await identifyCitizen(t, citizen);
      const unreachableBmg = { ...ctx, bmg: { phoneFor: () => Promise.reject(new Error('the БМГ must not be asked')) } };
      const payload = offlinePayload(citizen);
      expect(await outcomeOf('phone', { ...payload, online: { phoneToken, identityToken: null } }, unreachableBmg)).toMatchObject({
        outcome: 'passed',
        detail: 'online_token',
      });
      const other = offlinePayload(t.citizen('service-14'));
      expect(await outcomeOf('phone', { ...other, online: { phoneToken, identityToken: null } })).toMatchObject({ outcome: 'failed', code: 'unverified_phone' });
    });
  });

  describe('face match', () => {
    it('matches the live descriptor against the registry photo', async () => {
      const citizen = t.citizen('service-07');
      const matched = await outcomeOf('face_match', offlinePayload(citizen));
      expect(matched).toMatchObject({ check: 'face_match', outcome: 'passed', code: null });
      expect(matched.distance).toBeCloseTo(0.113, 3);
      const stranger = { ...offlinePayload(citizen), face: { descriptor: syntheticDescriptor('f12'), liveness: PASSED_LIVENESS } };
      expect(citizen.faceId).not.toBe('f12');
      expect(await outcomeOf('face_match', stranger)).toMatchObject({ outcome: 'failed', code: 'face_mismatch' });
    });

    it('leaves a face in the band around the threshold to a person, with its distance', async () => {
      const citizen = t.citizen('service-07');
      const at = (distance: number) => ({ ...offlinePayload(citizen), face: { descriptor: faceAtDistance(citizen.faceId!, distance), liveness: PASSED_LIVENESS } });
      expect(await outcomeOf('face_match', at(0.39))).toMatchObject({ outcome: 'passed' });
      const grey = await outcomeOf('face_match', at(0.46));
      expect(grey).toMatchObject({ outcome: 'review', code: 'face_grey_zone' });
      expect(grey.distance).toBeCloseTo(0.46, 6);
      expect(await outcomeOf('face_match', at(0.41))).toMatchObject({ outcome: 'review', code: 'face_grey_zone' });
      expect(await outcomeOf('face_match', at(0.5))).toMatchObject({ outcome: 'failed', code: 'face_mismatch' });
    });

    it('leaves a liveness sequence that passed narrowly to a person, naming what was narrow', async () => {
      const payload = offlinePayload(t.citizen('service-07'));
      const narrow = { ...PASSED_LIVENESS, passive: { ...PASSED_LIVENESS.passive, repeatedFrames: 2, maxFaces: 2 } };
      expect(await outcomeOf('face_match', { ...payload, face: { ...payload.face, liveness: narrow } })).toMatchObject({
        outcome: 'review',
        code: 'liveness_flagged',
        detail: 'repeated_frames second_face',
      });
    });

    it('judges the colour challenge the kiosk chose offline again: refused when its measurements do not pass, left to a person when a kiosk from before it sealed none', async () => {
      const payload = offlinePayload(t.citizen('service-07'));
      const colour = PASSED_LIVENESS.colour!;
      // Marked passed, but every step's face the same colour: the screen's light did nothing to it.
      const unmoved = { ...colour, steps: colour.steps.map((s) => ({ ...s, face: colour.steps[0]!.face })) };
      const forged = { ...payload, face: { ...payload.face, liveness: { ...PASSED_LIVENESS, colour: unmoved } } };
      expect(await outcomeOf('face_match', forged)).toMatchObject({ outcome: 'failed', code: 'liveness_failed' });
      const { colour: _none, ...older } = PASSED_LIVENESS;
      expect(await outcomeOf('face_match', { ...payload, face: { ...payload.face, liveness: older } })).toMatchObject({
        outcome: 'review',
        code: 'liveness_flagged',
        detail: 'colour_unchecked',
      });
    });

    it('refuses a face that did not pass liveness, and a person with no photo on record', async () => {
      const payload = offlinePayload(t.citizen('service-07'));
      const notLive = { ...payload, face: { ...payload.face, liveness: { ...PASSED_LIVENESS, status: 'failed' as const, reason: 'planar_motion' as const } } };
      expect(await outcomeOf('face_match', notLive)).toMatchObject({ outcome: 'failed', code: 'liveness_failed' });
      expect(await outcomeOf('face_match', offlinePayload(t.citizen('no-reference-photo')))).toMatchObject({ outcome: 'failed', code: 'no_reference' });
    });

    it('honours an online identity token, and refuses one of another person', async () => {
      const citizen = t.citizen('service-14');
      const { identityToken } = await identifyCitizen(t, citizen);
      const payload = offlinePayload(citizen);
      const stranger = { ...payload, face: { ...payload.face, descriptor: syntheticDescriptor('f12') } };
      expect(await outcomeOf('face_match', { ...stranger, online: { phoneToken: null, identityToken } })).toMatchObject({
        outcome: 'passed',
        detail: 'online_token',
      });
      const other = offlinePayload(t.citizen('service-07'));
      expect(await outcomeOf('face_match', { ...other, online: { phoneToken: null, identityToken } })).toMatchObject({ outcome: 'failed', code: 'unverified_identity' });
    });

    it('sends a face the identify route matched near its threshold to a person after all', async () => {
      const citizen = t.citizen('service-14');
      const phoneToken = await confirmPhone(t, citizen);
      const identify = await t.asTerminal({
        method: 'POST',
        url: '/api/v1/identify',
        payload: { phoneToken, descriptor: faceAtDistance(citizen.faceId!, 0.43), liveness: PASSED_LIVENESS },
      });
      // The citizen at the kiosk goes on: below the threshold is a match.
      const { identityToken } = identify.json() as { identityToken: string };
      expect(identityToken).toEqual(expect.any(String));
      const outcome = await outcomeOf('face_match', { ...offlinePayload(citizen), online: { phoneToken: null, identityToken } });
      expect(outcome).toMatchObject({ outcome: 'review', code: 'face_grey_zone', detail: 'online_token' });
      expect(outcome.distance).toBeCloseTo(0.43, 6);
    });
  });

  describe('payment', () => {
    it('needs none for an exempt fee, and leaves a kiosk\'s fee other than the tariff of the day to a person', async () => {
      expect(await outcomeOf('payment', offlinePayload(t.citizen('service-18')))).toMatchObject({ outcome: 'passed', detail: 'exempt' });
      const citizen = t.citizen('service-09-lost-repeatedly');
      const ordinaryFee = feeFor({ service: '09', document: 'id_card', on: '2026-03-02', lostIdCardsThisYear: 0 }).amountTiyn;
      expect(await outcomeOf('payment', offlinePayload(citizen, { feeTiyn: ordinaryFee }))).toMatchObject({ outcome: 'review', code: 'fee_mismatch' });
      expect(await outcomeOf('payment', offlinePayload(t.citizen('service-18'), { feeTiyn: 86_500 }))).toMatchObject({
        outcome: 'review',
        code: 'fee_mismatch',
        detail: 'tariff 0 tiyn, kiosk 86500 tiyn',
      });
    });

    it('follows a payment the kiosk created online: paid, still pending, declined', async () => {
      const citizen = t.citizen('service-13');
      const { identityToken } = await identifyCitizen(t, citizen);
      const withPayment = async () => {
        const payload = offlinePayload(citizen);
        const response = await t.asTerminal({
          method: 'POST',
          url: '/api/v1/payments',
          payload: { applicationId: payload.application.id, identityToken, service: '13', document: 'passport' },
        });
        const { paymentId } = response.json() as { paymentId: string };
        return { ...payload, application: { ...payload.application, paymentId } };
      };
      const sandbox = t.app.sandbox!.payments;

      const paid = await withPayment();
      await sandbox.settle(paid.application.paymentId!, 'paid');
      expect(await outcomeOf('payment', paid)).toMatchObject({ outcome: 'passed', detail: 'payment_id' });

      const pending = await withPayment();
      const outcomes = await runDeferredChecks(pending, ctx);
      expect(outcomes.find((o) => o.check === 'payment')).toMatchObject({ outcome: 'pending', code: 'payment_awaited' });
      expect(applicationStatusAfter(outcomes)).toBe('pending_checks');

      const declined = await withPayment();
      await sandbox.settle(declined.application.paymentId!, 'declined');
      expect(await outcomeOf('payment', declined)).toMatchObject({ outcome: 'failed', code: 'payment_declined' });

      const elsewhere = offlinePayload(citizen, { paymentId: paid.application.paymentId });
      expect(await outcomeOf('payment', elsewhere)).toMatchObject({ outcome: 'failed', code: 'payment_missing' });
    });

    it('reconciles a QR the offline kiosk made by its reference, the application number', async () => {
      const citizen = t.citizen('service-16');
      const gateway = t.app.sandbox!.payments;
      const received = async (payload: ApplicationPayload, outcome: 'paid' | 'declined') => {
        const orderId = randomUUID();
        const { number, feeTiyn } = payload.application;
        await gateway.createInvoice({ orderId, reference: number, amountTiyn: feeTiyn, expiresAt: new Date(TEST_START.getTime() + 3600_000) });
        await gateway.settle(orderId, outcome);
      };

      const notYet = offlinePayload(citizen);
      expect(await outcomeOf('payment', notYet)).toMatchObject({ outcome: 'pending', code: 'payment_awaited', detail: 'reference' });
      await received(notYet, 'paid');
      expect(await outcomeOf('payment', notYet)).toMatchObject({ outcome: 'passed', detail: 'reference' });

      const declined = offlinePayload(citizen);
      await received(declined, 'declined');
      expect(await outcomeOf('payment', declined)).toMatchObject({ outcome: 'failed', code: 'payment_declined' });
    });

    // 4 January 2027, 09:00 in Astana: no MRP for 2027 in this build nor, at first, in the back office.
    const JANUARY_2027 = '2027-01-04T04:00:00Z';

    it("keeps a fee deferred for want of the year's MRP waiting, then asks for it by SMS once the MRP is entered", async () => {
      const citizen = t.citizen('service-16');
      expect(citizen.example.document).toBe('passport');
      // The kiosk knew no 2027 MRP either: it sent 0 and no payment (Payment.svelte, fee_deferred).
      const deferred = offlinePayload(citizen, { createdAt: JANUARY_2027, feeTiyn: 0 });
      const waiting = await runDeferredChecks(deferred, ctx);
      expect(waiting.find((o) => o.check === 'payment')).toEqual({ check: 'payment', outcome: 'pending', code: 'fee_unknown', detail: 'no MRP entered for 2027' });
      expect(applicationStatusAfter(waiting)).toBe('pending_checks');
      expect(citizenMessage(waiting, 'ru', deferred.application.number)).toContain('пришлём SMS');

      // Entered as a new version of the reference data, as an admin does: the same check now names the amount.
      await enterMrpForTest(t.db, t.app.backOfficeKeys, t.app.clock(), 2027, 4500);
      try {
        const due = await outcomeOf('payment', deferred);
        expect(due).toMatchObject({ outcome: 'pending', code: 'fee_due', amountTiyn: 8 * 4500 * 100 });
        expect(citizenMessage([due], 'ru', deferred.application.number)).toContain(`36\u00a0000\u00a0₸`);
        expect(citizenMessage([due], 'kk', deferred.application.number)).toContain(deferred.application.number);

        // Paid by the application number, as the SMS says: accepted.
        const orderId = randomUUID();
        const gateway = t.app.sandbox!.payments;
        await gateway.createInvoice({ orderId, reference: deferred.application.number, amountTiyn: 3_600_000, expiresAt: new Date('2027-01-05T00:00:00Z') });
        await gateway.settle(orderId, 'paid');
        expect(await outcomeOf('payment', deferred)).toMatchObject({ outcome: 'passed', detail: 'reference' });

        // A kiosk that knew the figure sent it: judged against the back office's as any fee.
        expect(await outcomeOf('payment', offlinePayload(citizen, { createdAt: JANUARY_2027, feeTiyn: 3_600_000 }))).toMatchObject({ code: 'payment_awaited' });
        expect(await outcomeOf('payment', offlinePayload(citizen, { createdAt: JANUARY_2027, feeTiyn: 3_460_000 }))).toMatchObject({ code: 'fee_mismatch' });
      } finally {
        // Versions are never removed: a later one without the year takes it back, as an admin's correction would.
        await enterMrpForTest(t.db, t.app.backOfficeKeys, t.app.clock(), 2027, null);
      }
    });

    it('waits for the MRP whatever the kiosk sent, and never defers an exempt fee', async () => {
      const knewIt = offlinePayload(t.citizen('service-16'), { createdAt: JANUARY_2027, feeTiyn: 3_600_000 });
      expect(await outcomeOf('payment', knewIt)).toMatchObject({ outcome: 'pending', code: 'fee_unknown' });
      const exempt = offlinePayload(t.citizen('service-18'), { createdAt: JANUARY_2027, feeTiyn: 0 });
      expect(await outcomeOf('payment', exempt)).toMatchObject({ outcome: 'passed', detail: 'exempt' });
    });
  });

  describe('telling the citizen', () => {
    const sent = async (phone: string) => (await t.app.sandbox!.sms.latest(phone, 1))[0]?.text;

    it('sends the outcome to the number typed once the phone check passed', async () => {
      const payload = offlinePayload(t.citizen('refusal-document_lost'), { lang: 'kk' });
      const outcomes = await runDeferredChecks(payload, ctx);
      const text = await notifyCitizen(payload, outcomes, { bmg: t.app.bmg, sms: t.app.sms });
      expect(text).toBe(citizenMessage(outcomes, 'kk', payload.application.number));
      expect(await sent(payload.application.phone)).toBe(text);
      expect(text).toContain('қабылданбады');
    });

    it('sends it to the БМГ number when the typed one is not the applicant’s, and to nobody without one', async () => {
      const mismatch = t.citizen('phone-mismatch');
      const payload = offlinePayload(mismatch);
      const text = await notifyCitizen(payload, await runDeferredChecks(payload, ctx), { bmg: t.app.bmg, sms: t.app.sms });
      expect(await sent(mismatch.bmgPhone!)).toBe(text);
      expect(await sent(mismatch.phoneToType)).toBeUndefined();

      const absent = offlinePayload(t.citizen('not-in-bmg'));
      expect(await notifyCitizen(absent, await runDeferredChecks(absent, ctx), { bmg: t.app.bmg, sms: t.app.sms })).toBeNull();
      expect(await sent(absent.application.phone)).toBeUndefined();
    });
  });

  async function storeApplication(payload: ApplicationPayload): Promise<void> {
    const a = payload.application;
    await insertApplication(t.db, {
      ...a,
      liveness: payload.face.liveness,
      photoQuality: payload.photo.quality,
      receivedAt: t.now(),
      readyBy: '2026-03-23',
      bodyHash: 'test',
      photoJpegBase64: '',
      signaturePngBase64: '',
    }, 'accepted');
  }
});

describe('status after the checks', () => {
  const outcomes = (...states: CheckOutcome['outcome'][]): CheckOutcome[] =>
    states.map((outcome, i) => ({ check: DEFERRED_CHECKS[i]!, outcome, code: outcome === 'failed' ? 'x' : null }));

  it('is accepted when all passed, waiting when one is pending, rejected when any failed', () => {
    expect(applicationStatusAfter(outcomes('passed', 'passed', 'passed', 'passed'))).toBe('accepted');
    expect(applicationStatusAfter(outcomes('passed', 'passed', 'passed', 'pending'))).toBe('pending_checks');
    expect(applicationStatusAfter(outcomes('passed', 'failed', 'passed', 'pending'))).toBe('rejected');
    expect(applicationStatusAfter(outcomes('failed', 'passed', 'passed', 'passed'))).toBe('rejected');
  });

  it('goes to a person only when nothing refuses it and nothing is awaited', () => {
    expect(applicationStatusAfter(outcomes('passed', 'passed', 'review', 'passed'))).toBe('in_review');
    expect(applicationStatusAfter(outcomes('passed', 'passed', 'review', 'review'))).toBe('in_review');
    expect(applicationStatusAfter(outcomes('passed', 'failed', 'review', 'passed'))).toBe('rejected');
    expect(applicationStatusAfter(outcomes('passed', 'passed', 'review', 'pending'))).toBe('pending_checks');
  });
});

describe('a payment by reference', () => {
  const paid = (amountTiyn: number) => ({ status: 'paid' as const, amountTiyn });

  it('passes on one payment of the full fee, even after a declined try', () => {
    expect(referencePaymentOutcome([{ status: 'declined', amountTiyn: 86_500 }, paid(86_500)], 86_500)).toMatchObject({ outcome: 'passed' });
  });

  it('refuses money of another amount, waits while nothing or something pending came, refuses what expired', () => {
    expect(referencePaymentOutcome([paid(500)], 865)).toMatchObject({ outcome: 'review', code: 'payment_mismatch', detail: 'reference: paid 500 tiyn, tariff 865 tiyn' });
    expect(referencePaymentOutcome([], 865)).toMatchObject({ outcome: 'pending', code: 'payment_awaited' });
    expect(referencePaymentOutcome([{ status: 'declined', amountTiyn: 86_500 }, { status: 'pending', amountTiyn: 86_500 }], 86_500)).toMatchObject({ outcome: 'pending' });
    expect(referencePaymentOutcome([{ status: 'expired', amountTiyn: 86_500 }], 86_500)).toMatchObject({ outcome: 'failed', code: 'payment_expired' });
  });
});

describe('the SMS to the citizen', () => {
  const of = (check: DeferredCheck, outcome: CheckOutcome['outcome'], code: string | null = null): CheckOutcome => ({ check, outcome, code });
  const allPassed = DEFERRED_CHECKS.map((check) => of(check, 'passed'));
  const number = 'AB12-CD34-EF56';

  it('says accepted, awaiting payment or refused, with the number, in Russian or Kazakh', () => {
    expect(citizenMessage(allPassed, 'ru', number)).toBe('Заявление AB12-CD34-EF56 принято. Статус — по QR-коду на расписке.');
    expect(citizenMessage(allPassed, 'kk', number)).toBe('AB12-CD34-EF56 өтініші қабылданды. Күйі — қолхаттағы QR-код бойынша.');
    const unpaid = [...allPassed.slice(0, 3), of('payment', 'pending', 'payment_awaited')];
    expect(citizenMessage(unpaid, 'ru', number)).toContain('ждёт оплаты госпошлины');
    expect(citizenMessage(unpaid, 'kk', number)).toContain('баж төлемін күтуде');
  });

  it('says a person is looking at it, and words a reviewer\'s refusal', () => {
    const review = [...allPassed.slice(0, 2), of('face_match', 'review', 'face_grey_zone'), of('payment', 'passed')];
    expect(citizenMessage(review, 'ru', number)).toBe(
      'Заявление AB12-CD34-EF56 получено и проверяется сотрудником. О решении сообщим SMS, обычно в течение рабочего дня.',
    );
    expect(citizenMessage(review, 'kk', number)).toContain('қызметкер тексеріп жатыр');
    const refused = [...allPassed.slice(0, 2), of('face_match', 'failed', 'face_not_applicant'), of('payment', 'passed')];
    expect(citizenMessage(refused, 'ru', number)).toBe(
      'Заявление AB12-CD34-EF56 отклонено: по фото не подтверждено, что заявление подали вы. Обратитесь в ЦОН.',
    );
  });

  it('names the first failed check, by its code where one is known', () => {
    const refused = [of('registry', 'passed'), of('phone', 'failed', 'phone_mismatch'), of('face_match', 'failed', 'face_mismatch'), of('payment', 'pending')];
    expect(citizenMessage(refused, 'ru', number)).toBe(
      'Заявление AB12-CD34-EF56 отклонено: номер телефона не совпадает с номером в базе мобильных граждан. Обратитесь в ЦОН.',
    );
    const byCheck = [of('registry', 'failed', 'document_not_expired'), ...allPassed.slice(1)];
    expect(citizenMessage(byCheck, 'kk', number)).toBe(
      'AB12-CD34-EF56 өтініші қабылданбады: тіркелім деректері бойынша қызмет көрсетілмейді. ХҚКО-ға жүгініңіз.',
    );
  });

  it('says the fee will follow while the MRP is not entered, then the amount and how to pay', () => {
    const waiting = [...allPassed.slice(0, 3), of('payment', 'pending', 'fee_unknown')];
    expect(citizenMessage(waiting, 'ru', number)).toBe(
      'Заявление AB12-CD34-EF56 получено. Размер госпошлины на этот год ещё не утверждён: сумму и как оплатить пришлём SMS.',
    );
    expect(citizenMessage(waiting, 'kk', number)).toBe(
      'AB12-CD34-EF56 өтініші алынды. Осы жылғы баж мөлшері әлі бекітілмеген: сомасы мен төлеу тәсілін SMS арқылы жібереміз.',
    );
    const due = [...allPassed.slice(0, 3), { ...of('payment', 'pending', 'fee_due'), amountTiyn: 78_640 }];
    expect(citizenMessage(due, 'ru', number)).toBe(
      'Госпошлина по заявлению AB12-CD34-EF56: 786,40\u00a0₸. Оплатите в приложении банка (госпошлина, номер заявления AB12-CD34-EF56). После оплаты заявление будет принято.',
    );
    expect(citizenMessage(due, 'kk', number)).toContain('786,40\u00a0₸');
    const whole = [...allPassed.slice(0, 3), { ...of('payment', 'pending', 'fee_due'), amountTiyn: 90_000 }];
    expect(citizenMessage(whole, 'ru', number)).toContain(': 900\u00a0₸.');
  });

  it('writes to an English session in Russian', () => {
    expect(citizenMessage(allPassed, 'en', number)).toBe(citizenMessage(allPassed, 'ru', number));
  });
});
