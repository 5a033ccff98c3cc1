import { describe, expect, it } from 'vitest';
import { ConsoleError } from './api';
import { changeThenReload } from './page-change';

describe('changeThenReload', () => {
  const page = () => {
    const seen: string[] = [];
    const p = { busy: false, load: async () => void seen.push(`load busy=${p.busy}`) };
    return { p, seen };
  };

  it('is busy while the change is sent, then reads the list again', async () => {
    const { p, seen } = page();
    const result = await changeThenReload(p, async () => void seen.push(`send busy=${p.busy}`));
    expect(result).toBeNull();
    expect(seen).toEqual(['send busy=true', 'load busy=true']);
    expect(p.busy).toBe(false);
  });

  it('returns the back office\'s refusal as it is, anything else as `server`, and reads nothing again', async () => {
    const { p, seen } = page();
    const refused = new ConsoleError('version_conflict', 409);
    expect(await changeThenReload(p, () => Promise.reject(refused))).toBe(refused);
    expect((await changeThenReload(p, () => Promise.reject(new TypeError('boom'))))?.code).toBe('server');
    expect(seen).toEqual([]);
    expect(p.busy).toBe(false);
  });
});
