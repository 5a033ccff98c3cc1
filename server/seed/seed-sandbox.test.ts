import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import { openTestDatabase } from '../db/test-database';
import { syntheticFaces } from '../test-support';
import { buildSeedCitizens } from './citizens';
import { loadRealRegistryFaces } from './faces';
import { seedSandbox } from './seed-sandbox';

const today = '2026-03-02';

describe('seeding the sandbox', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
  }, 60_000);
  afterAll(() => db.close(), 60_000);

  it('fills the registry, the БМГ and the registry photos once', async () => {
    const citizens = buildSeedCitizens(today);
    expect(await seedSandbox(db, { today, faces: syntheticFaces })).toBe(citizens.length);
    const count = async (table: string) => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]?.n;
    expect(await count('registry_persons')).toBe(citizens.length);
    expect(await count('bmg_phones')).toBe(citizens.filter((c) => c.bmgPhone !== null).length);
    expect(await count('registry_faces')).toBe(22);

    expect(await seedSandbox(db, { today: '2026-04-01', faces: syntheticFaces })).toBe(0);
    expect(await count('registry_persons')).toBe(citizens.length);
  });

  it('stores each person as the registry returns them, with their face', async () => {
    const [first] = buildSeedCitizens(today);
    const { rows } = await db.query<{ person: unknown; face_id: string }>('SELECT person, face_id FROM registry_persons WHERE iin = $1', [
      first!.person.iin,
    ]);
    expect(rows[0]).toEqual({ person: first!.person, face_id: first!.faceId });
  });
});

// Computing real descriptors loads the face models and takes tens of seconds; it runs when the face cutter is there.
describe.skipIf(!existsSync(new URL('../face/registry-faces.ts', import.meta.url)))('seeding with the real registry faces', () => {
  it('gives every e2e citizen a real 128-number reference descriptor', async () => {
    const db = await openTestDatabase();
    try {
      await seedSandbox(db, { today, faces: loadRealRegistryFaces });
      const { rows } = await db.query<{ face_id: string; descriptor: number[]; jpeg: Uint8Array }>(
        'SELECT face_id, descriptor, jpeg FROM registry_faces ORDER BY face_id',
      );
      const ids = rows.map((r) => r.face_id);
      for (const id of new Set(buildSeedCitizens(today).map((c) => c.faceId).filter((id) => id !== null))) expect(ids).toContain(id);
      for (const row of rows) {
        expect(row.descriptor).toHaveLength(128);
        expect([...new Uint8Array(row.jpeg).slice(0, 2)]).toEqual([0xff, 0xd8]);
      }
    } finally {
      await db.close();
    }
  }, 600_000);
});
