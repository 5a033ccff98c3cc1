import { Type, type Static, type TNumber } from '@sinclair/typebox';
import { Text } from './common';

/*
 * The ICAO photo measures of the frame the document portrait was cut from (src/biometrics/photo-quality.ts),
 * sent with the application so the back office can audit a portrait taken with no operator looking.
 * Names follow OFIQ (ISO/IEC 29794-5); the values are the kiosk's own measures, units in PHOTO_LIMITS.
 */

export const PHOTO_MEASURES = [
  'SingleFacePresent',
  'InterEyeDistance',
  'HeadSize',
  'CropOfTheFaceImage',
  'HeadPoseYaw',
  'HeadPosePitch',
  'HeadPoseRoll',
  'EyesOpen',
  'MouthClosed',
  'ExpressionNeutrality',
  'Luminance',
  'DynamicRange',
  'Sharpness',
  'BackgroundUniformity',
  'BackgroundLuminance',
] as const;

export type PhotoMeasure = (typeof PHOTO_MEASURES)[number];

const measureProperties = Object.fromEntries(PHOTO_MEASURES.map((name) => [name, Type.Number()])) as Record<PhotoMeasure, TNumber>;

export const PhotoQuality = Type.Object(
  {
    /** Which limits the portrait passed: PHOTO_LIMITS_VERSION. */
    limitsVersion: Text({ maxLength: 64 }),
    measures: Type.Object(measureProperties, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
export type PhotoQuality = Static<typeof PhotoQuality>;

/**
 * The portrait's JPEG is kept within this size (bytes); the kiosk lowers its quality until it fits.
 * A multiple of 3, so that the base64 length bound in the application's schema is exact.
 */
export const MAX_PORTRAIT_BYTES = 90_000;
