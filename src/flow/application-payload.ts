import type { ApplicationPayload } from '../protocol/packets';
import type { TerminalIdentity } from './readiness.svelte';
import type { SessionData } from './session-data';

/**
 * The finished application as it is sealed: everything the back office needs to finish it, with
 * the online tokens where the kiosk had them and null where a check waits for the sync. Null while
 * the session still lacks something the journey's guards should have made sure of.
 */
export function applicationPayload(data: SessionData, terminal: TerminalIdentity, test: boolean): ApplicationPayload | null {
  const { application, iin, service, document, lang, phone, faceDescriptor, liveness, photoJpeg, photoQuality, signaturePng, payment } = data;
  if (!application || !iin || !service || !document || !lang || !phone || !faceDescriptor || !liveness) return null;
  if (!photoJpeg || !photoQuality || !signaturePng || !payment) return null;
  return {
    application: {
      id: application.id,
      number: application.number,
      iin,
      service,
      document,
      lang,
      phone,
      centreId: terminal.centreId,
      terminalId: terminal.terminalId,
      test,
      createdAt: application.createdAt,
      feeTiyn: payment.amountTiyn,
      paymentId: payment.status === 'not_required' ? null : payment.paymentId,
    },
    online: { phoneToken: data.phoneToken, identityToken: data.identityToken },
    face: { descriptor: faceDescriptor, liveness },
    photo: { jpeg: photoJpeg, quality: photoQuality },
    signaturePng,
  };
}
