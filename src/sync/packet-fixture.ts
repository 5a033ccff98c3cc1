// A finished application as the kiosk seals it, valid per ApplicationPayload, and the evidence in
// it, for tests on both sides (kiosk and back office). Not imported by the kiosk's code.
import { RECORDED_COLOUR } from '../biometrics/colour-fixture';
import { DESCRIPTOR_LENGTH } from '../protocol/identify';
import type { LivenessEvidence } from '../protocol/liveness';
import type { ApplicationPayload, SealedPacket } from '../protocol/packets';
import type { PhotoQuality } from '../protocol/photo-quality';

/** A real 2×2 grey JPEG (612 bytes, from jpeg-js). */
export const TINY_JPEG_BASE64 =
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wCEABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2MBERISGBUYLxoaL2NCOEJjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY//AABEIAAIAAgMBEQACEQEDEQH/xAGiAAABBQEBAQEBAQAAAAAAAAAAAQIDBAUGBwgJCgsQAAIBAwMCBAMFBQQEAAABfQECAwAEEQUSITFBBhNRYQcicRQygZGhCCNCscEVUtHwJDNicoIJChYXGBkaJSYnKCkqNDU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6g4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2drh4uPk5ebn6Onq8fLz9PX29/j5+gEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoLEQACAQIEBAMEBwUEBAABAncAAQIDEQQFITEGEkFRB2FxEyIygQgUQpGhscEJIzNS8BVictEKFiQ04SXxFxgZGiYnKCkqNTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqCg4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2dri4+Tl5ufo6ery8/T19vf4+fr/2gAMAwEAAhEDEQA/AOkoA//Z';

/** A 1×1 PNG. */
export const TINY_PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** Evidence of a liveness sequence the kiosk passed: two turns, as the test device profile asks. */
export const PASSED_LIVENESS: LivenessEvidence = {
  thresholdsVersion: 'liveness-2026-11-25.2',
  status: 'passed',
  reason: null,
  durationMs: 6400,
  frameCount: 128,
  fps: 20,
  challenges: [
    { kind: 'turn_left', outcome: 'passed', startMs: 700, endMs: 3100, peak: 21.4, parallax: 0.07 },
    { kind: 'turn_right', outcome: 'passed', startMs: 3100, endMs: 6400, peak: 19.2, parallax: 0.06 },
  ],
  passive: {
    longestFrozenMs: 90,
    identicalShare: 0.1,
    medianJitter: 0.012,
    repeatedFrames: 0,
    descriptorsCompared: 6,
    maxIdentityDistance: 0.18,
    maxFaces: 1,
    longestFaceGapMs: 0,
  },
  colour: RECORDED_COLOUR[0]!.evidence,
  pose: { yaw: [-20.5, 22.1], pitch: [-3, 4.2], roll: [-2, 2] },
};

/** The ICAO measures of a portrait that passed every limit, as the kiosk sends them. */
export const PASSED_PHOTO_QUALITY: PhotoQuality = {
  limitsVersion: 'photo-2026-11-25.1',
  measures: {
    SingleFacePresent: 1,
    InterEyeDistance: 84.2,
    HeadSize: 0.75,
    CropOfTheFaceImage: 0.0012,
    HeadPoseYaw: 1.8,
    HeadPosePitch: -2.4,
    HeadPoseRoll: 0.9,
    EyesOpen: 0.31,
    MouthClosed: 0.04,
    ExpressionNeutrality: 0.93,
    Luminance: 137.2,
    DynamicRange: 112.5,
    Sharpness: 41.3,
    BackgroundUniformity: 0.2,
    BackgroundLuminance: 233.6,
  },
};

/**
 * A fresh payload each call. The default number is applicationNumber(id) and the IIN has a valid
 * control digit; a test that overrides `id` and cares about the number overrides `number` too.
 */
export function makeApplicationPayload(application: Partial<ApplicationPayload['application']> = {}): ApplicationPayload {
  return {
    application: {
      id: '0f4c1b7e-2d3a-4b6c-9e8f-1a2b3c4d5e6f',
      number: '1X61-PZHD-795P',
      iin: '880415300127',
      service: '04',
      document: 'id_card',
      lang: 'kk',
      phone: '+77011234567',
      centreId: 'ALA-01',
      terminalId: 'KSK-ALA-0001',
      test: true,
      createdAt: '2026-03-02T10:15:30.123+05:00',
      feeTiyn: 250_000,
      paymentId: null,
      ...application,
    },
    online: { phoneToken: null, identityToken: null },
    face: {
      // Float32 values, as face-api gives them, so JSON has to carry long decimals.
      descriptor: Array.from({ length: DESCRIPTOR_LENGTH }, (_, i) => Math.fround(Math.sin(i * 0.7) * 0.2)),
      liveness: PASSED_LIVENESS,
    },
    photo: {
      jpeg: TINY_JPEG_BASE64,
      quality: PASSED_PHOTO_QUALITY,
    },
    signaturePng: TINY_PNG_BASE64,
  };
}

const FAKE_JWK = { kty: 'EC', crv: 'P-256', x: 'x'.repeat(43), y: 'y'.repeat(43) } as const;

/** The application id of the fake packet with this seq. */
export function fakeApplicationId(seq: number): string {
  return `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`;
}

/** Shaped as on the wire, for tests of the outbox and the drain, which never open or check the crypto. */
export function fakePacket(seq: number): SealedPacket {
  return {
    v: 1,
    terminalId: 'KIOSK-1',
    applicationId: fakeApplicationId(seq),
    seq,
    sealedAt: '2025-01-01T10:00:00Z',
    epk: FAKE_JWK,
    iv: 'i'.repeat(16),
    ciphertext: `c${seq}`,
    signature: 's'.repeat(86),
  };
}
