import type { DocumentKind, Lang, PaymentStatus, PhotoQuality, ServiceCode } from '../protocol';

/**
 * Everything the journey knows about the citizen. It lives only in memory (see Session) and is
 * dropped whole by wipe(); nothing here is written to storage.
 */
export interface SessionData {
  lang: Lang | null;
  service: ServiceCode | null;
  document: DocumentKind | null;
  iin: string | null;
  citizen: { maskedName: string; lostIdCardsThisYear: number } | null;
  phone: string | null;
  phoneToken: string | null;
  identityToken: string | null;
  /** The live descriptor the back office matched: the photo step checks its portrait shows the same person. */
  faceDescriptor: number[] | null;
  /** The document portrait, 35×45, base64 JPEG without the data: prefix. */
  photoJpeg: string | null;
  /** The ICAO measures of the frame the portrait was cut from. */
  photoQuality: PhotoQuality | null;
  /** The signature, base64 PNG without the data: prefix. */
  signaturePng: string | null;
  payment: { paymentId: string | null; amountKzt: number; status: PaymentStatus } | null;
  application: { id: string; number: string; createdAt: string } | null;
  accepted: { readyBy: string } | null;
}

export function emptySession(): SessionData {
  return {
    lang: null,
    service: null,
    document: null,
    iin: null,
    citizen: null,
    phone: null,
    phoneToken: null,
    identityToken: null,
    faceDescriptor: null,
    photoJpeg: null,
    photoQuality: null,
    signaturePng: null,
    payment: null,
    application: null,
    accepted: null,
  };
}
