import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database';
import type { NewAccountRequest, StaffRole } from '../../src/protocol/staff';
import { AuditLog } from './audit-log';
import { generatePassword, hashPassword } from './password';
import { StaffRepository, type StaffRecord } from './staff-repository';

export type NewAccountResult =
  | { ok: true; account: StaffRecord; generatedPassword: string | null }
  | { ok: false; status: 400 | 409; code: 'unknown_centre' | 'unknown_branch' | 'centre_required' | 'branch_required' | 'centre_not_in_branch' | 'username_taken' };

/** Where an account of this role belongs, from what the admin gave: an operator's branch is their centre's. */
async function placement(
  accounts: StaffRepository,
  role: StaffRole,
  given: { branchId?: string | undefined; centreId?: string | undefined },
): Promise<{ ok: true; branchId: string | null; centreId: string | null } | Extract<NewAccountResult, { ok: false }>> {
  let branchId = given.branchId ?? null;
  const centreId = given.centreId ?? null;
  if (centreId !== null) {
    const centreBranch = await accounts.branchOfCentre(centreId);
    if (!centreBranch) return { ok: false, status: 400, code: 'unknown_centre' };
    if (branchId !== null && branchId !== centreBranch) return { ok: false, status: 400, code: 'centre_not_in_branch' };
    branchId = centreBranch;
  } else if (role === 'operator') {
    return { ok: false, status: 400, code: 'centre_required' };
  }
  if (branchId !== null && !(await accounts.branchExists(branchId))) return { ok: false, status: 400, code: 'unknown_branch' };
  if ((role === 'supervisor' || role === 'police') && branchId === null) return { ok: false, status: 400, code: 'branch_required' };
  return { ok: true, branchId, centreId };
}

/**
 * Makes an account and audits it, in one transaction: `by` is the admin who asked, or null for
 * the first admin made by the command line (server/staff/add-admin-cli.ts).
 */
export async function createAccount(db: Database, clock: () => Date, request: NewAccountRequest, by: string | null, via: string): Promise<NewAccountResult> {
  const where = await placement(new StaffRepository(db), request.role, request);
  if (!where.ok) return where;
  const generatedPassword = request.password === undefined ? generatePassword() : null;
  const passwordHash = await hashPassword(request.password ?? generatedPassword ?? '');
  return db.transaction(async (tx) => {
    const account = await new StaffRepository(tx).create({
      id: randomUUID(),
      username: request.username,
      passwordHash,
      role: request.role,
      branchId: where.branchId,
      centreId: where.centreId,
      createdAt: clock(),
    });
    if (!account) return { ok: false, status: 409, code: 'username_taken' } as const;
    await new AuditLog(tx, clock).record({
      staffId: by,
      action: 'account_created',
      details: { account: account.id, username: account.username, role: account.role, branchId: account.branchId, centreId: account.centreId, via },
    });
    return { ok: true, account, generatedPassword } as const;
  });
}
