import { describe, expect, it } from 'vitest';
import { openInOwnSchema, TEST_DATABASE_URL } from './test-database';

describe.skipIf(!TEST_DATABASE_URL)('the back office on PostgreSQL', () => {
  it('turns JIT off on every connection, even under a DATABASE_URL that sets its own options', async () => {
    // openInOwnSchema's URL carries `options=-c search_path=…`, as a deployment's may.
    const db = await openInOwnSchema(TEST_DATABASE_URL!, 'jit');
    try {
      const settings = await Promise.all(Array.from({ length: 4 }, () => db.query<{ jit: string }>('SHOW jit')));
      expect(settings.map((s) => s.rows[0]!.jit)).toEqual(['off', 'off', 'off', 'off']);
    } finally {
      await db.close();
    }
  }, 60_000);
});
