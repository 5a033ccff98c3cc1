// The shipped Noto Sans for receipts printed as images. The files are inlined into this module,
// so the kiosk has them offline with its scripts (the service worker precaches scripts, not .woff);
// they weigh about 180 kB as base64, so import this module lazily, when a printer is set up.
// WOFF, not WOFF2: opentype.js reads WOFF only.
import latin from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff?inline';
import cyrillic from '@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff?inline';
import cyrillicExt from '@fontsource/noto-sans/files/noto-sans-cyrillic-ext-400-normal.woff?inline';
import latinExt from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff?inline';
import { ReceiptFont } from './receipt-font';

function bytesOf(dataUrl: string): ArrayBuffer {
  const binary = atob(dataUrl.slice(dataUrl.indexOf(',') + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

/** Searched in this order: Latin and digits, Cyrillic, the Kazakh letters (Ә Ғ Қ Ң Ө Ү Һ), the tenge sign. */
export function loadReceiptFont(): ReceiptFont {
  return ReceiptFont.parse([latin, cyrillic, cyrillicExt, latinExt].map(bytesOf));
}
