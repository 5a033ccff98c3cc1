const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const JPEG_MAGIC = [0xff, 0xd8, 0xff];
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Whether a base64 string holds an image of the kind its field claims, judged by its first bytes. */
export function isBase64Image(base64: string, kind: 'jpeg' | 'png'): boolean {
  if (!BASE64.test(base64)) return false;
  const magic = kind === 'jpeg' ? JPEG_MAGIC : PNG_MAGIC;
  const head = Buffer.from(base64.slice(0, 12), 'base64');
  return magic.every((byte, i) => head[i] === byte);
}
