// The journey section of docs/benchmarks.md as bench/journey-wait.ts writes it after a run.
import { STEADY_MS } from '../src/biometrics/photo-quality-capture';
import { PAID_PAUSE_MS } from '../src/steps/payment-poll';
import { REREAD_MS } from '../server/payments/wait-payment';
import { machineSection, type Machine } from './machine';
import { table, type Row } from './stats';

export interface KindResult {
  name: string;
  tag: string;
  /** The fake camera's clip (.cache/camera/). */
  video: string;
  rows: Row[];
  /** Sum of the medians of the rows counted as the software's wait. */
  softwareWaitMs: number;
}

export interface BenchReport {
  machine: Machine;
  loadBefore: string;
  loadAfter: string;
  runs: number;
  results: KindResult[];
  cameraMs: number;
  /** Journeys whose identification was tried again: a try begun between the clip's two turns. */
  retried: number;
  summary: string;
}

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

export function benchmarkReport(r: BenchReport): string {
  const clips = [...new Set(r.results.map((k) => `\`${k.video}\``))].join(', ');
  const kinds = r.results
    .map(
      (k) =>
        `### ${k.name} (\`${k.tag}\`, clip \`${k.video}\`, ${r.runs} journeys)\n\n${table(k.rows)}\n\n` +
        `Sum of the medians of the counted rows: **${Math.round(k.softwareWaitMs)} ms**.`,
    )
    .join('\n\n');
  return `## How long the kiosk makes a citizen wait

Measured by \`npm run bench:journey\` (bench/journey-wait.ts) on ${r.machine.date}.

\`\`\`
${r.summary}
\`\`\`

\`software_wait_ms\` is the sum of the medians of the counted rows of the paid journey (service 09),
the one that goes through every step; \`camera_steps_ms\` is the median, over all ${r.results.length * r.runs}
journeys, of the time from the identify step's appearance to the photo review (the liveness
sequence, the face match and the portrait, taken by itself once every photo check has held for
${STEADY_MS} ms), which includes the head turns and the still moments the clip shows — a citizen's own
movement, not the software's. Identification was tried again in ${r.retried} of the ${r.results.length * r.runs} journeys (the clip
loops from the browser's launch, and a try begun between its left and right turns fails as "the
other way"); their camera rows include the retry.

${kinds}

Rows in parentheses are not counted in the sum: the camera steps, and their parts (each measured
from the identify step's appearance; "models" is measured when the page loads, before the journey;
"every photo check passes" is the start of the run of good frames that was shot).

### What is measured, and how precisely

- Each journey is walked in Russian by Playwright against the built kiosk (\`dist/\`) and a back
  office of its own on PGlite (a fresh copy of a once-seeded data folder per journey, so the same
  citizen can apply again), in Debian's Chromium with the fake camera playing the citizen's clip
  (${clips} in \`.cache/camera/\`). A fresh browser context per journey; the journey starts
  once the face models are loaded and the service worker is ready, as on a kiosk in service.
- The tester's actions are instant: the wait runs from the input that completes a step — the page's
  own \`click\` event (capture phase, before the kiosk's handler), i.e. the language or reason button,
  Next, the last digit of the SMS code — to the next step's root \`[data-step]\` (or the element the
  citizen waits for: the document choice, the SMS-code boxes, the QR, the printed paper) entering the
  DOM, plus the next animation frame. Both ends are taken in the page (bench/page-probe.ts: a
  capture-phase click listener and a MutationObserver), so the test driver's own polling and
  Playwright's actionability checks do not count.
- Resolution: \`performance.now()\` (Chromium coarsens it to 0.1 ms without cross-origin isolation).
  "Painted" is approximated by \`requestAnimationFrame\` then a task: up to one frame (≈17 ms at
  60 Hz) late or early against the real screen; the DOM-insertion time is one frame or less earlier.
- "paid in the sandbox → receipt, less the "paid" pause": from the moment the sandbox's \`POST …/pay\`
  answered (Node's clock, the same wall clock as the page's \`performance.timeOrigin\`; ±1 ms) to the
  receipt step, less the ${seconds(PAID_PAUSE_MS)} in which "Paid. Thank you." stays on screen to be read
  (src/steps/payment-poll.ts says why that long): that pause is deliberate, and its row, in
  parentheses, is not counted. The kiosk learns of the payment by a long poll
  (\`GET /api/v1/payments/:id?waitS=25\`), which the back office ends when it finds the payment paid
  by reading the payment and the gateway again every ${REREAD_MS} ms (the payment is made in another
  request, as it may be in another process): up to ${REREAD_MS} ms, half of it on average, then the answer.
- Liveness, matching and auto-capture need frames: the camera rows depend on the CPU (face analysis
  runs in a worker on tfjs-wasm; the photo step runs the expression net too) and on the clip: the
  liveness sequence waits for the turns it shows, the photo for a moment frontal and still enough
  to pass every check for ${STEADY_MS} ms (the \`-live\` clips: 23 s, two cycles of a left and a right
  turn between still moments, camera noise in every frame).
- The machine is shared (other tests may be running): load average ${r.loadBefore} before, ${r.loadAfter} after.
  Max columns show the noise; take medians.

${machineSection(r.machine, { browser: true, memory: true })}

### Rerun

\`\`\`sh
npm run build            # the bench does not build; it expects dist/
npm run bench:journey    # BENCH_RUNS=5 for more journeys per kind (default 3)
\`\`\`

It starts its own back office on a free port with a temporary data folder under \`.cache/\` (removed
at the end; its log is \`.cache/bench-backoffice.log\`), makes the camera videos it needs if missing,
and rewrites this section.
`;
}
