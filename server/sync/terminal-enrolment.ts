import { randomInt } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { ENROLMENT_CODE_HOURS, type EnrolError, type Enrolled, type PublicKeyJwk } from '../../src/protocol/packets';
import { importTerminalPublicKey } from '../../src/sync/seal';
import { CODE_ALPHABET, enrolmentCodeHash, newEnrolmentCode } from './enrolment-code';

/*
 * Enrolment as the admin and terminal routes do it, in one place, so that the sandbox's
 * self-enrolment stores a terminal exactly as a technician's code would.
 */

type BackOffice = Pick<FastifyInstance, 'terminals' | 'backOfficeKeys' | 'clock' | 'publicUrl'>;

export type EnrolResult = { ok: true; enrolled: Enrolled } | { ok: false; code: EnrolError; detail?: string };

/** Where sandbox terminals are said to stand: a centre of Astana's Esil district that no real terminal uses. */
export const SANDBOX_CENTRE = 'AST-ESIL';
const SANDBOX_ID_ATTEMPTS = 5;

/** A one-time code for the terminal, or null when the terminal is enrolled or revoked (it keeps its key). */
export async function issueEnrolmentCode(
  app: Pick<BackOffice, 'terminals' | 'clock'>,
  terminal: { terminalId: string; centreId: string },
): Promise<{ code: string; expiresAt: Date } | null> {
  const now = app.clock();
  const code = newEnrolmentCode();
  const expiresAt = new Date(now.getTime() + ENROLMENT_CODE_HOURS * 3_600_000);
  const issued = await app.terminals.issueCode({ ...terminal, codeHash: enrolmentCodeHash(code), expiresAt, now });
  return issued ? { code, expiresAt } : null;
}

/** Spends the code on this key. A key that is not a P-256 point is refused before the code is spent. */
export async function enrolWithCode(app: BackOffice, code: string, publicKey: PublicKeyJwk): Promise<EnrolResult> {
  // A key that is not a point of the curve would make every packet of this terminal fail later, unseen.
  if (!(await isTerminalKey(publicKey))) return notAKey;
  const outcome = await app.terminals.enrol(enrolmentCodeHash(code), publicKey, app.clock());
  if (!outcome.ok) return outcome;
  const { terminal } = outcome;
  return {
    ok: true,
    enrolled: {
      terminalId: terminal.terminalId,
      centreId: terminal.centreId,
      backOfficeKey: app.backOfficeKeys.publicJwk,
      enrolledAt: terminal.enrolledAt.toISOString(),
      publicUrl: app.publicUrl,
    },
  };
}

/** `SBX-` and 8 of the code alphabet (A–Z, 2–9 without I, L, O): 31⁸ ≈ 2⁴⁰ ids. */
export function newSandboxTerminalId(): string {
  return `SBX-${Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')}`;
}

/**
 * A terminal of its own for a kiosk that enrols itself against the sandbox (every fresh browser
 * profile is a new key): a new id, a code issued and spent at once, as a technician would.
 */
export async function enrolSandboxTerminal(app: BackOffice, publicKey: PublicKeyJwk, newId = newSandboxTerminalId): Promise<EnrolResult> {
  // Checked first, so that a bad key leaves no terminal behind that was never enrolled.
  if (!(await isTerminalKey(publicKey))) return notAKey;
  for (let attempt = 0; attempt < SANDBOX_ID_ATTEMPTS; attempt++) {
    const terminalId = newId();
    // issueCode would take over a terminal not yet enrolled: an id in use, whatever its state, is drawn again.
    if (await app.terminals.find(terminalId)) continue;
    const issued = await issueEnrolmentCode(app, { terminalId, centreId: SANDBOX_CENTRE });
    if (!issued) continue;
    const result = await enrolWithCode(app, issued.code, publicKey);
    // Only a revocation between the two steps fails a code just issued: draw another id.
    if (result.ok) return result;
  }
  throw new Error(`no free sandbox terminal id after ${SANDBOX_ID_ATTEMPTS} draws`);
}

const notAKey: EnrolResult = { ok: false, code: 'invalid_request', detail: 'publicKey is not a P-256 public key' };

async function isTerminalKey(publicKey: PublicKeyJwk): Promise<boolean> {
  try {
    await importTerminalPublicKey(publicKey);
    return true;
  } catch {
    return false;
  }
}
