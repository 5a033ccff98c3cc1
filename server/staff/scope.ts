import type { StaffRole } from '../../src/protocol/staff';

/** The signed-in staff member a requireStaff route reads from `request.staff`. */
export interface StaffPrincipal {
  id: string;
  username: string;
  role: StaffRole;
  branchId: string | null;
  centreId: string | null;
}

/**
 * The centres whose applications and terminals a staff member may see one by one, as every query
 * of the console takes it (the applications list, the review queue, the fleet, terminal management):
 * - `'all'`: every centre (admin);
 * - a list: only these (operator: their centre; supervisor: the centres of their branch);
 * - the empty list: no single citizen's data at all (analyst, who sees aggregates only; police).
 * The branch's centres are read from the database by the caller (StaffRepository.centresOfBranch),
 * so this stays a pure rule.
 */
export type CentreScope = 'all' | readonly string[];

export function centreScope(staff: StaffPrincipal, centresOfBranch: readonly string[]): CentreScope {
  switch (staff.role) {
    case 'admin':
      return 'all';
    case 'analyst':
      return [];
    case 'police':
      // A police officer records and reads the branch's problems (server/problems/), never a citizen's application.
      return [];
    case 'supervisor':
      return [...centresOfBranch];
    case 'operator':
      return staff.centreId ? [staff.centreId] : [];
  }
}

/** The two parameters of `($1::boolean OR <centre column> = ANY($2::text[]))`, a scope as SQL takes it. */
export function scopeParams(scope: CentreScope): [boolean, string[]] {
  return [scope === 'all', scope === 'all' ? [] : [...scope]];
}

/** Whether the scope lets its holder see personal data of an application made at `centreId`. */
export function scopeIncludes(scope: CentreScope, centreId: string): boolean {
  return scope === 'all' || scope.includes(centreId);
}
