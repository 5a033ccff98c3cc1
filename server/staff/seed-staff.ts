import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database';
import { STAFF_ROLES, type StaffRole } from '../../src/protocol/staff';
import { SANDBOX_CENTRE } from '../sync/terminal-enrolment';
import { hashPassword } from './password';
import { StaffRepository } from './staff-repository';

/** The password of every sandbox account, listed in the README: the sandbox is for trying, never for a network. */
export const SANDBOX_STAFF_PASSWORD = 'sandbox-password';
/** The branch of the sandbox's centre (migration 0012). */
export const SANDBOX_BRANCH = 'AST';

/**
 * One account per role, named after it (operator, supervisor, analyst, admin, police), all of the Astana
 * branch at the sandbox's centre AST-ESIL, where its terminals are enrolled. Only the sandbox calls
 * this (server/app.ts); an account already there is left as it is. Returns how many were added.
 */
export async function seedSandboxStaff(db: Database, now: Date): Promise<number> {
  const accounts = new StaffRepository(db);
  const missing: StaffRole[] = [];
  for (const role of STAFF_ROLES) if (!(await accounts.findByUsername(role))) missing.push(role);
  if (missing.length === 0) return 0;
  // One hash for them all: the password is public anyway, and each argon2 costs tens of milliseconds at every fresh start.
  const passwordHash = await hashPassword(SANDBOX_STAFF_PASSWORD);
  let added = 0;
  for (const role of missing) {
    const created = await accounts.create({ id: randomUUID(), username: role, passwordHash, role, branchId: SANDBOX_BRANCH, centreId: SANDBOX_CENTRE, createdAt: now });
    if (created) added++;
  }
  return added;
}
