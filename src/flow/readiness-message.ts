import type { MessageKey } from '../i18n';
import type { OutOfOrder } from './readiness.svelte';

/**
 * The sentence under "this terminal is not working" that names what is wrong, so the citizen (and
 * the staff member they fetch) knows whether to look at the network, a device, or the terminal's
 * set-up. A device fault names the device, and paper or an open cover say what to do with it; a
 * code no device gives yet falls back on the general sentence.
 */
export function outOfOrderMessage(reason: OutOfOrder, deviceFault: string | null): MessageKey {
  if (reason !== 'device_fault') return `outOfOrder.${reason}`;
  return DEVICE_FAULT_MESSAGES.get(deviceFault ?? '') ?? 'outOfOrder.device_fault';
}

/** By the codes src/devices/ gives (printer-status.ts, user-media-camera.ts, create-signature-pad.ts, devices.ts). */
const DEVICE_FAULT_MESSAGES: ReadonlyMap<string, MessageKey> = new Map(
  Object.entries({
  paper_out: 'outOfOrder.device.paper_out',
  cover_open: 'outOfOrder.device.cover_open',
  printer_missing: 'outOfOrder.device.printer',
  printer_offline: 'outOfOrder.device.printer',
  printer_failed: 'outOfOrder.device.printer',
  camera_missing: 'outOfOrder.device.camera',
  camera_denied: 'outOfOrder.device.camera',
  camera_failed: 'outOfOrder.device.camera',
  pad_missing: 'outOfOrder.device.pad',
  pad_failed: 'outOfOrder.device.pad',
  pad_unsupported: 'outOfOrder.device.pad',
  profile_invalid: 'outOfOrder.device.profile',
  } satisfies Record<string, MessageKey>),
);
