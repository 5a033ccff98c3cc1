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
 * Whose applications a staff member may see one by one, for a query to filter on:
 * - `all`: every centre (admin);
 * - `centres`: only these (operator: their centre; supervisor: the centres of their branch);
 * - `none`: no single citizen's data at all (analyst, who sees aggregates only).
 * The branch's centres are read from the database by the caller (StaffRepository.centresOfBranch),
 * so this stays a pure rule.
 */
export type CentreScope = { kind: 'all' } | { kind: 'centres'; centreIds: readonly string[] } | { kind: 'none' };

export function centreScope(staff: StaffPrincipal, centresOfBranch: readonly string[]): CentreScope {
  switch (staff.role) {
    case 'admin':
      return { kind: 'all' };
    case 'analyst':
      return { kind: 'none' };
    case 'supervisor':
      return { kind: 'centres', centreIds: [...centresOfBranch] };
    case 'operator':
      return { kind: 'centres', centreIds: staff.centreId ? [staff.centreId] : [] };
  }
}

/** Whether the scope lets its holder see personal data of an application made at `centreId`. */
export function scopeIncludes(scope: CentreScope, centreId: string): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'none') return false;
  return scope.centreIds.includes(centreId);
}
