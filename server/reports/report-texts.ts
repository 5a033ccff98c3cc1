import type { ProblemCategory, ProblemSource, ProblemStatus } from '../../src/protocol/problems';
import type { StepId } from '../../src/flow/steps';
import type { JourneyOutcome } from '../../src/protocol/telemetry';
import type { ReportChartLabels } from '../../src/reports/report-charts';

/*
 * The weekly report's words for the PDF (Russian or Kazakh, as the pilot order's recipients read)
 * and English for the console, which may take its chart labels from here. Codes (refusals, faults,
 * problem categories) stay codes: they are the same in every language and in the CSV.
 */

export const REPORT_LANGS = ['ru', 'kk', 'en'] as const;
export type ReportLang = (typeof REPORT_LANGS)[number];
/** The PDF's languages. */
export const PDF_LANGS = ['ru', 'kk'] as const satisfies readonly ReportLang[];
export type PdfLang = (typeof PDF_LANGS)[number];

export interface ReportTexts {
  title: string;
  week: string;
  scope: string;
  period: string;
  generatedAt: string;
  terminals: string;
  noRows: string;
  charts: ReportChartLabels;
  sections: {
    journeys: string;
    byService: string;
    funnel: string;
    refusals: string;
    operator: string;
    serviceTime: string;
    throughput: string;
    offline: string;
    outOfOrder: string;
    deviceFaults: string;
    fees: string;
    problems: string;
    design: string;
  };
  columns: {
    started: string;
    applications: string;
    completionRate: string;
    folded: string;
    service: string;
    document: string;
    step: string;
    reached: string;
    left: string;
    code: string;
    cause: string;
    count: string;
    measured: string;
    median: string;
    p90: string;
    p95: string;
    max: string;
    overShare: string;
    date: string;
    journeys: string;
    perTerminalDay: string;
    perTerminalMonth: string;
    openHours: string;
    utilisation: string;
    offlineShare: string;
    arrivals: string;
    fault: string;
    minutes: string;
    device: string;
    kind: string;
    amount: string;
    centre: string;
    terminal: string;
    category: string;
    source: string;
    description: string;
    happenedAt: string;
    actionTaken: string;
    status: string;
    figure: string;
    design: string;
    actual: string;
  };
  fees: { paid: string; exempt: string; deferred: string };
  /** A problem's category, source and status in words, as the console's problems page says them. */
  problem: Record<ProblemCategory | ProblemSource | ProblemStatus, string>;
  design: { serviceTime: string; perDay: string; perMonth: string };
  /** Unit suffixes. */
  units: { seconds: string; minutes: string; tenge: string };
}

type Steps = Record<StepId, string>;
type Outcomes = Record<JourneyOutcome, string>;

const ru: ReportTexts = {
  title: 'Еженедельный отчёт пилота',
  week: 'Неделя',
  scope: 'Охват',
  period: 'Период',
  generatedAt: 'Сформирован',
  terminals: 'Терминалов',
  noRows: 'нет',
  charts: {
    thisWeek: 'Эта неделя',
    weekBefore: 'Неделя до',
    funnel: {
      title: 'Воронка: сколько дошли до шага',
      reached: 'Дошли',
      steps: {
        language: 'Язык',
        service: 'Услуга',
        iin: 'ИИН',
        phone: 'Телефон',
        identify: 'Идентификация',
        photo: 'Фото',
        signature: 'Подпись',
        payment: 'Оплата',
        receipt: 'Квитанция',
        done: 'Готово',
      } satisfies Steps,
      outcomes: {
        receipt: 'Квитанция',
        cancel: 'Отмена',
        idle: 'Ушли',
        refused: 'Отказ',
        operator: 'К оператору',
        interrupted: 'Прервано',
      } satisfies Outcomes,
    },
    serviceTime: { title: 'Время обслуживания', median: 'Медиана', p90: '90-й процентиль', minutes: 'мин', design: 'норма 5 мин', overShare: 'Дольше 5 минут' },
    throughput: {
      title: 'Заявлений в день на терминал',
      perTerminal: 'на терминал',
      design: 'норма 108 в день',
      weekdays: ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Вс'],
    },
  },
  sections: {
    journeys: 'Обращения и заявления',
    byService: 'По услугам и документам',
    funnel: 'Воронка',
    refusals: 'Отказы по кодам',
    operator: 'Направлены к оператору',
    serviceTime: 'Время обслуживания',
    throughput: 'Пропускная способность',
    offline: 'Работа без связи',
    outOfOrder: 'Время неисправности',
    deviceFaults: 'Сбои устройств',
    fees: 'Госпошлина',
    problems: 'Реестр проблем',
    design: 'Проектные показатели',
  },
  columns: {
    started: 'Начато',
    applications: 'Заявлений',
    completionRate: 'Доля завершённых',
    folded: 'Из них только счётчики',
    service: 'Услуга',
    document: 'Документ',
    step: 'Шаг',
    reached: 'Дошли',
    left: 'Ушли на шаге',
    code: 'Код',
    cause: 'Причина',
    count: 'Количество',
    measured: 'Измерено',
    median: 'Медиана',
    p90: '90-й процентиль',
    p95: '95-й процентиль',
    max: 'Максимум',
    overShare: 'Дольше 5 минут',
    date: 'Дата',
    journeys: 'Обращений',
    perTerminalDay: 'Заявлений в день на терминал',
    perTerminalMonth: 'Заявлений в месяц на терминал',
    openHours: 'Часы работы',
    utilisation: 'Загрузка',
    offlineShare: 'Доля обращений без связи',
    arrivals: 'Заявлений, пришедших с задержкой',
    fault: 'Неисправность',
    minutes: 'Минут',
    device: 'Устройство',
    kind: 'Вид',
    amount: 'Сумма',
    centre: 'ЦОН',
    terminal: 'Терминал',
    category: 'Категория',
    source: 'Источник',
    description: 'Описание',
    happenedAt: 'Когда',
    actionTaken: 'Принятые меры',
    status: 'Статус',
    figure: 'Показатель',
    design: 'Норма',
    actual: 'Факт',
  },
  fees: { paid: 'Оплачено', exempt: 'Освобождены', deferred: 'Отложено' },
  problem: { device: 'оборудование', network: 'связь', software: 'программа', payment: 'оплата', identification: 'идентификация', queue: 'очередь и скопление людей', other: 'другое', branch: 'филиал', police: 'полиция', open: 'открыта', resolved: 'решена' },
  design: { serviceTime: 'Среднее время обслуживания', perDay: 'Заявлений в день на терминал', perMonth: 'Заявлений в месяц на терминал' },
  units: { seconds: 'с', minutes: 'мин', tenge: '₸' },
};

const kk: ReportTexts = {
  title: 'Пилоттың апталық есебі',
  week: 'Апта',
  scope: 'Қамту',
  period: 'Кезең',
  generatedAt: 'Құрылған уақыты',
  terminals: 'Терминалдар',
  noRows: 'жоқ',
  charts: {
    thisWeek: 'Осы апта',
    weekBefore: 'Алдыңғы апта',
    funnel: {
      title: 'Воронка: қадамға қанша жетті',
      reached: 'Жеткендер',
      steps: {
        language: 'Тіл',
        service: 'Қызмет',
        iin: 'ЖСН',
        phone: 'Телефон',
        identify: 'Сәйкестендіру',
        photo: 'Фото',
        signature: 'Қолтаңба',
        payment: 'Төлем',
        receipt: 'Түбіртек',
        done: 'Дайын',
      } satisfies Steps,
      outcomes: {
        receipt: 'Түбіртек',
        cancel: 'Бас тартты',
        idle: 'Кетіп қалды',
        refused: 'Қабылданбады',
        operator: 'Операторға',
        interrupted: 'Үзілді',
      } satisfies Outcomes,
    },
    serviceTime: { title: 'Қызмет көрсету уақыты', median: 'Медиана', p90: '90-шы процентиль', minutes: 'мин', design: 'норма 5 мин', overShare: '5 минуттан ұзақ' },
    throughput: {
      title: 'Бір терминалға күніне өтініштер',
      perTerminal: 'терминалға',
      design: 'норма күніне 108',
      weekdays: ['Дс', 'Сс', 'Ср', 'Бс', 'Жм', 'Сн', 'Жс'],
    },
  },
  sections: {
    journeys: 'Өтініш берушілер мен өтініштер',
    byService: 'Қызметтер мен құжаттар бойынша',
    funnel: 'Воронка',
    refusals: 'Кодтар бойынша бас тартулар',
    operator: 'Операторға жіберілгендер',
    serviceTime: 'Қызмет көрсету уақыты',
    throughput: 'Өткізу қабілеті',
    offline: 'Байланыссыз жұмыс',
    outOfOrder: 'Ақаулы уақыт',
    deviceFaults: 'Құрылғылардың ақаулары',
    fees: 'Мемлекеттік баж',
    problems: 'Мәселелер тізілімі',
    design: 'Жобалық көрсеткіштер',
  },
  columns: {
    started: 'Басталды',
    applications: 'Өтініштер',
    completionRate: 'Аяқталғандар үлесі',
    folded: 'Оның ішінде тек санауыштар',
    service: 'Қызмет',
    document: 'Құжат',
    step: 'Қадам',
    reached: 'Жеткендер',
    left: 'Қадамда кеткендер',
    code: 'Код',
    cause: 'Себеп',
    count: 'Саны',
    measured: 'Өлшенді',
    median: 'Медиана',
    p90: '90-шы процентиль',
    p95: '95-ші процентиль',
    max: 'Ең көбі',
    overShare: '5 минуттан ұзақ',
    date: 'Күні',
    journeys: 'Өтініш берушілер',
    perTerminalDay: 'Бір терминалға күніне өтініштер',
    perTerminalMonth: 'Бір терминалға айына өтініштер',
    openHours: 'Жұмыс сағаттары',
    utilisation: 'Жүктеме',
    offlineShare: 'Байланыссыз өтініш берушілер үлесі',
    arrivals: 'Кешігіп келген өтініштер',
    fault: 'Ақау',
    minutes: 'Минут',
    device: 'Құрылғы',
    kind: 'Түрі',
    amount: 'Сомасы',
    centre: 'ХҚКО',
    terminal: 'Терминал',
    category: 'Санат',
    source: 'Дереккөз',
    description: 'Сипаттама',
    happenedAt: 'Қашан',
    actionTaken: 'Қабылданған шаралар',
    status: 'Мәртебесі',
    figure: 'Көрсеткіш',
    design: 'Норма',
    actual: 'Нақты',
  },
  fees: { paid: 'Төленді', exempt: 'Босатылған', deferred: 'Кейінге қалдырылды' },
  problem: { device: 'жабдық', network: 'байланыс', software: 'бағдарлама', payment: 'төлем', identification: 'сәйкестендіру', queue: 'кезек және адамдардың жиналуы', other: 'басқа', branch: 'филиал', police: 'полиция', open: 'ашық', resolved: 'шешілді' },
  design: { serviceTime: 'Орташа қызмет көрсету уақыты', perDay: 'Бір терминалға күніне өтініштер', perMonth: 'Бір терминалға айына өтініштер' },
  units: { seconds: 'с', minutes: 'мин', tenge: '₸' },
};

const en: ReportTexts = {
  title: 'Pilot weekly report',
  week: 'Week',
  scope: 'Scope',
  period: 'Period',
  generatedAt: 'Generated',
  terminals: 'Terminals',
  noRows: 'none',
  charts: {
    thisWeek: 'This week',
    weekBefore: 'Week before',
    funnel: {
      title: 'Funnel: how many reached each step',
      reached: 'Reached',
      steps: {
        language: 'Language',
        service: 'Service',
        iin: 'IIN',
        phone: 'Phone',
        identify: 'Identification',
        photo: 'Photo',
        signature: 'Signature',
        payment: 'Payment',
        receipt: 'Receipt',
        done: 'Done',
      } satisfies Steps,
      outcomes: { receipt: 'Receipt', cancel: 'Cancelled', idle: 'Walked away', refused: 'Refused', operator: 'To an operator', interrupted: 'Interrupted' } satisfies Outcomes,
    },
    serviceTime: { title: 'Service time', median: 'Median', p90: '90th percentile', minutes: 'min', design: 'design 5 min', overShare: 'Over 5 minutes' },
    throughput: { title: 'Applications a day per terminal', perTerminal: 'per terminal', design: 'design 108 a day', weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] },
  },
  sections: {
    journeys: 'Journeys and applications',
    byService: 'By service and document',
    funnel: 'Funnel',
    refusals: 'Refusals by code',
    operator: 'Sent to an operator',
    serviceTime: 'Service time',
    throughput: 'Throughput',
    offline: 'Offline work',
    outOfOrder: 'Out of order',
    deviceFaults: 'Device faults',
    fees: 'Fees',
    problems: 'Problems register',
    design: 'Design figures',
  },
  columns: {
    started: 'Started',
    applications: 'Applications',
    completionRate: 'Completion rate',
    folded: 'Of which counts only',
    service: 'Service',
    document: 'Document',
    step: 'Step',
    reached: 'Reached',
    left: 'Left at the step',
    code: 'Code',
    cause: 'Cause',
    count: 'Count',
    measured: 'Measured',
    median: 'Median',
    p90: '90th percentile',
    p95: '95th percentile',
    max: 'Maximum',
    overShare: 'Over 5 minutes',
    date: 'Date',
    journeys: 'Journeys',
    perTerminalDay: 'Applications a day per terminal',
    perTerminalMonth: 'Applications a month per terminal',
    openHours: 'Open hours',
    utilisation: 'Utilisation',
    offlineShare: 'Share of journeys offline',
    arrivals: 'Applications arriving late',
    fault: 'Fault',
    minutes: 'Minutes',
    device: 'Device',
    kind: 'Kind',
    amount: 'Amount',
    centre: 'Centre',
    terminal: 'Terminal',
    category: 'Category',
    source: 'Source',
    description: 'Description',
    happenedAt: 'When',
    actionTaken: 'Action taken',
    status: 'Status',
    figure: 'Figure',
    design: 'Design',
    actual: 'Actual',
  },
  fees: { paid: 'Paid', exempt: 'Exempt', deferred: 'Deferred' },
  problem: { device: 'device', network: 'network', software: 'software', payment: 'payment', identification: 'identification', queue: 'queue and crowding', other: 'other', branch: 'branch', police: 'police', open: 'open', resolved: 'resolved' },
  design: { serviceTime: 'Average service time', perDay: 'Applications a day per terminal', perMonth: 'Applications a month per terminal' },
  units: { seconds: 's', minutes: 'min', tenge: '₸' },
};

export const REPORT_TEXTS: Record<ReportLang, ReportTexts> = { ru, kk, en };

/** A problem's category, source or status in words; a code this back office has no words for as it is. */
export function problemWord(texts: ReportTexts, code: string): string {
  return Object.hasOwn(texts.problem, code) ? texts.problem[code as keyof ReportTexts['problem']] : code;
}
