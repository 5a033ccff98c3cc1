// The staff console's wire contract for accounts, sign-in and the audit log (server/staff/).
import { Type, type Static } from '@sinclair/typebox';
import { ApplicationNumber, IsoDate, Text, Uuid } from './common';

/** `police`: an officer of a local police department, of one branch's region: the problems register only (server/problems/). */
export const STAFF_ROLES = ['operator', 'supervisor', 'analyst', 'admin', 'police'] as const;
export const StaffRole = Type.Union(STAFF_ROLES.map((role) => Type.Literal(role)));
export type StaffRole = Static<typeof StaffRole>;

/** Letters, digits and . _ -: what a person types without thinking which keyboard layout is on. */
export const Username = Type.String({ pattern: '^[A-Za-z0-9._-]{3,64}$' });
/**
 * Long enough for a passphrase, short enough that argon2 over it costs what it always costs.
 * The sign-in form takes any length up to the cap (an old password must still be typed); a new one needs 12.
 */
export const Password = Text({ minLength: 1, maxLength: 256 });
export const NewPassword = Text({ minLength: 12, maxLength: 256 });
export const TotpCode = Type.String({ pattern: '^[0-9]{6}$' });
export const CentreId = Type.String({ pattern: '^[A-Z0-9-]{1,32}$' });
export const BranchId = Type.String({ pattern: '^[A-Z0-9-]{1,32}$' });

/** A staff member as every staff route may show them: no password hash, no TOTP secret. */
export const StaffMember = Type.Object({
  id: Uuid,
  username: Type.String(),
  role: StaffRole,
  branchId: Type.Union([Type.String(), Type.Null()]),
  centreId: Type.Union([Type.String(), Type.Null()]),
  /** Whether signing in asks for a TOTP code. */
  totp: Type.Boolean(),
});
export type StaffMember = Static<typeof StaffMember>;

export const SignInRequest = Type.Object(
  { username: Username, password: Password, totp: Type.Optional(TotpCode) },
  { additionalProperties: false },
);
export type SignInRequest = Static<typeof SignInRequest>;

/** The session: who, the CSRF token to send as `x-csrf-token` with every change, and when it ends. */
export const StaffSession = Type.Object({
  staff: StaffMember,
  csrfToken: Type.String(),
  /** The session ends after this many seconds without a request. */
  idleTimeoutS: Type.Integer(),
  /** …and at this instant however busy it is. */
  expiresAt: Type.String(),
});
export type StaffSession = Static<typeof StaffSession>;

export const StaffAccount = Type.Object({
  ...StaffMember.properties,
  disabledAt: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});
export type StaffAccount = Static<typeof StaffAccount>;

/** A page's size in a query string (1–200): a string, as every query value is on the wire (no type coercion). */
export const PageLimit = Type.String({ pattern: '^(200|1[0-9]{2}|[1-9][0-9]?)$' });

export const AccountsQuery = Type.Object(
  {
    /** Keyset paging: the accounts after this username (in lower case order). */
    after: Type.Optional(Username),
    limit: Type.Optional(PageLimit),
  },
  { additionalProperties: false },
);
export type AccountsQuery = Static<typeof AccountsQuery>;

/** An account in the admin's list: with its last sign-in (from the audit log), null when it never signed in. */
export const AccountListEntry = Type.Object({
  ...StaffAccount.properties,
  lastSignInAt: Type.Union([Type.String(), Type.Null()]),
});
export type AccountListEntry = Static<typeof AccountListEntry>;

export const AccountsPage = Type.Object({
  accounts: Type.Array(AccountListEntry),
  /** The `after` of the next page; null on the last. */
  next: Type.Union([Type.String(), Type.Null()]),
});
export type AccountsPage = Static<typeof AccountsPage>;

export const NewAccountRequest = Type.Object(
  {
    username: Username,
    role: StaffRole,
    /** Required for a supervisor and a police officer; taken from the centre for an operator. */
    branchId: Type.Optional(BranchId),
    /** Required for an operator. */
    centreId: Type.Optional(CentreId),
    /** Without one, a password is generated and shown once in the answer. */
    password: Type.Optional(NewPassword),
  },
  { additionalProperties: false },
);
export type NewAccountRequest = Static<typeof NewAccountRequest>;

/** An account just made or whose password was just reset; `password` only when the back office generated it. */
export const AccountWithPassword = Type.Object({
  account: StaffAccount,
  password: Type.Optional(Type.String()),
});
export type AccountWithPassword = Static<typeof AccountWithPassword>;

export const AccountParams = Type.Object({ id: Uuid }, { additionalProperties: false });
export type AccountParams = Static<typeof AccountParams>;

export const PasswordResetRequest = Type.Object({ password: Type.Optional(NewPassword) }, { additionalProperties: false });
export type PasswordResetRequest = Static<typeof PasswordResetRequest>;

export const AuditQuery = Type.Object(
  {
    /** Keyset paging, newest first: the entries older than this id. */
    before: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,17}$' })),
    limit: Type.Optional(PageLimit),
    staffId: Type.Optional(Uuid),
    applicationId: Type.Optional(Uuid),
    /** The staff member by username (any case); an unknown one finds nothing. */
    username: Type.Optional(Username),
    action: Type.Optional(Type.String({ pattern: '^[a-z_]{1,64}$' })),
    /** The application by the receipt's number. */
    number: Type.Optional(ApplicationNumber),
    /** Kazakhstan calendar days (UTC+5), both inclusive. */
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditEntry = Type.Object({
  id: Type.String(),
  at: Type.String(),
  staffId: Type.Union([Type.String(), Type.Null()]),
  username: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  applicationId: Type.Union([Type.String(), Type.Null()]),
  /** The receipt's number of applicationId, when it names an application there is. */
  applicationNumber: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
});
export type AuditEntry = Static<typeof AuditEntry>;

export const AuditPage = Type.Object({
  entries: Type.Array(AuditEntry),
  /** The `before` of the next (older) page; null on the last. */
  next: Type.Union([Type.String(), Type.Null()]),
});
export type AuditPage = Static<typeof AuditPage>;

/** A new TOTP secret for the signed-in staff member to add to their authenticator app; nothing is stored yet. */
export const TotpProposal = Type.Object({
  /** Base32, for typing into the app by hand. */
  secret: Type.String(),
  /** otpauth://totp/… for the console's QR. */
  uri: Type.String(),
});
export type TotpProposal = Static<typeof TotpProposal>;

/** The proposed secret back, with a code the app made from it: proof the app has it before sign-in needs it. */
export const TotpEnrolRequest = Type.Object({ secret: Type.String({ pattern: '^[A-Z2-7]{32}$' }), code: TotpCode }, { additionalProperties: false });
export type TotpEnrolRequest = Static<typeof TotpEnrolRequest>;
