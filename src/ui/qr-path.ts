import { encode } from 'uqr';

/**
 * A QR code as one SVG path of unit squares, with the quiet zone the standard asks for.
 * Drawn by Svelte from data, so no markup from a library is injected into the page.
 */
export function qrPath(payload: string, quietZone = 4): { size: number; d: string } {
  const { data, size } = encode(payload, { border: 0 });
  let d = '';
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) d += `M${x + quietZone} ${y + quietZone}h1v1h-1z`;
    }),
  );
  return { size: size + 2 * quietZone, d };
}
