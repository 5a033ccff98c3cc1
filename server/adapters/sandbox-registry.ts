import type { RegistryPerson } from '../../src/domain/registry-person';
import type { Queryable } from '../db/database';
import type { PopulationRegistry } from './registry';

/** The registry's rules over synthetic citizens kept in the back office's own database. */
export class SandboxRegistry implements PopulationRegistry {
  constructor(private readonly db: Queryable) {}

  async findPerson(iin: string): Promise<RegistryPerson | null> {
    const { rows } = await this.db.query<{ person: RegistryPerson }>(
      'SELECT person FROM registry_persons WHERE iin = $1',
      [iin],
    );
    return rows[0]?.person ?? null;
  }

  async referenceDescriptor(iin: string): Promise<number[] | null> {
    const { rows } = await this.db.query<{ descriptor: number[] }>(
      `SELECT f.descriptor FROM registry_persons p JOIN registry_faces f ON f.face_id = p.face_id WHERE p.iin = $1`,
      [iin],
    );
    return rows[0]?.descriptor ?? null;
  }

  async referencePhoto(iin: string): Promise<Uint8Array | null> {
    const { rows } = await this.db.query<{ jpeg: Uint8Array }>(
      `SELECT f.jpeg FROM registry_persons p JOIN registry_faces f ON f.face_id = p.face_id WHERE p.iin = $1`,
      [iin],
    );
    return rows[0]?.jpeg ?? null;
  }

  async count(): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM registry_persons');
    return rows[0]?.n ?? 0;
  }
}
