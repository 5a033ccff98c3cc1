// `npm run bench:devices`: what the kiosk's device code costs in the browser — encoding a receipt
// for the printer (as images in the shipped font, or as KZ-1048 text), loading that font, and the
// technician's PIN hash (PBKDF2, set and checked). Runs the kiosk's own modules in Debian's
// Chromium through Vite's dev server (bench/devices-page.ts). Prints the tables, and last:
// encode_raster_80_ms=<…> encode_text_ms=<…> pin_verify_ms=<…>; writes its section of docs/benchmarks.md.
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { createServer } from 'vite';
import { chromiumLaunchOptions } from '../e2e/support/chromium';
import { REPO_ROOT } from '../e2e/support/paths';
import { PIN_ITERATIONS } from '../src/admin/pin';
import type { DevicesPageResult, EncodeCase } from './devices-page';
import { writeSection } from './doc-section';
import { describeMachine, loadAverage, machineSection } from './machine';
import { median, table, type Row } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const PIN_RUNS = Number(process.env.BENCH_PIN_RUNS ?? 5);
const CASES: EncodeCase[] = [
  { lang: 'kk', widthMm: 58, model: 'generic' },
  { lang: 'kk', widthMm: 80, model: 'generic' },
  { lang: 'ru', widthMm: 80, model: 'generic' },
  { lang: 'kk', widthMm: 80, model: 'epson-tm-t20iii' },
];

const caseLabel = (c: EncodeCase) => `${c.model === 'generic' ? 'images' : `text (${c.model})`}, ${c.widthMm} mm, ${c.lang}`;
const round = (ms: number) => Math.round(ms * 10) / 10;

async function main(): Promise<void> {
  const machine = describeMachine();
  const loadBefore = loadAverage();
  const vite = await createServer({ root: REPO_ROOT, configFile: join(REPO_ROOT, 'vite.config.ts'), logLevel: 'warn', server: { host: '127.0.0.1', port: 0 } });
  await vite.listen();
  const base = vite.resolvedUrls?.local[0];
  if (!base) throw new Error('bench: the Vite dev server gave no address');
  const browser = await chromium.launch(chromiumLaunchOptions());
  let result: DevicesPageResult;
  try {
    const page = await browser.newPage();
    // An empty page on the dev server's origin (answered here, not by the kiosk's index.html): the bench module is imported into it.
    const blank = new URL('bench-devices.html', base).href;
    await page.route(blank, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><html><head></head><body></body></html>' }));
    await page.goto(blank);
    await page.addScriptTag({ type: 'module', url: '/bench/devices-page.ts' });
    await page.waitForFunction(() => typeof window.benchDevices === 'function', null, { timeout: 120_000 });
    result = await page.evaluate(([cases, runs, pinRuns]) => window.benchDevices(cases, runs, pinRuns), [CASES, RUNS, PIN_RUNS] as const);
  } finally {
    await browser.close();
    await vite.close();
  }

  const encodeRows: Row[] = result.encode.map((e) => ({ label: `${caseLabel(e.case)} — ${Math.round(e.bytes / 1024)} KB`, counted: true, samples: e.samples }));
  const pinRows: Row[] = [
    { label: 'set a PIN (new salt, hash, stored)', counted: true, samples: result.pinSetMs },
    { label: 'check a PIN (hash, compare, lockout kept)', counted: true, samples: result.pinVerifyMs },
  ];
  const raster80 = result.encode.find((e) => e.case.model === 'generic' && e.case.widthMm === 80 && e.case.lang === 'kk');
  const text = result.encode.find((e) => e.case.model !== 'generic');
  const summary =
    `encode_raster_80_ms=${round(median(raster80?.samples ?? []))} encode_text_ms=${round(median(text?.samples ?? []))} ` +
    `pin_verify_ms=${Math.round(median(result.pinVerifyMs))}`;
  const loadAfter = loadAverage();
  const guessHours = Math.round((1e6 * median(result.pinVerifyMs)) / 3_600_000);

  const encodeTable = table(encodeRows);
  const pinTable = table(pinRows);
  console.log(`font load: ${round(result.fontLoadMs)} ms\n\n${encodeTable}\n\n${pinTable}\n`);
  writeSection(
    join(REPO_ROOT, 'docs', 'benchmarks.md'),
    'devices',
    `## What the device code costs: the receipt encoder and the PIN hash

Measured by \`npm run bench:devices\` (bench/devices.ts) on ${machine.date}.

\`\`\`
${summary}
\`\`\`

### Encoding the provisional receipt (${RUNS} runs each, after one to warm up)

${encodeTable}

Loading the shipped Noto Sans for the images (parsing four WOFF files with opentype.js), once per
kiosk start, with the first receipt: ${round(result.fontLoadMs)} ms.

### The technician's PIN: PBKDF2-HMAC-SHA-256, ${PIN_ITERATIONS.toLocaleString('en')} iterations (${PIN_RUNS} runs)

${pinTable}

What one guess costs someone who copied the kiosk's IndexedDB: about the "check" figure on this
CPU, so the million six-digit PINs take about ${guessHours} hours on one of its cores — much less on a
GPU. The hash slows such a copy down; the lockout (5 wrong, then 5 min doubling to 1 h) is what
protects the PIN at the screen.

### What is measured, and how precisely

- In Debian's Chromium, headless, with the kiosk's own modules served by Vite's dev server
  (bench/devices-page.ts) — the same code the build ships, not minified. \`performance.now()\`
  around each call (Chromium coarsens it to 0.1 ms).
- The receipt is the provisional one (every part: notes, rows, QR, footer), the longest the kiosk
  prints. "images": text and QR drawn in the shipped font and sent as GS v 0 raster (every
  \`generic\` printer); "text": KZ-1048 text and the printer's own QR command (Epson, HP).
  The first encoding of each case is not counted (it fills the glyph cache, as the first receipt
  after a start does).
- The PIN rows include the IndexedDB read and write around the hash (the real IndexedDB of a fresh
  browser profile).
- The machine is shared (other tests may be running): load average ${loadBefore} before, ${loadAfter} after.

${machineSection(machine, { browser: true, memory: false })}

### Rerun

\`\`\`sh
npm run bench:devices    # BENCH_RUNS=… encodings per case (default 20), BENCH_PIN_RUNS=… (default 5)
\`\`\``,
  );
  console.log(summary);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
