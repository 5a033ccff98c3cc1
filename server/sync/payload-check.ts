import { Value } from '@sinclair/typebox/value';
import { applicationNumber } from '../../src/domain/application';
import { parseIin } from '../../src/domain/iin';
import { ApplicationPayload, type SealedPacket } from '../../src/protocol/packets';
import { isBase64Image } from '../images';
import { isUuid } from '../uuid';

export type PayloadCheck = { ok: true; payload: ApplicationPayload } | { ok: false; detail: string };

/**
 * Whether what a packet opened to is an application the back office can store: the schema, and
 * the packet's header agreeing with the application inside (the header is signed; the payload is
 * only as trustworthy as the terminal, and it must not speak for another terminal or application).
 * Rules that need the state systems (phone, face, eligibility, fee, payment) are the deferred checks'.
 */
export function checkPayload(sealed: unknown, packet: Pick<SealedPacket, 'applicationId' | 'terminalId'>): PayloadCheck {
  const opened = withFeeInTiyn(sealed);
  if (!Value.Check(ApplicationPayload, opened)) {
    const first = Value.Errors(ApplicationPayload, opened).First();
    return { ok: false, detail: first ? `${first.path || '/'}: ${first.message}` : 'not an application payload' };
  }
  const { application, photo, signaturePng } = opened;
  if (application.id !== packet.applicationId) return { ok: false, detail: 'application.id is not the packet applicationId' };
  if (application.terminalId !== packet.terminalId) return { ok: false, detail: 'application.terminalId is not the packet terminalId' };
  if (application.number !== applicationNumber(application.id)) return { ok: false, detail: 'application.number is not the number of its id' };
  const iin = parseIin(application.iin);
  if (!iin.ok) return { ok: false, detail: `application.iin: ${iin.reason}` };
  // Our payment ids are UUIDs (a paymentId the kiosk got from POST /payments); anything else names no payment.
  if (application.paymentId !== null && !isUuid(application.paymentId)) return { ok: false, detail: 'application.paymentId is not a payment id' };
  if (!isBase64Image(photo.jpeg, 'jpeg')) return { ok: false, detail: 'photo.jpeg is not a base64 JPEG' };
  if (!isBase64Image(signaturePng, 'png')) return { ok: false, detail: 'signaturePng is not a base64 PNG' };
  return { ok: true, payload: opened };
}

/** What kiosks before the tiyn sealed: the fee as `feeKzt`, a whole number of tenge at most this. */
const LEGACY_MAX_FEE_KZT = 1_000_000;

/**
 * A packet sealed by a kiosk of before the tiyn carries `application.feeKzt` in whole tenge; it may
 * wait in an outbox for days after the back office is updated, and refusing it would lose a
 * citizen's application. It is read as the same fee in tiyn; anything else is left for the schema
 * to judge (a `feeKzt` that is not whole tenge, or one beside `feeTiyn`, is refused there).
 */
function withFeeInTiyn(opened: unknown): unknown {
  if (!isRecord(opened) || !isRecord(opened.application) || 'feeTiyn' in opened.application) return opened;
  const { feeKzt, ...application } = opened.application;
  if (typeof feeKzt !== 'number' || !Number.isSafeInteger(feeKzt) || feeKzt < 0 || feeKzt > LEGACY_MAX_FEE_KZT) return opened;
  return { ...opened, application: { ...application, feeTiyn: feeKzt * 100 } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
