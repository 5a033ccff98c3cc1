import { describe, expect, it } from 'vitest';
import { loadRegistryFaces, PORTRAIT_HEIGHT, PORTRAIT_WIDTH } from './registry-faces';
import { decodeJpeg } from './rgb-image';
import { FACE_MATCH_THRESHOLD, faceDistance } from '../../src/biometrics/face-match';

// Uses the shared cache; the first run on a machine extracts the faces (~15 s on two cores).
describe('loadRegistryFaces', () => {
  it('cuts many different single faces out of the sample photos, best first', { timeout: 120_000 }, async () => {
    const faces = await loadRegistryFaces();
    expect(faces.length).toBeGreaterThanOrEqual(15);
    expect(faces.map((f) => f.faceId)).toEqual(faces.map((_, i) => `f${String(i + 1).padStart(2, '0')}`));
    const scores = faces.map((f) => f.frontalScore);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const face of faces) {
      const image = decodeJpeg(face.jpeg);
      expect([image.width, image.height]).toEqual([PORTRAIT_WIDTH, PORTRAIT_HEIGHT]);
      expect(face.descriptor).toHaveLength(128);
    }
    // Different people: no two registry faces match each other, but for f03 and f08, who look like
    // one woman in two photos (docs/biometrics.md, FACE_MATCH_THRESHOLD).
    const matches = faces.flatMap((a, i) =>
      faces.slice(i + 1).flatMap((b) => (faceDistance(a.descriptor, b.descriptor) < FACE_MATCH_THRESHOLD ? [`${a.faceId}–${b.faceId}`] : [])),
    );
    expect(matches).toEqual(['f03–f08']);
  });

  it('gives the same faces again from its cache', { timeout: 120_000 }, async () => {
    const [first, second] = [await loadRegistryFaces(), await loadRegistryFaces()];
    expect(second.map((f) => [f.faceId, f.sourcePhoto, f.box])).toEqual(first.map((f) => [f.faceId, f.sourcePhoto, f.box]));
  });
});
