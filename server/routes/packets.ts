import type { FastifyPluginAsync } from 'fastify';
import { kazakhstanDate } from '../../src/domain/dates';
import { ApiError } from '../../src/protocol/common';
import { PacketReceived, SealedPacket } from '../../src/protocol/packets';
import { openPacket, PacketError, verifyPacket } from '../../src/sync/seal';
import { canonicalHash } from '../canonical-json';
import type { StoredPacket } from '../repositories/packets';
import { documentInForce } from '../repositories/reference-data';
import { storedDueDate } from '../sync/due-date';
import { checkPayload } from '../sync/payload-check';
import { terminalKey } from '../sync/terminal-key';

/** A packet carries the application's portrait and signature in base64, encrypted: up to 4 MB of ciphertext. */
const BODY_LIMIT = 6 * 1024 * 1024;
/** As for an application received online (routes/applications.ts), until the checks decide. */

const received = (applicationId: string, number: string): PacketReceived => ({ applicationId, number, status: 'received' });

const packetRoutes: FastifyPluginAsync = async (app) => {
  /** The answer to a packet whose application id or seq came before; null when neither did. */
  async function answerToRepeat(packet: SealedPacket): Promise<{ status: 200; body: PacketReceived } | { status: 409; body: ApiError } | null> {
    // The application first: it commits in one transaction with its packet, so once it is seen the
    // packet is too. Asking for the packet first could miss it, then see the application a moment
    // later as another request commits, and call a concurrent duplicate a replay.
    if (await app.applications.findById(packet.applicationId)) {
      const same = await app.packets.findByApplication(packet.applicationId);
      if (!same) return { status: 409, body: { code: 'replay', detail: 'this application id came before, not in a packet' } };
      return isSamePacket(same, packet)
        ? { status: 200, body: received(same.applicationId, same.number) }
        : { status: 409, body: { code: 'replay', detail: 'this application id came before in another packet' } };
    }
    const seqHolder = await app.packets.findBySeq(packet.terminalId, packet.seq);
    if (!seqHolder) return null;
    // This very application, committed by a concurrent duplicate since the look above: answer as for it.
    if (seqHolder.applicationId === packet.applicationId) {
      return isSamePacket(seqHolder, packet)
        ? { status: 200, body: received(seqHolder.applicationId, seqHolder.number) }
        : { status: 409, body: { code: 'replay', detail: 'this application id came before in another packet' } };
    }
    return { status: 409, body: { code: 'replay', detail: "this terminal's seq came before with another application" } };
  }

  app.post<{ Body: SealedPacket; Reply: PacketReceived | ApiError }>(
    '/packets',
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        body: SealedPacket,
        response: { 200: PacketReceived, 201: PacketReceived, 400: ApiError, 403: ApiError, 409: ApiError, 422: ApiError },
      },
    },
    async (request, reply) => {
      const packet = request.body;
      const terminal = await terminalKey(app.terminals, packet.terminalId);
      if (!terminal.ok) return reply.code(403).send({ code: terminal.code });
      if (!(await verifyPacket(packet, terminal.key))) {
        return reply.code(400).send({ code: 'bad_signature' });
      }

      const repeat = await answerToRepeat(packet);
      if (repeat) return reply.code(repeat.status).send(repeat.body);

      let opened: unknown;
      try {
        opened = await openPacket(packet, app.backOfficeKeys.privateKey);
      } catch (error) {
        if (error instanceof PacketError) return reply.code(400).send({ code: error.code });
        throw error;
      }
      const check = checkPayload(opened, packet);
      if (!check.ok) return reply.code(422).send({ code: 'invalid_payload', detail: check.detail });
      const { payload } = check;
      const a = payload.application;
      // A terminal speaks for the centre it was enrolled at, not for any other.
      if (a.centreId !== terminal.centreId) return reply.code(422).send({ code: 'invalid_payload', detail: "application.centreId is not its terminal's centre" });

      const stored = await app.packets.storeWithApplication(
        {
          applicationId: packet.applicationId,
          terminalId: packet.terminalId,
          seq: packet.seq,
          signature: packet.signature,
          sealedAt: packet.sealedAt,
          receivedAt: app.clock(),
        },
        {
          id: a.id,
          number: a.number,
          iin: a.iin,
          service: a.service,
          document: a.document,
          lang: a.lang,
          phone: a.phone,
          feeTiyn: a.feeTiyn,
          paymentId: a.paymentId,
          centreId: a.centreId,
          terminalId: a.terminalId,
          test: a.test,
          liveness: payload.face.liveness,
          photoQuality: payload.photo.quality,
          createdAt: a.createdAt,
          // The day the kiosk printed on the receipt: counted from the day of application, not of arrival.
          ...storedDueDate(a.createdAt, request.log, await documentInForce(app.db, kazakhstanDate(new Date(a.createdAt)))),
          bodyHash: canonicalHash(payload),
          photoJpegBase64: payload.photo.jpeg,
          signaturePngBase64: payload.signaturePng,
        },
        payload,
        // The checks the kiosk could not make, as a job committed with the packet: a crash after
        // the 201 loses nothing, and whichever process is free runs them (server/jobs/).
        (tx) => app.jobs.send('settle', { applicationId: a.id }, { tx, singletonKey: a.id }),
      );
      if (!stored) {
        // A duplicate racing this one won, or the number of this id is taken: answer as for a retry.
        const raced = await answerToRepeat(packet);
        return reply
          .code(raced?.status ?? 409)
          .send(raced?.body ?? { code: 'replay', detail: 'the application number is taken' });
      }
      request.log.info({ applicationId: a.id, terminalId: packet.terminalId, seq: packet.seq }, 'packet received');
      app.jobs.wake('settle');
      return reply.code(201).send(received(a.id, a.number));
    },
  );
};

/** The very packet again, as the kiosk retries it: ECDSA signatures are randomised, so another sealing signs differently. */
function isSamePacket(stored: StoredPacket, packet: SealedPacket): boolean {
  return stored.signature === packet.signature && stored.terminalId === packet.terminalId && stored.seq === packet.seq;
}

export default packetRoutes;
