// One core's share of the clips: espeak-ng (WebAssembly) says each text, lamejs encodes it as MP3,
// written into the cache under its hash. Run by make-speech.ts in a worker thread.
import { Mp3Encoder } from '@breezystack/lamejs';
import init from '@echogarden/espeak-ng-emscripten';
import { renameSync, writeFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { SAMPLE_RATE, type SpeechSettings, type SynthJob, type SynthResult } from './speech-settings';


/** The voice alone: espeak-ng's leading and trailing silence cut to `padMs`, so clips said in a row do not drag. */
export function trimSilence(samples: Float32Array, padMs: readonly [number, number]): Float32Array {
  const loud = (x: number) => Math.abs(x) > 0.004;
  const first = samples.findIndex(loud);
  if (first < 0) return samples.subarray(0, 0);
  const last = samples.findLastIndex(loud);
  const pad = (ms: number) => Math.round((ms / 1000) * SAMPLE_RATE);
  return samples.subarray(Math.max(0, first - pad(padMs[0])), Math.min(samples.length, last + 1 + pad(padMs[1])));
}

export function encodeMp3(samples: Float32Array, kbps: number): Uint8Array {
  const encoder = new Mp3Encoder(1, SAMPLE_RATE, kbps);
  const pcm = Int16Array.from(samples, (x) => Math.round(Math.max(-1, Math.min(1, x)) * 32_767));
  // lamejs hands back Int8Arrays whatever its types say: read as bytes.
  const bytes = (chunk: ArrayBufferView) => new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < pcm.length; i += 1152) chunks.push(bytes(encoder.encodeBuffer(pcm.subarray(i, i + 1152))));
  chunks.push(bytes(encoder.flush()));
  return Buffer.concat(chunks);
}

async function run(jobs: SynthJob[], settings: SpeechSettings): Promise<void> {
  const worker = new (await init()).eSpeakNGWorker();
  let voice = '';
  for (const job of jobs) {
    if (job.voice !== voice) {
      worker.set_voice(job.voice);
      worker.set_rate(settings.rate);
      voice = job.voice;
    }
    const chunks: Float32Array[] = [];
    // The samples are a view of the WebAssembly memory: copied before espeak-ng writes the next ones.
    worker.synthesize(job.spoken, (samples) => {
      if (samples && samples.length > 0) chunks.push(new Float32Array(samples));
    });
    const all = new Float32Array(chunks.reduce((n, c) => n + c.length, 0));
    chunks.reduce((at, c) => (all.set(c, at), at + c.length), 0);
    const voiced = trimSilence(all, settings.padMs);
    const mp3 = voiced.length === 0 ? new Uint8Array(0) : encodeMp3(voiced, settings.kbps);
    // Written whole or not at all: a build stopped half way leaves no broken clip in the cache.
    const partial = `${job.path}.${process.pid}.part`;
    writeFileSync(partial, mp3);
    renameSync(partial, job.path);
    parentPort?.postMessage({ path: job.path, seconds: voiced.length / SAMPLE_RATE, bytes: mp3.length } satisfies SynthResult);
  }
}

if (parentPort && workerData) {
  const { jobs, settings } = workerData as { jobs: SynthJob[]; settings: SpeechSettings };
  await run(jobs, settings);
}
