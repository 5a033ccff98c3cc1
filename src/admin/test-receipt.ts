import type { PrintableReceipt } from '../devices/printer/printable-receipt';
import { footerTextLines, receiptTextLines } from '../devices/printer/printable-receipt';
import { COLUMNS_80MM, type PrintJob } from '../devices/printer/printer';
import type { TechLang } from './messages';

/**
 * What the technician's test prints: the terminal and the time, and every letter of the Kazakh
 * alphabet that Russian lacks, since those are what a printer's code page gets wrong (they go as
 * raster, escpos.ts). No QR: the test is of the paper path and the text, not of a citizen's receipt.
 */
const HEADINGS: Record<TechLang, { title: string; subtitle: string; terminal: string; time: string; letters: string }> = {
  ru: { title: 'ТЕСТ ПЕЧАТИ', subtitle: 'Режим техника', terminal: 'Терминал', time: 'Время', letters: 'Казахские буквы' },
  kk: { title: 'БАСЫП ШЫҒАРУ СЫНАҒЫ', subtitle: 'Техник режимі', terminal: 'Терминал', time: 'Уақыты', letters: 'Қазақ әріптері' },
};

export const KAZAKH_LETTERS = 'Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі';

/** `time` as the technician reads it (HH:MM:SS of the kiosk's clock). */
export function testReceiptJob(lang: TechLang, terminalId: string | null, time: string): PrintJob {
  const words = HEADINGS[lang];
  const printable: PrintableReceipt = {
    title: words.title,
    subtitle: words.subtitle,
    notes: [],
    rows: [
      { label: words.terminal, value: terminalId ?? '—' },
      { label: words.time, value: time },
      { label: words.letters, value: KAZAKH_LETTERS },
    ],
    qr: null,
    footer: [],
  };
  return {
    printable,
    columns: COLUMNS_80MM,
    lines: receiptTextLines(printable, COLUMNS_80MM),
    qr: null,
    footer: footerTextLines(printable, COLUMNS_80MM),
  };
}
