// The pilot's centres and terminals: ~20 of the seeded centres, one per region first, and the
// terminals enrolled in them. Terminal k always stands in the same centre with the same name, so
// seeding 500 after 60 adds terminals 61…500 and leaves the first 60 as they were.
import type { CentreHours } from './pilot-calendar';
import { randomFor } from './pilot-random';

export interface PilotCentre {
  id: string;
  region: string;
  nameRu: string;
  hours: CentreHours;
}

export interface PilotTerminal {
  /** 0-based: the key of its draws. */
  index: number;
  terminalId: string;
  name: string;
  centre: PilotCentre;
  /** How busy its hall is compared with an ordinary one (a city centre's entrance, a district's corner). */
  busy: number;
  /** Days after the first seeded day that it was enrolled: the pilot grew over its first weeks. */
  enrolDelayDays: number;
}

export const PILOT_CENTRES = 20;

/** Round-robin over regions (by region, then centre id) until `count` centres: every region before a second centre in one. */
export function pickPilotCentres(centres: readonly PilotCentre[], count = PILOT_CENTRES): PilotCentre[] {
  const byRegion = new Map<string, PilotCentre[]>();
  for (const c of [...centres].sort((a, b) => a.id.localeCompare(b.id))) byRegion.set(c.region, [...(byRegion.get(c.region) ?? []), c]);
  const regions = [...byRegion.keys()].sort();
  const picked: PilotCentre[] = [];
  for (let round = 0; picked.length < count; round++) {
    let added = false;
    for (const region of regions) {
      const centre = byRegion.get(region)![round];
      if (centre && picked.length < count) {
        picked.push(centre);
        added = true;
      }
    }
    if (!added) break;
  }
  return picked;
}

/** The i-th terminal of `centres` (round-robin, so every centre gets its share as the fleet grows). */
export function pilotTerminal(seed: number, centres: readonly PilotCentre[], index: number): PilotTerminal {
  if (centres.length === 0) throw new RangeError('no centres to put pilot terminals in');
  const centre = centres[index % centres.length]!;
  const number = Math.floor(index / centres.length) + 1;
  const random = randomFor(seed, index, 0x7e);
  return {
    index,
    terminalId: `${centre.id}-K${String(number).padStart(2, '0')}`,
    name: `${centre.nameRu}, киоск ${number}`.slice(0, 80),
    centre,
    busy: 0.55 + random() * 1.0,
    // Most stood from the first day; a few came later, at most three months in.
    enrolDelayDays: random() < 0.8 ? 0 : Math.floor(random() * 90),
  };
}

export function pilotTerminals(seed: number, centres: readonly PilotCentre[], count: number): PilotTerminal[] {
  return Array.from({ length: count }, (_, i) => pilotTerminal(seed, centres, i));
}
