import type { NewAccountRequest, StaffRole } from '../src/protocol/staff';

export interface AccountForm {
  username: string;
  role: StaffRole;
  branchId: string;
  centreId: string;
  /** Empty: the back office generates one and shows it once. */
  password: string;
}

/** Why the form cannot be sent as it is, as the code the page words; null when it can. */
export type AccountFormProblem = 'invalid_username' | 'password_too_short' | 'centre_required' | 'branch_required';

const USERNAME = /^[A-Za-z0-9._-]{3,64}$/;
const MIN_PASSWORD = 12;

/**
 * The request for POST /staff/accounts, or what is wrong first: the same rules the back office
 * applies (src/protocol/staff.ts, server/staff/accounts.ts), said before the round trip.
 * An operator's branch is their centre's; only an operator has a centre.
 */
export function accountRequest(form: AccountForm): { ok: true; request: NewAccountRequest } | { ok: false; problem: AccountFormProblem } {
  const username = form.username.trim();
  if (!USERNAME.test(username)) return { ok: false, problem: 'invalid_username' };
  if (form.password !== '' && form.password.length < MIN_PASSWORD) return { ok: false, problem: 'password_too_short' };
  const request: NewAccountRequest = { username, role: form.role };
  if (form.role === 'operator') {
    if (!form.centreId) return { ok: false, problem: 'centre_required' };
    request.centreId = form.centreId;
  } else if (form.branchId) {
    request.branchId = form.branchId;
  } else if (form.role === 'supervisor' || form.role === 'police') {
    return { ok: false, problem: 'branch_required' };
  }
  if (form.password !== '') request.password = form.password;
  return { ok: true, request };
}
