// The staff console's terminal management (server/staff/terminal-management-routes.ts): a
// supervisor enrols, names, moves and revokes the terminals of their branch's centres; an admin any.
import { Type, type Static } from '@sinclair/typebox';
import { IsoDateTime, Text } from './common';
import { CentreId, TerminalId } from './packets';

export const TERMINAL_NAME_MAX = 80;

/**
 * Where the terminal stands, as people say it ("ЦОН Есиль, зал 1, у входа"). The back office trims
 * it; what is left must be 1 to TERMINAL_NAME_MAX characters on one line, without control
 * characters (else 400 `invalid_name`).
 */
export const TerminalName = Text({ minLength: 1, maxLength: 200 });

/** POST /staff/terminals: a terminal to be in a centre of the caller's scope; 201 TerminalCreated with its one-time code. */
export const StaffEnrolRequest = Type.Object(
  { terminalId: TerminalId, centreId: CentreId, name: Type.Optional(TerminalName) },
  { additionalProperties: false },
);
export type StaffEnrolRequest = Static<typeof StaffEnrolRequest>;

export const TerminalParams = Type.Object({ id: TerminalId }, { additionalProperties: false });
export type TerminalParams = Static<typeof TerminalParams>;

/** PUT /staff/terminals/:id/name: a new name, or null to take it away. */
export const TerminalRenameRequest = Type.Object({ name: Type.Union([TerminalName, Type.Null()]) }, { additionalProperties: false });
export type TerminalRenameRequest = Static<typeof TerminalRenameRequest>;

/** PUT /staff/terminals/:id/centre: another centre of the caller's scope. */
export const TerminalMoveRequest = Type.Object({ centreId: CentreId }, { additionalProperties: false });
export type TerminalMoveRequest = Static<typeof TerminalMoveRequest>;

/** A terminal as it stands after a change: the console reloads the fleet for its health. */
export const ManagedTerminal = Type.Object(
  {
    terminalId: Type.String(),
    centreId: Type.String(),
    name: Type.Union([Type.String(), Type.Null()]),
    enrolledAt: Type.Union([IsoDateTime, Type.Null()]),
    revokedAt: Type.Union([IsoDateTime, Type.Null()]),
  },
  { additionalProperties: false },
);
export type ManagedTerminal = Static<typeof ManagedTerminal>;

/** GET /staff/terminals/centres: the centres the caller may put a terminal in. */
export const TerminalCentres = Type.Object(
  {
    centres: Type.Array(
      Type.Object({ id: Type.String(), branchId: Type.String(), nameRu: Type.String(), nameKk: Type.String() }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);
export type TerminalCentres = Static<typeof TerminalCentres>;

/**
 * The refusals of these routes, each a stable code the console words:
 * - 404 `not_found`: no such terminal in the caller's centres (another branch's is not shown either);
 * - 404 `centre_not_found`: no such centre in the caller's scope;
 * - 409 `terminal_exists`: the id is taken by a terminal enrolled, revoked or of another branch;
 * - 409 `terminal_revoked`: a revoked terminal is a record and changes no more;
 * - 400 `invalid_name`: nothing left once trimmed, or longer than TERMINAL_NAME_MAX.
 */
export type TerminalManagementError = 'not_found' | 'centre_not_found' | 'terminal_exists' | 'terminal_revoked' | 'invalid_name';
