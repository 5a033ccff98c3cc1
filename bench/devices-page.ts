/// <reference types="vite/client" />
// The page side of `npm run bench:devices`: served by Vite's dev server and run in Chromium, so the
// receipt encoder and the PIN hash are timed in the browser engine the kiosk runs, with the
// kiosk's own modules (the font inlined as in the build). bench/devices.ts drives it.
import { encodeReceipt } from '../src/devices/printer/escpos';
import type { PrinterModelId, PaperWidthMm } from '../src/devices/printer/printer-models';
import { loadReceiptFont } from '../src/devices/printer/receipt-font-files';
import { applicationNumber } from '../src/domain/application';
import { emptySession } from '../src/flow/session-data';
import { DEFERRED_CHECKS } from '../src/protocol/packets';
import type { Lang } from '../src/protocol';
import { printableReceipt } from '../src/steps/receipt-job';
import { setPin, verifyPin } from '../src/admin/pin';
import { KioskDb } from '../src/sync/kiosk-db';

export interface EncodeCase {
  lang: Lang;
  widthMm: PaperWidthMm;
  model: PrinterModelId;
}

export interface DevicesPageResult {
  fontLoadMs: number;
  encode: { case: EncodeCase; bytes: number; samples: number[] }[];
  pinSetMs: number[];
  pinVerifyMs: number[];
}

const APPLICATION_ID = '0f4c1b7e-2d3a-4b6c-9e8f-1a2b3c4d5e6f';

/** A provisional receipt, the longest the kiosk prints: every part (notes, rows, QR, footer). */
function receiptIn(lang: Lang) {
  const number = applicationNumber(APPLICATION_ID);
  return printableReceipt(
    {
      ...emptySession(),
      lang,
      service: '07',
      document: 'id_card',
      iin: '880415300127',
      phone: '+77011234567',
      payment: { paymentId: null, amountTiyn: 86_500, status: 'deferred' },
      application: { id: APPLICATION_ID, number, createdAt: '2026-03-02T05:15:30.123Z' },
      sealed: { readyBy: '2026-03-23', pendingChecks: [...DEFERRED_CHECKS] },
    },
    { terminalId: 'SBX-ABCD2345', centreId: 'AST-ESIL', publicUrl: 'https://track.example.kz' },
  );
}

async function timed(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

async function run(cases: EncodeCase[], runs: number, pinRuns: number): Promise<DevicesPageResult> {
  let font: ReturnType<typeof loadReceiptFont> | undefined;
  const fontLoadMs = await timed(() => (font = loadReceiptFont()));
  const encode: DevicesPageResult['encode'] = [];
  for (const c of cases) {
    const receipt = receiptIn(c.lang);
    const options = { widthMm: c.widthMm, font: font!, model: c.model };
    const bytes = encodeReceipt(receipt, options).length; // the first run warms the glyph cache
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) samples.push(await timed(() => encodeReceipt(receipt, options)));
    encode.push({ case: c, bytes, samples });
  }
  const db = new KioskDb(); // the browser profile is new for each run
  const pinSetMs: number[] = [];
  const pinVerifyMs: number[] = [];
  for (let i = 0; i < pinRuns; i++) {
    pinSetMs.push(await timed(() => setPin(db, '482915', 'technician')));
    pinVerifyMs.push(await timed(() => verifyPin(db, '482915')));
  }
  db.close();
  return { fontLoadMs, encode, pinSetMs, pinVerifyMs };
}

declare global {
  interface Window {
    benchDevices: typeof run;
  }
}
window.benchDevices = run;
