import { describe, expect, it } from 'vitest';
import { encode } from 'uqr';
import { qrPath } from './qr-path';

describe('qrPath', () => {
  it('draws one square per dark module inside a quiet zone of four', () => {
    const payload = '00020101021226';
    const { data, size } = encode(payload, { border: 0 });
    const dark = data.flat().filter(Boolean).length;
    const drawn = qrPath(payload);
    expect(drawn.size).toBe(size + 8);
    expect(drawn.d.match(/M/g)).toHaveLength(dark);
    // The top-left finder pattern's corner module is dark and sits after the quiet zone.
    expect(drawn.d.startsWith('M4 4h1v1h-1z')).toBe(true);
  });
});
