import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../console/audit-query';

const SERVER = new URL('..', import.meta.url).pathname;

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = await Promise.all(
    entries.map((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [])),
  );
  return files.flat();
}

// The console's audit page says each action in words (console/i18n, `action.*`) and offers it as a
// filter: an action a route starts writing must join console/audit-query.ts AUDIT_ACTIONS, or the
// admin reads a bare code.
describe('audited actions', () => {
  it('are each known to the console', async () => {
    const written = new Set<string>();
    for (const file of await sources(SERVER)) {
      const text = await readFile(file, 'utf8');
      // Files that write the audit log; `action:` elsewhere is another log's (the technician's).
      if (!/auditLog|AuditLog/.test(text)) continue;
      for (const m of text.matchAll(/\baction: '([a-z_]+)'/g)) written.add(m[1]!);
    }
    expect(written.size).toBeGreaterThan(5);
    expect([...written].filter((action) => !(AUDIT_ACTIONS as readonly string[]).includes(action))).toEqual([]);
  });
});
