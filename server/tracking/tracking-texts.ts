import type { Lang } from '../../src/protocol/common';
import type { DeferredCheck } from '../../src/protocol/packets';
import type { ApplicationStatus } from '../repositories/applications';

/*
 * What the citizen's tracking page says, in kk, ru and en. Plain words a person reads on a phone
 * in a queue: what happened, by when, and what (if anything) they must do. The wording of the fee
 * follows the SMS the citizen gets (server/sync/deferred-messages.ts).
 */

/** What the payment still waits for (server/sync/deferred-checks.ts, the codes of a pending payment). */
export type PaymentWait = 'payment_awaited' | 'fee_unknown' | 'fee_due';

export interface TrackingTexts {
  /** The language's own name, on the link that switches to it. */
  langName: string;
  title: string;
  application: (number: string) => string;
  testBanner: string;
  status: Record<ApplicationStatus, { label: string; explanation: string }>;
  readyBy: string;
  checksHeading: string;
  /** Each deferred check as the citizen understands it. */
  check: Record<DeferredCheck, string>;
  checkDone: string;
  checkWaiting: string;
  checkInProgress: string;
  todoHeading: string;
  /** While the payment waits: what to do about it (the application number is the payment's reference). */
  payment: Record<PaymentWait, (number: string) => string>;
  nothingToDo: string;
  collect: string;
  /** Why an application was refused, by the check that refused it: general on purpose (docs/api.md, "The tracking page"). */
  refusedBecause: Record<DeferredCheck, string>;
  refusedOther: string;
  refusedTodo: string;
  notFoundTitle: string;
  notFound: string;
  notFoundHint: string;
  tooManyTitle: string;
  tooMany: (minutes: number) => string;
  methodTitle: string;
  method: string;
}

export const TRACKING_TEXTS: Record<Lang, TrackingTexts> = {
  kk: {
    langName: 'Қазақша',
    title: 'Өтініштің күйі',
    application: (n) => `№ ${n} өтініш`,
    testBanner: 'СЫНАҚ өтініші: нақты өтініш емес',
    status: {
      pending_checks: { label: 'Тексерілуде', explanation: 'Өтініш алынды, деректер тексеріліп жатыр.' },
      in_review: { label: 'Қызметкер қарап жатыр', explanation: 'Бір тексеруді қызметкер өзі қарап жатыр. Шешім SMS арқылы келеді.' },
      accepted: { label: 'Қабылданды', explanation: 'Өтініш қабылданды, құжат дайындалады.' },
      in_production: { label: 'Құжат дайындалуда', explanation: 'Құжатыңыз жасалып жатыр.' },
      ready: { label: 'Құжат дайын', explanation: 'Құжатыңызды алуға болады.' },
      issued: { label: 'Құжат берілді', explanation: 'Құжат иесіне берілді.' },
      rejected: { label: 'Қабылданбады', explanation: 'Өтініш қабылданбады.' },
      withdrawn: { label: 'Кері қайтарылды', explanation: 'Сынақ өтініші кері қайтарылды: сол азамат қайтадан өтініш бере алады.' },
    },
    readyBy: 'Дайын болу мерзімі',
    checksHeading: 'Не тексеріледі',
    check: {
      registry: 'Тіркелім деректері',
      phone: 'Телефон нөмірі',
      face_match: 'Жеке басыңызды фото арқылы растау',
      payment: 'Мемлекеттік баж',
    },
    checkDone: 'тексерілді',
    checkWaiting: 'күтілуде',
    checkInProgress: 'тексерілуде',
    todoHeading: 'Сізге не істеу керек',
    payment: {
      payment_awaited: (n) => `Мемлекеттік бажды банк қосымшасында төлеңіз (мемлекеттік баж, өтініш нөмірі ${n}). Төленгеннен кейін өтініш қабылданады.`,
      fee_unknown: () => 'Осы жылғы баж мөлшері әлі бекітілмеген. Сомасы мен төлеу тәсілін SMS арқылы жібереміз; әзірге ештеңе істеудің қажеті жоқ.',
      fee_due: (n) => `Мемлекеттік бажды банк қосымшасында төлеңіз (мемлекеттік баж, өтініш нөмірі ${n}). Сомасы SMS арқылы жіберілді. Төленгеннен кейін өтініш қабылданады.`,
    },
    nothingToDo: 'Қазір ештеңе істеудің қажеті жоқ.',
    collect: 'Құжатты қолхатта көрсетілген ХҚКО-дан алыңыз. Қолхатты ала келіңіз.',
    refusedBecause: {
      registry: 'тіркелім деректері бойынша қызмет көрсетілмейді',
      phone: 'телефон нөмірі расталмады',
      face_match: 'жеке басыңыз фото арқылы расталмады',
      payment: 'мемлекеттік баж төленбеді',
    },
    refusedOther: 'өтінішті қызметкер қарап, қабылдамады',
    refusedTodo: 'Қолхатпен ХҚКО-ға жүгініңіз.',
    notFoundTitle: 'Өтініш табылмады',
    notFound: 'Мұндай нөмірлі өтініш жоқ.',
    notFoundHint: 'Нөмірді қолхаттағы нөмірмен салыстырыңыз (мысалы, 28T5-CY4T-QKFF). Терминал өтінішті байланыс болғанда жібереді: оффлайн жасалған өтініш біраз уақыттан кейін пайда болуы мүмкін.',
    tooManyTitle: 'Сұраныс тым көп',
    tooMany: (m) => `Желіңізден сұраныс тым көп. ${m} минуттан кейін қайталаңыз.`,
    methodTitle: 'Бұл бет тек оқуға арналған',
    method: 'Бетті қайта ашыңыз.',
  },
  ru: {
    langName: 'Русский',
    title: 'Статус заявления',
    application: (n) => `Заявление № ${n}`,
    testBanner: 'ТЕСТОВОЕ заявление: не настоящее',
    status: {
      pending_checks: { label: 'Проверяется', explanation: 'Заявление получено, данные проверяются.' },
      in_review: { label: 'На рассмотрении у сотрудника', explanation: 'Одну из проверок сотрудник рассматривает сам. О решении придёт SMS.' },
      accepted: { label: 'Принято', explanation: 'Заявление принято, документ будет изготовлен.' },
      in_production: { label: 'Документ изготавливается', explanation: 'Ваш документ сейчас изготавливают.' },
      ready: { label: 'Документ готов', explanation: 'Документ можно получить.' },
      issued: { label: 'Документ выдан', explanation: 'Документ выдан владельцу.' },
      rejected: { label: 'Отклонено', explanation: 'Заявление не принято.' },
      withdrawn: { label: 'Отозвано', explanation: 'Тестовое заявление отозвано: тот же гражданин может подать заявление снова.' },
    },
    readyBy: 'Будет готово до',
    checksHeading: 'Что проверяется',
    check: {
      registry: 'Данные регистра',
      phone: 'Номер телефона',
      face_match: 'Подтверждение личности по фото',
      payment: 'Госпошлина',
    },
    checkDone: 'проверено',
    checkWaiting: 'ожидается',
    checkInProgress: 'проверяется',
    todoHeading: 'Что нужно сделать',
    payment: {
      payment_awaited: (n) => `Оплатите госпошлину в приложении банка (госпошлина, номер заявления ${n}). После оплаты заявление будет принято.`,
      fee_unknown: () => 'Размер госпошлины на этот год ещё не утверждён. Сумму и как оплатить пришлём SMS; пока ничего делать не нужно.',
      fee_due: (n) => `Оплатите госпошлину в приложении банка (госпошлина, номер заявления ${n}). Сумму мы отправили SMS. После оплаты заявление будет принято.`,
    },
    nothingToDo: 'Сейчас ничего делать не нужно.',
    collect: 'Получите документ в ЦОН, указанном в расписке. Возьмите с собой расписку.',
    refusedBecause: {
      registry: 'по данным регистра услуга недоступна',
      phone: 'номер телефона не подтверждён',
      face_match: 'личность не подтверждена по фото',
      payment: 'госпошлина не оплачена',
    },
    refusedOther: 'заявление рассмотрено сотрудником и не принято',
    refusedTodo: 'Обратитесь в ЦОН с распиской.',
    notFoundTitle: 'Заявление не найдено',
    notFound: 'Заявления с таким номером нет.',
    notFoundHint: 'Сверьте номер с номером на расписке (например, 28T5-CY4T-QKFF). Терминал отправляет заявление, когда есть связь: заявление, сделанное без связи, может появиться позже.',
    tooManyTitle: 'Слишком много запросов',
    tooMany: (m) => `Из вашей сети слишком много запросов. Повторите через ${m} мин.`,
    methodTitle: 'Эта страница только для чтения',
    method: 'Откройте страницу заново.',
  },
  en: {
    langName: 'English',
    title: 'Application status',
    application: (n) => `Application ${n}`,
    testBanner: 'TEST application: not a real one',
    status: {
      pending_checks: { label: 'Being checked', explanation: 'Your application has arrived and is being checked.' },
      in_review: { label: 'Being reviewed by staff', explanation: 'A member of staff is looking at one of the checks. You will get an SMS with the decision.' },
      accepted: { label: 'Accepted', explanation: 'Your application is accepted; the document will be made.' },
      in_production: { label: 'Document being made', explanation: 'Your document is being made.' },
      ready: { label: 'Document ready', explanation: 'Your document is ready to collect.' },
      issued: { label: 'Document issued', explanation: 'The document has been handed over.' },
      rejected: { label: 'Refused', explanation: 'Your application was not accepted.' },
      withdrawn: { label: 'Withdrawn', explanation: 'This test application was withdrawn: the same citizen may apply again.' },
    },
    readyBy: 'Ready by',
    checksHeading: 'What is being checked',
    check: {
      registry: 'Population registry',
      phone: 'Phone number',
      face_match: 'Identity by photo',
      payment: 'State fee',
    },
    checkDone: 'checked',
    checkWaiting: 'waiting',
    checkInProgress: 'being checked',
    todoHeading: 'What you need to do',
    payment: {
      payment_awaited: (n) => `Pay the state fee in your bank's app (state fee, application number ${n}). Once it is paid, the application is accepted.`,
      fee_unknown: () => "This year's state fee is not approved yet. We will send you the amount and how to pay by SMS; there is nothing to do for now.",
      fee_due: (n) => `Pay the state fee in your bank's app (state fee, application number ${n}). We sent you the amount by SMS. Once it is paid, the application is accepted.`,
    },
    nothingToDo: 'There is nothing you need to do now.',
    collect: 'Collect the document at the service centre named on your receipt. Bring the receipt.',
    refusedBecause: {
      registry: 'the registry says the service is not available to you',
      phone: 'the phone number was not confirmed',
      face_match: 'your identity was not confirmed by photo',
      payment: 'the state fee was not paid',
    },
    refusedOther: 'a member of staff reviewed it and did not accept it',
    refusedTodo: 'Please go to a service centre with your receipt.',
    notFoundTitle: 'Application not found',
    notFound: 'There is no application with this number.',
    notFoundHint: 'Check the number against the one on your receipt (for example 28T5-CY4T-QKFF). A kiosk sends an application when it has a link: one made offline may appear later.',
    tooManyTitle: 'Too many requests',
    tooMany: (m) => `Too many requests from your network. Try again in ${m} min.`,
    methodTitle: 'This page can only be read',
    method: 'Please open the page again.',
  },
};
