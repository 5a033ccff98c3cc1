// `npm run bench:speech`: what the audio guidance adds to the build — every clip made from an empty
// cache (a fresh machine, or new settings), then again with all of them cached (every later build),
// and the clips' size per language. Prints, last: cold_ms=<…> warm_ms=<…> total_bytes=<…>; writes its
// section of docs/benchmarks.md.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../e2e/support/paths';
import { LANGS } from '../src/i18n';
import { makeSpeech } from '../scripts/speech/make-speech';
import { writeSection } from './doc-section';
import { describeMachine, loadAverage, machineSection } from './machine';

const cache = mkdtempSync(join(tmpdir(), 'kiosk-speech-bench-'));
process.env.KIOSK_SPEECH_CACHE = cache;
try {
  const machine = describeMachine();
  const loadBefore = loadAverage();
  // CPU time of the whole process, worker threads included: on a shared machine the fairer figure.
  const cpuBefore = process.cpuUsage();
  const cold = await makeSpeech(REPO_ROOT);
  const cpu = process.cpuUsage(cpuBefore);
  const coldCpuMs = Math.round((cpu.user + cpu.system) / 1000);
  const loadAfter = loadAverage();
  const warm = await makeSpeech(REPO_ROOT);
  const rows = LANGS.map((lang) => {
    const files = [...new Set(Object.values(cold.manifest[lang]))];
    const bytes = files.reduce((sum, file) => sum + statSync(cold.files.get(file) ?? '').size, 0);
    return { lang, clips: files.length, bytes };
  });
  const total = rows.reduce((sum, r) => sum + r.bytes, 0);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  const table = ['| language | clips | size |', '|---|---:|---:|', ...rows.map((r) => `| ${r.lang} | ${r.clips} | ${kb(r.bytes)} |`), `| all | ${cold.files.size} | ${kb(total)} |`].join('\n');
  const last = `cold_ms=${cold.ms} cold_cpu_ms=${coldCpuMs} warm_ms=${warm.ms} total_bytes=${total}`;
  console.log(table);
  console.log(last);
  writeSection(
    join(REPO_ROOT, 'docs', 'benchmarks.md'),
    'speech',
    `## What the audio guidance adds to the build (\`npm run bench:speech\`)

Measured on ${machine.date}, load average ${loadBefore} before and ${loadAfter} after the cold run (the
machine is shared: wall time stretches with the load). Cold: every clip made by espeak-ng
(WebAssembly) and lamejs in two worker threads from an empty cache, as on a fresh machine or after a
change of voice, rate or bitrate; warm: the same build with every clip cached, as every later build
(only a changed message is made again). cold_cpu_ms is the CPU time of both cores together, the
figure to compare on a busy machine: on an idle 2-core one the cold wall time is about half of it.
Mono MP3, 22,050 Hz, 32 kbps (scripts/speech/speech-settings.ts).

${table}

\`\`\`
${last}
\`\`\`

The clips are precached by the service worker with the rest of the kiosk; the manifest the kiosk
imports (text → file) adds about 73 KB to its bundle before gzip.

${machineSection(machine, { browser: false, memory: false })}
`,
  );
} finally {
  rmSync(cache, { recursive: true, force: true });
}
