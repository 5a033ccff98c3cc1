import type { ChallengeKind } from './biometrics/challenge';
import type { Lang } from './protocol';

/**
 * Where this terminal stands and how its devices are picked. In production a technician stores it
 * (a later issue); testers set it with the query string, e.g. ?profile=test&terminal=T-0042.
 */
export interface KioskConfig {
  terminalId: string;
  centreId: string;
  centreName: Record<Lang, string>;
  /** `test` fixes what is random for a citizen (the liveness challenge) so tests are repeatable. */
  profile: 'emulated' | 'test';
  /** The liveness challenge a test profile fixes; null draws one at random, as for a citizen. */
  challenge: ChallengeKind | null;
}

const CENTRE_NAMES: Record<string, Record<Lang, string>> = {
  'AST-ESIL': {
    kk: 'Астана қ., Есіл ауданының ХҚКО',
    ru: 'ЦОН Есильского района г. Астаны',
    en: 'Astana, Esil district service centre',
  },
};

export function readConfig(search: string): KioskConfig {
  const params = new URLSearchParams(search);
  const terminalId = params.get('terminal')?.match(/^[A-Z0-9-]{1,32}$/)?.[0] ?? 'T-0001';
  const centreId = 'AST-ESIL';
  const profile = params.get('profile') === 'test' ? 'test' : 'emulated';
  return {
    terminalId,
    centreId,
    centreName: CENTRE_NAMES[centreId] ?? { kk: centreId, ru: centreId, en: centreId },
    profile,
    challenge: profile === 'test' ? fixedChallenge(params.get('challenge')) : null,
  };
}

function fixedChallenge(value: string | null): ChallengeKind {
  return value === 'turn_right' ? 'turn_right' : 'turn_left';
}
