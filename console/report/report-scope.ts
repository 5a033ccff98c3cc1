// The scopes a staff member may ask the weekly report for (GET /api/v1/staff/reports/weekly), and
// the choices the scope picker offers, from the lists the console already reads: branches and
// centres (any staff member), the fleet (a supervisor's or an admin's). A supervisor's report stays
// in their branch, as the route enforces: the picker offers nothing the back office would refuse.
import type { Lang } from '../../src/protocol/common';
import type { StaffMember } from '../../src/protocol/staff';

export const SCOPE_KINDS = ['country', 'region', 'branch', 'centre', 'terminal'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];
export type Scope = { kind: 'country' } | { kind: Exclude<ScopeKind, 'country'>; id: string };

/** As src/protocol/weekly-report.ts ReportScope. */
const SCOPE = /^(country|(region|branch|centre|terminal):([A-Za-z0-9_-]{1,32}))$/;

export function parseScope(text: string): Scope | null {
  const match = SCOPE.exec(text);
  if (!match) return null;
  if (match[1] === 'country') return { kind: 'country' };
  return { kind: match[2] as Exclude<ScopeKind, 'country'>, id: match[3]! };
}

export function formatScope(scope: Scope): string {
  return scope.kind === 'country' ? 'country' : `${scope.kind}:${scope.id}`;
}

type Named = { nameRu: string; nameKk: string };
export type ScopeLists = {
  branches: ReadonlyArray<Named & { id: string; region: string }>;
  centres: ReadonlyArray<Named & { id: string; branchId: string }>;
  /** The fleet where the staff member may read it; null for an analyst, who types a terminal's code. */
  terminals: ReadonlyArray<{ terminalId: string; centreId: string; name: string | null }> | null;
};
export type ScopeChoice = { value: string; label: string };
type Who = Pick<StaffMember, 'role' | 'branchId'>;

/** Names in the console's language; the directory has no English names, so English reads Russian. */
const nameIn = (lang: Lang, named: Named) => (lang === 'kk' ? named.nameKk : named.nameRu);

const ownBranch = (who: Who, lists: ScopeLists) => (who.role === 'supervisor' ? lists.branches.filter((b) => b.id === who.branchId) : lists.branches);

export function scopeKinds(who: Who): readonly ScopeKind[] {
  return who.role === 'supervisor' ? SCOPE_KINDS.filter((kind) => kind !== 'country') : SCOPE_KINDS;
}

/** The scopes of one kind the picker lists, by name; the terminal kind lists none for an analyst. */
export function scopeChoices(lang: Lang, who: Who, lists: ScopeLists, kind: ScopeKind): ScopeChoice[] {
  const branches = ownBranch(who, lists);
  const branchIds = branches.map((b) => b.id);
  const byLabel = (a: ScopeChoice, b: ScopeChoice) => a.label.localeCompare(b.label, lang);
  switch (kind) {
    case 'country':
      return who.role === 'supervisor' ? [] : [{ value: 'country', label: '' }];
    case 'region':
      // One branch a region (migration 0012): the region reads as the code with its branch's name.
      return branches.map((b) => ({ value: `region:${b.region}`, label: `${b.region} — ${nameIn(lang, b)}` })).sort(byLabel);
    case 'branch':
      return branches.map((b) => ({ value: `branch:${b.id}`, label: nameIn(lang, b) })).sort(byLabel);
    case 'centre':
      return lists.centres.filter((c) => branchIds.includes(c.branchId)).map((c) => ({ value: `centre:${c.id}`, label: `${nameIn(lang, c)} (${c.id})` })).sort(byLabel);
    case 'terminal': {
      const centreIds = lists.centres.filter((c) => branchIds.includes(c.branchId)).map((c) => c.id);
      return (lists.terminals ?? [])
        .filter((t) => centreIds.includes(t.centreId))
        .map((t) => ({ value: `terminal:${t.terminalId}`, label: t.name ? `${t.terminalId} — ${t.name}` : t.terminalId }))
        .sort((a, b) => a.value.localeCompare(b.value));
    }
  }
}

/** Where the report opens: the country, or a supervisor's own branch. */
export function defaultScope(who: Who): string {
  return who.role === 'supervisor' && who.branchId ? `branch:${who.branchId}` : 'country';
}

/**
 * Whether a scope (from the page's address, say) is one this staff member may be shown. An analyst
 * or admin may type any terminal's code: the back office says if it has no such terminal.
 */
export function scopeAllowed(who: Who, lists: ScopeLists, text: string): boolean {
  const scope = parseScope(text);
  if (!scope) return false;
  if (who.role !== 'supervisor') return true;
  if (scope.kind === 'terminal' && lists.terminals === null) return false;
  return scopeChoices('ru', who, lists, scope.kind).some((choice) => choice.value === text);
}
