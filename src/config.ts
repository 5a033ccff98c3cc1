import type { ChallengeKind } from './biometrics/liveness';
import type { Lang } from './protocol';

/**
 * How this kiosk's devices are picked. In production a technician stores it (a later issue);
 * testers set it with the query string, e.g. ?profile=test. Who the terminal is and where it
 * stands come from its enrolment (src/flow/readiness.svelte.ts), not from here.
 */
export interface KioskConfig {
  /** `test` fixes what is random for a citizen (the liveness challenge) so tests are repeatable. */
  profile: 'emulated' | 'test';
  /** The liveness challenges a test profile fixes, in order; null draws them at random, as for a citizen. */
  challenges: ChallengeKind[] | null;
  /**
   * `?headset=1`: a tester listens as on headphones — each screen is said by itself and personal
   * data is said aloud — without a terminal's jack (src/speech/kiosk-speaker.svelte.ts).
   */
  headset: boolean;
}

const CENTRE_NAMES: Record<string, Record<Lang, string>> = {
  'AST-ESIL': {
    kk: 'Астана қ., Есіл ауданының ХҚКО',
    ru: 'ЦОН Есильского района г. Астаны',
    en: 'Astana, Esil district service centre',
  },
};

/** The centre's name for the receipt; a centre not listed here is printed by its code. */
export function centreName(centreId: string, lang: Lang): string {
  return CENTRE_NAMES[centreId]?.[lang] ?? centreId;
}

export function readConfig(search: string): KioskConfig {
  const params = new URLSearchParams(search);
  const profile = params.get('profile') === 'test' ? 'test' : 'emulated';
  return {
    profile,
    challenges: profile === 'test' ? fixedChallenges(params.get('challenges')) : null,
    headset: params.get('headset') === '1',
  };
}

const KINDS: readonly ChallengeKind[] = ['turn_left', 'turn_right', 'blink', 'smile'];
/** What the test videos show unless a test asks for others: a turn to the left, then to the right. */
const TEST_CHALLENGES: ChallengeKind[] = ['turn_left', 'turn_right'];

function fixedChallenges(value: string | null): ChallengeKind[] {
  const asked = (value ?? '').split(',').filter((k): k is ChallengeKind => (KINDS as readonly string[]).includes(k));
  return asked.length >= 2 && asked.length <= 3 && new Set(asked).size === asked.length ? asked : TEST_CHALLENGES;
}
