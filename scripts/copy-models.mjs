// Copies the face models and the tfjs wasm binaries from their npm packages into public/,
// so Vite serves them in dev and the service worker precaches them in the build.
// They are build output (git-ignored): weights are never committed.
import { cpSync, mkdirSync, readdirSync } from 'node:fs';

const NETS = ['tiny_face_detector', 'face_landmark_68', 'face_recognition', 'face_expression'];
const sources = [
  { from: 'node_modules/@vladmandic/face-api/model', to: 'public/models', keep: (f) => NETS.some((n) => f.startsWith(`${n}_model`)) },
  { from: 'node_modules/@tensorflow/tfjs-backend-wasm/dist', to: 'public/wasm', keep: (f) => f.endsWith('.wasm') },
];

for (const { from, to, keep } of sources) {
  mkdirSync(to, { recursive: true });
  for (const file of readdirSync(from).filter(keep)) cpSync(`${from}/${file}`, `${to}/${file}`);
}
