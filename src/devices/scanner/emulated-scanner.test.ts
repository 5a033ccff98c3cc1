import { describe, expect, it } from 'vitest';
import { EmulatedScanner } from './emulated-scanner.svelte';
import type { ScanEvent } from './scanner';

describe('EmulatedScanner', () => {
  it('delivers a typed code as a read while started, and drops it otherwise', async () => {
    const scanner = new EmulatedScanner(() => 42);
    const scans: ScanEvent[] = [];
    scanner.on('scan', (event) => scans.push(event));

    expect(scanner.scan('before')).toBe(false);
    await scanner.start();
    expect(scanner.listening).toBe(true);
    expect(scanner.scan('KZDOC1|850714300127|09|id_card')).toBe(true);
    await scanner.stop();
    expect(scanner.listening).toBe(false);
    expect(scanner.scan('after')).toBe(false);

    expect(scans).toEqual([{ text: 'KZDOC1|850714300127|09|id_card', source: 'emulated', at: 42 }]);
  });

  it('stops telling a listener that removed itself', async () => {
    const scanner = new EmulatedScanner();
    const seen: string[] = [];
    const off = scanner.on('scan', (event) => seen.push(`a:${event.text}`));
    scanner.on('scan', (event) => seen.push(`b:${event.text}`));
    await scanner.start();
    scanner.scan('1');
    off();
    scanner.scan('2');
    expect(seen).toEqual(['a:1', 'b:1', 'b:2']);
  });
});
