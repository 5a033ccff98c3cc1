import type { Queryable } from '../db/database';
import type { MobileCitizensBase } from './bmg';

export class SandboxBmg implements MobileCitizensBase {
  constructor(private readonly db: Queryable) {}

  async phoneFor(iin: string): Promise<string | null> {
    const { rows } = await this.db.query<{ phone: string }>('SELECT phone FROM bmg_phones WHERE iin = $1', [iin]);
    return rows[0]?.phone ?? null;
  }
}
