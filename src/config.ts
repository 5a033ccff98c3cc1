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
  return {
    terminalId,
    centreId,
    centreName: CENTRE_NAMES[centreId] ?? { kk: centreId, ru: centreId, en: centreId },
    profile: params.get('profile') === 'test' ? 'test' : 'emulated',
  };
}
