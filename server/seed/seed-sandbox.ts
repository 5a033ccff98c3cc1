import type { Database } from '../db/database';
import { buildSeedCitizens } from './citizens';
import type { FaceSource } from './faces';

// Any constant will do: two processes starting at once on one PostgreSQL seed it only once.
const SEED_LOCK = 4_711_018;

/**
 * Fills the sandbox registry, БМГ and registry photos on first start: does nothing when the
 * registry already has people. Returns how many citizens were added.
 */
export async function seedSandbox(db: Database, options: { today: string; faces: FaceSource }): Promise<number> {
  const empty = async () =>
    ((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM registry_persons')).rows[0]?.n ?? 0) === 0;
  if (!(await empty())) return 0;
  // The faces take seconds to compute, so they are loaded before the transaction, not inside it.
  const faces = await options.faces();
  const citizens = buildSeedCitizens(options.today);
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
    const { rows } = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM registry_persons');
    if ((rows[0]?.n ?? 0) > 0) return 0;
    for (const face of faces) {
      await tx.query(
        `INSERT INTO registry_faces (face_id, jpeg, descriptor) VALUES ($1, decode($2, 'base64'), $3)
         ON CONFLICT (face_id) DO UPDATE SET jpeg = EXCLUDED.jpeg, descriptor = EXCLUDED.descriptor`,
        [face.faceId, Buffer.from(face.jpeg).toString('base64'), JSON.stringify(face.descriptor)],
      );
    }
    for (const citizen of citizens) {
      await tx.query('INSERT INTO registry_persons (iin, person, face_id) VALUES ($1, $2, $3)', [
        citizen.person.iin,
        JSON.stringify(citizen.person),
        citizen.faceId,
      ]);
      if (citizen.bmgPhone !== null) {
        await tx.query('INSERT INTO bmg_phones (iin, phone) VALUES ($1, $2)', [citizen.person.iin, citizen.bmgPhone]);
      }
    }
    return citizens.length;
  });
}
