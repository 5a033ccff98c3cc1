import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as FaceApi from '@vladmandic/face-api/dist/face-api.node-wasm.js';
import type { RgbaImage } from './rgb-image';

/*
 * face-api's node-wasm build on tfjs's wasm backend: pure JavaScript + wasm, one thread, no native
 * binary to download (tfjs-node cannot install here). The wasm binaries and the weights are read
 * from node_modules — never from a CDN.
 */

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

export const MODEL_DIR = join(packageDir('@vladmandic/face-api'), 'model');
export const SAMPLE_DIR = join(packageDir('@vladmandic/face-api'), 'demo');

export type FaceApiModule = typeof FaceApi;

let ready: Promise<FaceApiModule> | undefined;

/** Loads the backend and the nets once per process. */
export function faceApi(): Promise<FaceApiModule> {
  ready ??= init();
  return ready;
}

async function init(): Promise<FaceApiModule> {
  const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApiModule;
  // The same tfjs instance face-api required; its typings for faceapi.tf leave these out.
  const tf = require('@tensorflow/tfjs') as typeof import('@tensorflow/tfjs');
  const wasm = require('@tensorflow/tfjs-backend-wasm') as typeof import('@tensorflow/tfjs-backend-wasm');
  wasm.setWasmPaths(join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm')), '/'));
  await tf.setBackend('wasm');
  await tf.ready();
  await Promise.all([
    faceapi.nets.ssdMobilenetv1.loadFromDisk(MODEL_DIR),
    faceapi.nets.faceLandmark68Net.loadFromDisk(MODEL_DIR),
    faceapi.nets.faceRecognitionNet.loadFromDisk(MODEL_DIR),
    faceapi.nets.faceExpressionNet.loadFromDisk(MODEL_DIR),
  ]);
  return faceapi;
}

/** An int32 [height, width, 3] tensor of the image; the caller disposes it. */
export function toTensor(faceapi: FaceApiModule, image: RgbaImage): FaceApi.tf.Tensor3D {
  const rgb = new Int32Array(image.width * image.height * 3);
  for (let i = 0, o = 0; i < image.data.length; i += 4, o += 3) {
    rgb[o] = image.data[i]!;
    rgb[o + 1] = image.data[i + 1]!;
    rgb[o + 2] = image.data[i + 2]!;
  }
  return faceapi.tf.tensor3d(rgb, [image.height, image.width, 3], 'int32');
}
