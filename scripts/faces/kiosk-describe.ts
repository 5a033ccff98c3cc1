import { faceApi, MODEL_DIR, toTensor } from '../../server/face/face-api-node';
import type { RgbaImage } from '../../server/face/rgb-image';
import type { Point } from '../../src/biometrics/face-analysis';
import { estimateYaw } from '../../src/biometrics/head-pose';

/*
 * A camera frame described as the kiosk's face worker (src/workers/face.worker.ts) does it:
 * TinyFaceDetector at 224, the 68 landmarks, the descriptor of the aligned face, and only when
 * exactly one face shows. The registry references are made with SSD (server/face/registry-faces.ts);
 * here the detector must be the kiosk's, since it decides the crop the descriptor sees.
 */

const DETECTOR = { inputSize: 224, scoreThreshold: 0.5 } as const;

export interface KioskDescriptor {
  descriptor: number[];
  /** estimateYaw on the frame's landmarks: > 0 turned to the person's own left. */
  yaw: number;
}

let tinyLoaded: Promise<void> | undefined;

export async function describeLikeKiosk(image: RgbaImage): Promise<KioskDescriptor | null> {
  const faceapi = await faceApi();
  tinyLoaded ??= faceapi.nets.tinyFaceDetector.loadFromDisk(MODEL_DIR);
  await tinyLoaded;
  const tensor = toTensor(faceapi, image);
  try {
    const found = await faceapi
      .detectAllFaces(tensor, new faceapi.TinyFaceDetectorOptions(DETECTOR))
      .withFaceLandmarks()
      .withFaceDescriptors();
    const only = found.length === 1 ? found[0] : undefined;
    if (!only) return null;
    const landmarks = only.landmarks.positions.map((p): Point => [p.x, p.y]);
    return { descriptor: Array.from(only.descriptor), yaw: estimateYaw(landmarks) };
  } finally {
    tensor.dispose();
  }
}
