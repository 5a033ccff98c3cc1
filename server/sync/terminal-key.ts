import { importTerminalPublicKey } from '../../src/sync/seal';
import type { TerminalsRepository } from '../repositories/terminals';

export type TerminalKey = { ok: true; key: CryptoKey; centreId: string } | { ok: false; code: 'unknown_terminal' | 'revoked_terminal' };

/**
 * The key that checks what a terminal signs (its packets, its technician log), when the terminal
 * may send at all: enrolled and not revoked. A terminal created but never enrolled has no key to
 * check with: as good as unknown. One rule for every route a terminal posts to.
 */
export async function terminalKey(terminals: TerminalsRepository, terminalId: string): Promise<TerminalKey> {
  const terminal = await terminals.find(terminalId);
  if (!terminal?.publicKey) return { ok: false, code: 'unknown_terminal' };
  if (terminal.revokedAt) return { ok: false, code: 'revoked_terminal' };
  return { ok: true, key: await importTerminalPublicKey(terminal.publicKey), centreId: terminal.centreId };
}
