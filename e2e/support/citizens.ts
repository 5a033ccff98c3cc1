// The sandbox registry's citizens, built by the same code that seeds the back office, so a spec
// names a citizen by what they show ('service-18', 'refusal-deceased') and never copies an IIN.
import { buildSeedCitizens, NOT_FOUND_IIN, type SeedCitizen } from '../../server/seed/citizens';
import { E2E_DAY } from './kiosk-clock';

// The back office seeds them on its own today, which is the e2e run's fixed day.
const citizens = buildSeedCitizens(E2E_DAY);

export function citizen(tag: string): SeedCitizen {
  const found = citizens.find((c) => c.tag === tag);
  if (!found) throw new Error(`no seeded citizen tagged ${tag}`);
  return found;
}

/** The ten digits a citizen types after the fixed +7. */
export function phoneDigits(c: SeedCitizen): string {
  return c.phoneToType.slice(2);
}

export { NOT_FOUND_IIN };
