import type { DeferredCheck, DocumentKind, Lang, LivenessEvidence, PaymentStatus, PhotoQuality, ServiceCode } from '../protocol';
import type { StepId } from './steps';

/**
 * Everything the journey knows about the citizen. It lives only in memory (see Session) and is
 * dropped whole by wipe(); nothing here is written to storage.
 */
export interface SessionData {
  lang: Lang | null;
  service: ServiceCode | null;
  document: DocumentKind | null;
  iin: string | null;
  /** What the registry said of the IIN; null when the IIN step ran offline (the back office looks it up at sync). */
  citizen: { maskedName: string; lostIdCardsThisYear: number } | null;
  phone: string | null;
  /** Proof the SMS code was typed; null when no code could be sent (offline: the back office checks the number with the БМГ). */
  phoneToken: string | null;
  /** Proof the back office matched the face; null when the match is deferred to the sync. */
  identityToken: string | null;
  /** The live descriptor: matched by the back office now or at sync, and the photo step checks its portrait shows the same person. */
  faceDescriptor: number[] | null;
  /** How the liveness sequence was passed: goes with the application. */
  liveness: LivenessEvidence | null;
  /** The document portrait, 35×45, base64 JPEG without the data: prefix. */
  photoJpeg: string | null;
  /** The ICAO measures of the frame the portrait was cut from. */
  photoQuality: PhotoQuality | null;
  /** The signature, base64 PNG without the data: prefix. */
  signaturePng: string | null;
  /**
   * `deferred`: the citizen was shown the QR but the kiosk could not learn whether it was paid (no
   * network); the back office reconciles it by the payment id or the application number.
   * `fee_deferred`: the year's MRP is not known yet (amountTiyn 0, no QR); amounts are integer tiyn (86,500 is 865 ₸); the back office sends
   * the fee by SMS once it is, and takes it by the application number.
   */
  payment: { paymentId: string | null; amountTiyn: number; status: PaymentStatus | 'deferred' | 'fee_deferred' } | null;
  application: { id: string; number: string; createdAt: string } | null;
  /**
   * The IIN as its step shows it, not yet checked by the registry: read from a scanned e-application,
   * or typed by the citizen (kept when they go back to change the reason or correct the number).
   */
  prefill: { iin: string } | null;
  /** Steps that could not reach the back office: each defers its check (src/flow/offline-policy.ts). */
  offlineSteps: StepId[];
  /** Set once the application is sealed into the outbox: the receipt may print. */
  sealed: { readyBy: string; pendingChecks: DeferredCheck[] } | null;
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
    liveness: null,
    photoJpeg: null,
    photoQuality: null,
    signaturePng: null,
    payment: null,
    application: null,
    prefill: null,
    offlineSteps: [],
    sealed: null,
  };
}
