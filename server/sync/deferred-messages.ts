import { formatTiyn } from '../../src/domain/fees';
import type { Lang } from '../../src/protocol/common';
import type { CheckOutcome, DeferredCheck } from './deferred-checks';

/*
 * The SMS that tells a citizen how their offline application ended. Short and plain, with the
 * application number and nothing else about the person: the message may reach a phone the
 * applicant does not hold. SMS go out in Kazakh or Russian; an English session is told in Russian.
 */

type SmsLang = 'kk' | 'ru';

interface Texts {
  accepted: (number: string) => string;
  awaitingPayment: (number: string) => string;
  /** The year's MRP is not entered yet: the citizen learns that the amount will follow. */
  feeUnknown: (number: string) => string;
  /** A fee deferred at the kiosk, now known: the amount and how to pay it (the application number is the reference). */
  feeDue: (number: string, amount: string) => string;
  rejected: (number: string, reason: string) => string;
  /** A check the rules could not settle: a person looks at it, the answer follows by SMS. */
  inReview: (number: string) => string;
  /** Why, by the check that failed; some codes say more than their check. */
  reasons: Record<DeferredCheck, string> & Record<string, string>;
}

const TEXTS: Record<SmsLang, Texts> = {
  ru: {
    accepted: (n) => `Заявление ${n} принято. Статус — по QR-коду на расписке.`,
    awaitingPayment: (n) => `Заявление ${n} ждёт оплаты госпошлины. После оплаты оно будет принято.`,
    feeUnknown: (n) => `Заявление ${n} получено. Размер госпошлины на этот год ещё не утверждён: сумму и как оплатить пришлём SMS.`,
    feeDue: (n, amount) => `Госпошлина по заявлению ${n}: ${amount}. Оплатите в приложении банка (госпошлина, номер заявления ${n}). После оплаты заявление будет принято.`,
    rejected: (n, reason) => `Заявление ${n} отклонено: ${reason}. Обратитесь в ЦОН.`,
    inReview: (n) => `Заявление ${n} получено и проверяется сотрудником. О решении сообщим SMS, обычно в течение рабочего дня.`,
    reasons: {
      registry: 'по данным регистра услуга недоступна',
      not_found: 'ИИН не найден в регистре',
      application_in_progress: 'у вас уже есть заявление в работе',
      phone: 'номер телефона не подтверждён',
      phone_mismatch: 'номер телефона не совпадает с номером в базе мобильных граждан',
      not_in_bmg: 'номер телефона не зарегистрирован в базе мобильных граждан',
      face_match: 'личность не подтверждена по фото',
      payment: 'госпошлина не оплачена',
      fee_mismatch: 'сумма госпошлины не совпадает с тарифом',
      // A reviewer's reasons (src/protocol/review.ts).
      face_not_applicant: 'по фото не подтверждено, что заявление подали вы',
      liveness_not_live: 'при съёмке лица не подтверждено, что перед терминалом был живой человек',
      payment_not_settled: 'оплата не соответствует сумме госпошлины',
    },
  },
  kk: {
    accepted: (n) => `${n} өтініші қабылданды. Күйі — қолхаттағы QR-код бойынша.`,
    awaitingPayment: (n) => `${n} өтініші мемлекеттік баж төлемін күтуде. Төленгеннен кейін қабылданады.`,
    feeUnknown: (n) => `${n} өтініші алынды. Осы жылғы баж мөлшері әлі бекітілмеген: сомасы мен төлеу тәсілін SMS арқылы жібереміз.`,
    feeDue: (n, amount) => `${n} өтінішінің мемлекеттік бажы: ${amount}. Банк қосымшасында төлеңіз (мемлекеттік баж, өтініш нөмірі ${n}). Төленгеннен кейін өтініш қабылданады.`,
    rejected: (n, reason) => `${n} өтініші қабылданбады: ${reason}. ХҚКО-ға жүгініңіз.`,
    inReview: (n) => `${n} өтініші алынды, оны қызметкер тексеріп жатыр. Шешімді SMS арқылы хабарлаймыз, әдетте бір жұмыс күні ішінде.`,
    reasons: {
      registry: 'тіркелім деректері бойынша қызмет көрсетілмейді',
      not_found: 'ЖСН тіркелімде табылмады',
      application_in_progress: 'сізде өңделіп жатқан өтініш бар',
      phone: 'телефон нөмірі расталмады',
      phone_mismatch: 'телефон нөмірі мобильді азаматтар базасындағы нөмірге сәйкес емес',
      not_in_bmg: 'телефон нөмірі мобильді азаматтар базасында тіркелмеген',
      face_match: 'жеке басыңыз фото арқылы расталмады',
      payment: 'мемлекеттік баж төленбеді',
      fee_mismatch: 'мемлекеттік баж сомасы тарифке сәйкес емес',
      face_not_applicant: 'өтінішті сіз бергеніңіз фото арқылы расталмады',
      liveness_not_live: 'түсіру кезінде терминал алдында тірі адам болғаны расталмады',
      payment_not_settled: 'төлем мемлекеттік баж сомасына сәйкес емес',
    },
  },
};

/** The text for the citizen: refused with the first reason (the checks come in journey order), waiting for the fee, with a person, or accepted. */
export function citizenMessage(outcomes: readonly CheckOutcome[], lang: Lang, number: string): string {
  const texts = TEXTS[lang === 'kk' ? 'kk' : 'ru'];
  const refusal = outcomes.find((o) => o.outcome === 'failed');
  if (refusal) return texts.rejected(number, (refusal.code !== null ? texts.reasons[refusal.code] : undefined) ?? texts.reasons[refusal.check]);
  // Only the payment can be left open: every other check is decided on arrival.
  const pending = outcomes.find((o) => o.outcome === 'pending');
  if (!pending) return outcomes.some((o) => o.outcome === 'review') ? texts.inReview(number) : texts.accepted(number);
  if (pending.code === 'fee_unknown') return texts.feeUnknown(number);
  if (pending.code === 'fee_due' && pending.amountTiyn !== undefined) return texts.feeDue(number, formatTiyn(pending.amountTiyn, 'ru'));
  return texts.awaitingPayment(number);
}
