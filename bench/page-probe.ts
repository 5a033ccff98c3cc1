// What the bench records inside the kiosk's page, so the figures are the page's own clock and not
// the test driver's: every click (capture phase, before the kiosk's handler runs), the moment each
// watched element enters the DOM and the frame after it (≈ painted), the camera steps' guidance
// line, and the face worker's answers (its model load time, each frame's analysis time), read off
// the worker's messages without touching the kiosk's code.
// A string, not a function: tsx adds helpers to compiled functions that the page does not have.

/** Times are epoch milliseconds (performance.timeOrigin + performance.now()), comparable with Node's. */
export interface ProbeInput {
  at: number;
  what: string;
}
export interface ProbeMark {
  name: string;
  /** When the element was in the DOM (the MutationObserver's callback). */
  dom: number;
  /** After the next animation frame (requestAnimationFrame, then a task): the frame has been painted. */
  paint: number | null;
}
export interface ProbeGuidance {
  at: number;
  state: string;
  text: string;
}
export interface ProbeState {
  timeOrigin: number;
  inputs: ProbeInput[];
  marks: ProbeMark[];
  guidance: ProbeGuidance[];
  model: { at: number; loadMs: number; backend: string } | null;
  frames: Array<{ at: number; ms: number; faces: number }>;
}

/** Elements whose appearance ends a wait, besides each step's root (named `step:<id>`). */
export const WATCHED = [
  '[data-action^="document-"]',
  '[data-field="sms-code"]',
  '[data-field="portrait"]',
  '[data-message="exempt"]',
  '[data-qr="payment"]',
  '[data-message="paid"]',
  '[data-device="printer"]',
] as const;

export const PROBE_SCRIPT = `(() => {
  const now = () => performance.timeOrigin + performance.now();
  const probe = { timeOrigin: performance.timeOrigin, inputs: [], marks: [], guidance: [], model: null, frames: [] };
  Object.defineProperty(window, '__probe', { value: probe });

  window.addEventListener('click', (event) => {
    const el = event.target instanceof Element ? event.target.closest('[data-action],[data-key]') : null;
    if (!el) return;
    const what = el.hasAttribute('data-action') ? el.getAttribute('data-action') : 'key-' + el.getAttribute('data-key');
    probe.inputs.push({ at: now(), what });
  }, { capture: true });

  const WATCHED = ${JSON.stringify(WATCHED)};
  const seen = new Map();
  let stepEl = null;
  let guidance = '';
  function record(name, at) {
    const mark = { name, dom: at, paint: null };
    probe.marks.push(mark);
    requestAnimationFrame(() => setTimeout(() => { mark.paint = now(); }, 0));
  }
  function scan() {
    const at = now();
    const step = document.querySelector('[data-step]');
    if (step !== stepEl) {
      stepEl = step;
      if (step) record('step:' + step.getAttribute('data-step'), at);
    }
    for (const selector of WATCHED) {
      const el = document.querySelector(selector);
      const visible = el !== null && !el.closest('[hidden]');
      const shown = visible ? el : null;
      if (shown && shown !== seen.get(selector)) record(selector, at);
      seen.set(selector, shown);
    }
    const line = document.querySelector('[data-step] .guidance');
    const g = line ? (line.getAttribute('data-guidance') || '') + '|' + line.textContent : '';
    if (g !== guidance) {
      guidance = g;
      if (line) probe.guidance.push({ at, state: line.getAttribute('data-guidance') || '', text: line.textContent || '' });
    }
  }
  new MutationObserver(scan).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });

  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url, options) {
      super(url, options);
      this.addEventListener('message', (event) => {
        const value = event.data && event.data.value;
        if (!value || typeof value !== 'object') return;
        if (typeof value.loadMs === 'number') probe.model = { at: now(), loadMs: value.loadMs, backend: String(value.backend) };
        else if (typeof value.ms === 'number' && Array.isArray(value.faces)) probe.frames.push({ at: now(), ms: value.ms, faces: value.faces.length });
      });
    }
  };
})();`;
