import type { Enrolled, PublicKeyJwk } from '../protocol/packets';
import { BackOfficeError } from '../sync/backoffice';
import type { KioskDb } from '../sync/kiosk-db';
import { terminalRefused } from '../sync/outbox';
import { enrolWith, terminalOf } from '../sync/terminal';

/**
 * Why the start screen says the terminal is out of order instead of inviting a citizen in.
 * `no_connection`: a kiosk that may enrol by itself could not reach the back office to do it — the
 * network, not the terminal, is what a technician must look at.
 */
export type OutOfOrder = 'not_enrolled' | 'no_connection' | 'terminal_refused' | 'storage_full' | 'device_fault';

/** Who this kiosk is to the back office, as the receipt names it. */
export interface TerminalIdentity {
  terminalId: string;
  centreId: string;
  /** The back office's public address, for the receipt's QR; absent until the kiosk has learnt it (src/sync/public-url.ts). */
  publicUrl?: string;
}

/**
 * Whether a citizen may start: the kiosk must be an enrolled terminal (or its application could
 * not be sealed at the end) and must have room to keep one more application. Checked before the
 * first screen invites anyone, never at the last step.
 */
export class Readiness {
  /** undefined until IndexedDB has been read; null: not enrolled. */
  terminal = $state<TerminalIdentity | null | undefined>(undefined);
  storageFull = $state(false);
  /** The back office refused this terminal (revoked), its packets or its signed requests: every new application would be lost to it. */
  refused = $state(false);
  /** A device a journey needs is missing or failing (its code: paper_out, printer_missing, profile_invalid…). */
  deviceFault = $state<string | null>(null);
  /** The last self-enrolment found no back office (no network, or it did not answer): tried again at each check. */
  enrolUnreachable = $state(false);

  get outOfOrder(): OutOfOrder | null {
    if (this.terminal === null) return this.enrolUnreachable ? 'no_connection' : 'not_enrolled';
    if (this.refused) return 'terminal_refused';
    if (this.storageFull) return 'storage_full';
    if (this.deviceFault) return 'device_fault';
    return null;
  }

  /**
   * Reads the terminal's row; a kiosk without one that may enrol by itself (the sandbox's test and
   * emulated profiles) tries to. Safe to call again (on a timer, when the link returns) until enrolled.
   */
  async ensureTerminal(db: KioskDb, selfEnrol: ((publicKey: PublicKeyJwk) => Promise<Enrolled>) | null): Promise<void> {
    let unreachable = false;
    const row =
      (await terminalOf(db)) ??
      (selfEnrol
        ? await enrolWith(db, selfEnrol).catch((error: unknown) => {
            unreachable = error instanceof BackOfficeError && error.retryable;
            return undefined;
          })
        : undefined);
    this.enrolUnreachable = !row && unreachable;
    this.terminal = row ? { terminalId: row.terminalId, centreId: row.centreId, ...(row.publicUrl ? { publicUrl: row.publicUrl } : {}) } : null;
    this.refused = row ? row.refused !== undefined || (await terminalRefused(db, row.terminalId)) : false;
  }

  /** The back office's public address, just learnt for this terminal (src/sync/public-url.ts): the next receipt's QR carries it. */
  learntPublicUrl(terminalId: string, publicUrl: string): void {
    if (this.terminal?.terminalId === terminalId) this.terminal = { ...this.terminal, publicUrl };
  }
}
