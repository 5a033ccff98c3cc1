import type { SignatureDriver } from '../profile';
import { browserHid, type Hid } from '../scanner/hid';
import type { SignaturePad, SignaturePadErrorCode } from './signature-pad';
import { TouchSignaturePad } from './touch-signature-pad';
import { grantedPenPads, WebHidSignaturePad } from './webhid-signature-pad';

/** The pad the profile names; the kiosk attaches it to the signature step's canvas. */
export function createSignaturePad(driver: SignatureDriver): SignaturePad {
  return driver === 'webhid' ? new WebHidSignaturePad() : new TouchSignaturePad();
}

/**
 * For the start screen's check: `pad_missing` when the profile names a pad and none is granted, so
 * the terminal stops before a citizen starts rather than at the signature. The touchscreen is always there.
 */
export async function checkSignaturePad(
  driver: SignatureDriver,
  options: { hid?: Hid | undefined } = {},
): Promise<Extract<SignaturePadErrorCode, 'pad_missing'> | null> {
  if (driver === 'touch') return null;
  const hid = 'hid' in options ? options.hid : browserHid();
  // A WebHID that fails to list its devices has no pad to offer either.
  const pads = await grantedPenPads(hid).catch(() => []);
  return pads.length > 0 ? null : 'pad_missing';
}
