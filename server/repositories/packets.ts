import type { ApplicationPayload } from '../../src/protocol/packets';
import type { Database, Queryable } from '../db/database';
import { ApplicationEventsRepository } from '../console/application-events';
import { insertApplication, type NewApplication } from './applications';

export interface PacketRecord {
  applicationId: string;
  terminalId: string;
  seq: number;
  /** Base64url, as it came: a retry of the very same packet carries the very same signature. */
  signature: string;
  sealedAt: string;
  receivedAt: Date;
}

/** The payload as stored beside its packet: the images live in the application's row. */
type PayloadWithoutImages = Omit<ApplicationPayload, 'photo' | 'signaturePng'> & { photo: Pick<ApplicationPayload['photo'], 'quality'> };

/**
 * An application as a packet brings it, before the checks the kiosk could not make offline
 * (`feeTiyn` is the kiosk's figure until they confirm it); received when its packet was.
 */
export type PacketApplication = Omit<NewApplication, 'receivedAt'>;

interface Row {
  application_id: string;
  terminal_id: string;
  seq: number;
  signature: string;
  sealed_at: Date;
  received_at: Date;
  number: string;
}

export type StoredPacket = PacketRecord & { number: string };

const toStored = (row: Row): StoredPacket => ({
  applicationId: row.application_id,
  terminalId: row.terminal_id,
  seq: row.seq,
  signature: row.signature,
  sealedAt: new Date(row.sealed_at).toISOString(),
  receivedAt: new Date(row.received_at),
  number: row.number,
});

const SELECT = `SELECT p.application_id, p.terminal_id, p.seq, p.signature, p.sealed_at, p.received_at, a.number
  FROM packets p JOIN applications a ON a.id = p.application_id`;

/** Thrown inside the transaction to undo the application's insert when its packet cannot be stored. */
class SeqTaken extends Error {}

export class PacketsRepository {
  constructor(private readonly db: Database) {}

  async findByApplication(applicationId: string): Promise<StoredPacket | null> {
    const { rows } = await this.db.query<Row>(`${SELECT} WHERE p.application_id = $1`, [applicationId]);
    return rows[0] ? toStored(rows[0]) : null;
  }

  async findBySeq(terminalId: string, seq: number): Promise<StoredPacket | null> {
    const { rows } = await this.db.query<Row>(`${SELECT} WHERE p.terminal_id = $1 AND p.seq = $2`, [terminalId, seq]);
    return rows[0] ? toStored(rows[0]) : null;
  }

  /**
   * Stores the packet and its application, status 'pending_checks', in one transaction; false, with
   * nothing stored, when the application id, its number or the terminal's seq is taken already
   * (a concurrent duplicate waits for the first to commit, then finds it here). The images go as
   * base64 text and become bytea in SQL (insertApplication). `withStored` runs last in the same
   * transaction (the checks' job is queued there): it happens if and only if the packet is stored.
   */
  async storeWithApplication(
    packet: PacketRecord,
    a: PacketApplication,
    payload: ApplicationPayload,
    withStored: (tx: Queryable) => Promise<unknown> = async () => {},
  ): Promise<boolean> {
    const { signaturePng: _signature, photo, ...rest } = payload;
    const withoutImages: PayloadWithoutImages = { ...rest, photo: { quality: photo.quality } };
    try {
      return await this.db.transaction(async (tx) => {
        if (!(await insertApplication(tx, { ...a, receivedAt: packet.receivedAt }, 'pending_checks'))) return false;
        const { rows: stored } = await tx.query(
          `INSERT INTO packets (application_id, terminal_id, seq, signature, sealed_at, received_at, payload)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING application_id`,
          [packet.applicationId, packet.terminalId, packet.seq, packet.signature, packet.sealedAt, packet.receivedAt, JSON.stringify(withoutImages)],
        );
        if (stored.length === 0) throw new SeqTaken();
        await tx.query('UPDATE terminals SET last_seq = GREATEST(last_seq, $2) WHERE terminal_id = $1', [packet.terminalId, packet.seq]);
        await new ApplicationEventsRepository(tx).append({
          applicationId: packet.applicationId,
          at: packet.receivedAt,
          kind: 'received',
          fromStatus: null,
          toStatus: 'pending_checks',
          actor: 'system',
        });
        await withStored(tx);
        return true;
      });
    } catch (error) {
      if (error instanceof SeqTaken) return false;
      throw error;
    }
  }

  /** The payload a stored packet opened to, as the deferred checks take it (the settle and re-check jobs). */
  async payload(applicationId: string): Promise<ApplicationPayload | null> {
    const { rows } = await this.db.query<{ payload: PayloadWithoutImages; photo_jpeg: Uint8Array; signature_png: Uint8Array }>(
      `SELECT p.payload, a.photo_jpeg, a.signature_png FROM packets p JOIN applications a ON a.id = p.application_id
       WHERE p.application_id = $1`,
      [applicationId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      ...row.payload,
      photo: { jpeg: Buffer.from(row.photo_jpeg).toString('base64'), quality: row.payload.photo.quality },
      signaturePng: Buffer.from(row.signature_png).toString('base64'),
    };
  }

  /** Applications that came by packet and whose checks have not ended, oldest first. */
  async pendingChecks(limit = 100): Promise<string[]> {
    const { rows } = await this.db.query<{ id: string }>(
      `SELECT a.id FROM applications a JOIN packets p ON p.application_id = a.id
       WHERE a.status = 'pending_checks' ORDER BY p.received_at LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.id);
  }
}
