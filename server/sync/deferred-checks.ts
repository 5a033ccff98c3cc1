import { faceDistance, faceMatchVerdict } from '../../src/biometrics/face-match';
import { rejudgeColour } from '../../src/biometrics/colour-challenge';
import { livenessFlags } from '../../src/biometrics/liveness-review';
import type { LivenessEvidence } from '../../src/protocol/liveness';
import { DomainError } from '../../src/domain/domain-error';
import { quoteFee, type DeferredFee, type Fee, type MrpByYear, type TariffRow } from '../../src/domain/fees';
import type { RegistryPerson } from '../../src/domain/registry-person';
import { checkEligibility } from '../../src/domain/services';
import { DEFERRED_CHECKS, type ApplicationPayload, type DeferredCheck } from '../../src/protocol/packets';
import type { MobileCitizensBase } from '../adapters/bmg';
import type { GatewayPaymentStatus } from '../adapters/payments';
import type { PopulationRegistry } from '../adapters/registry';
import type { SmsGateway } from '../adapters/sms';
import { kazakhstanDate } from '../../src/domain/dates';
import type { IdentificationsRepository } from '../repositories/identifications';
import type { PaymentRecord } from '../repositories/payments';
import type { PhoneVerificationsRepository } from '../repositories/phone-verifications';
import { tokenHash } from '../tokens';
import { citizenMessage } from './deferred-messages';

/*
 * The decisions a kiosk could not make while it was offline, made by the back office when the
 * sealed packet arrives. A check the kiosk did make online is honoured by its token, exactly as
 * the online intake does; every other one is made now, against the rules of the day the
 * application was made at the kiosk.
 */

/** Every result lists them in DEFERRED_CHECKS order, so the first failure named to the citizen is the earliest step's. */
export { DEFERRED_CHECKS, type DeferredCheck };

export interface CheckOutcome {
  check: DeferredCheck;
  /** 'review': the rule cannot settle it; a person decides (server/staff/review-routes.ts). */
  outcome: 'passed' | 'failed' | 'pending' | 'review';
  /**
   * Stable: a refusal code when failed; when pending, 'payment_awaited', 'fee_unknown' (the year's
   * MRP is not entered yet) or 'fee_due' (a fee the kiosk deferred, now known and to be paid by
   * the application number); for review, what a person must look at ('face_grey_zone',
   * 'liveness_flagged', 'fee_mismatch', 'payment_mismatch'); null when passed.
   */
  code: string | null;
  /** For the back office's audit: how the outcome was reached ('online_token', 'exempt', …). */
  detail?: string;
  /** 'fee_due': the amount the citizen is told by SMS. */
  amountTiyn?: number;
  /** face_match: the distance between the sealed face and the registry's, when one was measured. */
  distance?: number;
}

export type DeferredStatus = 'accepted' | 'rejected' | 'pending_checks' | 'in_review';

/** A payment the acquirer received for a reference, whichever QR it came from. */
export interface ReferencePayment {
  status: GatewayPaymentStatus;
  amountTiyn: number;
}

export interface DeferredContext {
  registry: Pick<PopulationRegistry, 'findPerson' | 'referenceDescriptor'>;
  bmg: MobileCitizensBase;
  /**
   * Whether the back office holds an open application of this person other than this one: the
   * intake stores the application before the checks, so it must not count against itself.
   */
  hasOtherOpenApplication(iin: string, applicationId: string): Promise<boolean>;
  phoneVerifications: Pick<PhoneVerificationsRepository, 'findConfirmedByToken'>;
  identifications: Pick<IdentificationsRepository, 'findByToken'>;
  /**
   * The fee figures for an application made on `day` (server/repositories/reference-data.ts): the
   * tariff of the version in force that day, and the MRP of a year entered since if that version
   * lacked it (src/domain/reference-data.ts deferredFeeFigures), so a year entered later settles a deferred fee.
   */
  feeFigures(day: string): Promise<{ mrpByYear: MrpByYear; tariff: readonly TariffRow[] }>;
  payments: {
    findById(id: string): Promise<PaymentRecord | null>;
    /** The record as it stands now, settled from the gateway (server/payments/current-payment.ts). */
    current(record: PaymentRecord): Promise<PaymentRecord>;
    /** What the acquirer received under this reference: how a QR the offline kiosk made itself is paid. */
    byReference(reference: string): Promise<ReferencePayment[]>;
  };
}

type Application = ApplicationPayload['application'];

const passed = (check: DeferredCheck, detail?: string): CheckOutcome => ({ check, outcome: 'passed', code: null, ...(detail ? { detail } : {}) });
const failed = (check: DeferredCheck, code: string, detail?: string): CheckOutcome => ({ check, outcome: 'failed', code, ...(detail ? { detail } : {}) });
const awaitingPayment = (detail: string): CheckOutcome => ({ check: 'payment', outcome: 'pending', code: 'payment_awaited', detail });
const forReview = (check: DeferredCheck, code: string, detail?: string, distance?: number): CheckOutcome => ({
  check,
  outcome: 'review',
  code,
  ...(detail ? { detail } : {}),
  ...(distance === undefined ? {} : { distance }),
});
const feeUnknown = (fee: DeferredFee): CheckOutcome => ({ check: 'payment', outcome: 'pending', code: 'fee_unknown', detail: `no MRP entered for ${fee.year}` });

/** Every deferred check, in DEFERRED_CHECKS order. Reads the state systems; changes nothing but a payment's settled status. */
export async function runDeferredChecks(payload: ApplicationPayload, ctx: DeferredContext): Promise<CheckOutcome[]> {
  const { application } = payload;
  const person = await findCitizen(application, ctx);
  // The rules and the tariff of the day the citizen stood at the kiosk, not of the day the packet arrived.
  const madeOn = kazakhstanDate(new Date(application.createdAt));
  return Promise.all([
    Promise.resolve(registryOutcome(person, application, madeOn)),
    phoneOutcome(payload, ctx),
    faceOutcome(payload, ctx),
    paymentOutcome(person, application, madeOn, ctx),
  ]);
}

/**
 * Any failure refuses the application; a payment not yet made keeps it waiting; only then does a
 * check left for review send it to a person, who should not decide what the rules would still refuse.
 */
export function applicationStatusAfter(outcomes: readonly CheckOutcome[]): DeferredStatus {
  if (outcomes.some((o) => o.outcome === 'failed')) return 'rejected';
  if (outcomes.some((o) => o.outcome === 'pending')) return 'pending_checks';
  if (outcomes.some((o) => o.outcome === 'review')) return 'in_review';
  return 'accepted';
}

/**
 * Tells the citizen the outcome by SMS and returns the text sent (null when nobody was told). When
 * the phone check failed, the number typed at the kiosk is not known to be the applicant's, so the
 * message goes to the БМГ's number instead: its owner learns that an application was made in
 * their name; with no number there, nobody is told. Throws when the SMS gateway does; the outcome
 * stands either way.
 */
export async function notifyCitizen(
  payload: ApplicationPayload,
  outcomes: readonly CheckOutcome[],
  ctx: { bmg: MobileCitizensBase; sms: SmsGateway },
): Promise<string | null> {
  const { application } = payload;
  const phoneOk = outcomes.find((o) => o.check === 'phone')?.outcome === 'passed';
  const phone = phoneOk ? application.phone : await ctx.bmg.phoneFor(application.iin);
  if (phone === null) return null;
  const text = citizenMessage(outcomes, application.lang, application.number);
  await ctx.sms.send({ phone, text });
  return text;
}

/** The registry's record, marked in progress when another application of the person is open (as server/citizen-lookup.ts). */
async function findCitizen(application: Application, ctx: DeferredContext): Promise<RegistryPerson | null> {
  const person = await ctx.registry.findPerson(application.iin);
  if (!person || person.applicationInProgress) return person;
  return (await ctx.hasOtherOpenApplication(application.iin, application.id)) ? { ...person, applicationInProgress: true } : person;
}

function registryOutcome(person: RegistryPerson | null, application: Application, madeOn: string): CheckOutcome {
  if (!person) return failed('registry', 'not_found');
  const refusal = checkEligibility(person, application.service, application.document, madeOn);
  return refusal ? failed('registry', refusal) : passed('registry');
}

async function phoneOutcome(payload: ApplicationPayload, ctx: DeferredContext): Promise<CheckOutcome> {
  const { iin, phone } = payload.application;
  const token = payload.online.phoneToken;
  if (token !== null) {
    const verification = await ctx.phoneVerifications.findConfirmedByToken(tokenHash(token));
    return verification && verification.iin === iin && verification.phone === phone
      ? passed('phone', 'online_token')
      : failed('phone', 'unverified_phone');
  }
  // No code could be sent offline: the number must be the one the БМГ holds, and the outcome SMS goes there.
  const registered = await ctx.bmg.phoneFor(iin);
  if (registered === null) return failed('phone', 'not_in_bmg');
  return registered === phone ? passed('phone') : failed('phone', 'phone_mismatch');
}

async function faceOutcome(payload: ApplicationPayload, ctx: DeferredContext): Promise<CheckOutcome> {
  const { iin } = payload.application;
  const token = payload.online.identityToken;
  if (token !== null) {
    const identity = await ctx.identifications.findByToken(tokenHash(token));
    if (!identity || identity.iin !== iin) return failed('face_match', 'unverified_identity');
    // The identify route matched it; a match near the threshold, or a narrow liveness pass, still goes to a person.
    const distance = identity.distance ?? undefined;
    if (distance !== undefined && faceMatchVerdict(distance) === 'review') return forReview('face_match', 'face_grey_zone', 'online_token', distance);
    return livenessOutcome(identity.liveness, 'online_token', distance) ?? { ...passed('face_match', 'online_token'), ...(distance === undefined ? {} : { distance }) };
  }
  return faceMatchOutcome(payload.face, await ctx.registry.referenceDescriptor(iin));
}

/** The identify route's rule, applied to the face the kiosk sealed; the overlap around its threshold is for a person. */
function faceMatchOutcome(face: ApplicationPayload['face'], reference: readonly number[] | null): CheckOutcome {
  if (face.liveness.status !== 'passed') return failed('face_match', 'liveness_failed');
  // The kiosk chose the colours offline: its measurements are judged again here, as the identify route does.
  if (face.liveness.colour && rejudgeColour(face.liveness.colour).status !== 'passed') return failed('face_match', 'liveness_failed');
  if (!reference) return failed('face_match', 'no_reference');
  const distance = faceDistance(face.descriptor, reference);
  switch (faceMatchVerdict(distance)) {
    case 'mismatch':
      return { ...failed('face_match', 'face_mismatch'), distance };
    case 'review':
      return forReview('face_match', 'face_grey_zone', undefined, distance);
    case 'match':
      return livenessOutcome(face.liveness, undefined, distance) ?? { ...passed('face_match'), distance };
  }
}

/** A passed liveness sequence that passed narrowly (src/biometrics/liveness-review.ts) is for a person; null when nothing is narrow. */
function livenessOutcome(evidence: LivenessEvidence | null, via: string | undefined, distance: number | undefined): CheckOutcome | null {
  const flags = evidence ? livenessFlags(evidence) : [];
  if (flags.length === 0) return null;
  return forReview('face_match', 'liveness_flagged', [via, ...flags].filter(Boolean).join(' '), distance);
}

async function paymentOutcome(person: RegistryPerson | null, application: Application, madeOn: string, ctx: DeferredContext): Promise<CheckOutcome> {
  // The fee depends on the registry's count of lost ID cards: without the person there is no fee to check against.
  if (!person) return failed('payment', 'not_found');
  let fee: Fee | DeferredFee;
  try {
    const figures = await ctx.feeFigures(madeOn);
    fee = quoteFee(
      { service: application.service, document: application.document, on: madeOn, lostIdCardsThisYear: person.lostIdCardsThisYear },
      figures.mrpByYear,
      figures.tariff,
    );
  } catch (error) {
    if (error instanceof DomainError) return failed('payment', error.code);
    throw error;
  }
  // A kiosk's figure other than the tariff's (an outdated build or reference data) was paid as shown:
  // a person sorts out the difference rather than refusing the citizen for the kiosk's mistake.
  if (fee.exempt) return fee.amountTiyn === application.feeTiyn ? passed('payment', 'exempt') : forReview('payment', 'fee_mismatch', `tariff 0 tiyn, kiosk ${application.feeTiyn} tiyn`);
  // Neither the kiosk's figure nor a payment can be judged before the year's MRP is entered: wait for it.
  if (fee.amountTiyn === null) return feeUnknown(fee);
  // 0 for a fee that is not exempt, with no payment: the kiosk knew no MRP for the year and deferred
  // the fee (src/steps/Payment.svelte). The citizen pays it by the application number, told by SMS.
  if (application.feeTiyn === 0 && application.paymentId === null) return deferredFeeOutcome(await ctx.payments.byReference(application.number), fee.amountTiyn);
  if (fee.amountTiyn !== application.feeTiyn) return forReview('payment', 'fee_mismatch', `tariff ${fee.amountTiyn} tiyn, kiosk ${application.feeTiyn} tiyn`);

  if (application.paymentId === null) return referencePaymentOutcome(await ctx.payments.byReference(application.number), fee.amountTiyn);
  const record = await ctx.payments.findById(application.paymentId);
  if (!record || record.applicationId !== application.id) return failed('payment', 'payment_missing');
  if (record.amountTiyn !== fee.amountTiyn) return forReview('payment', 'payment_mismatch', `paid ${record.amountTiyn} tiyn, tariff ${fee.amountTiyn} tiyn`);
  return gatewayOutcome((await ctx.payments.current(record)).status, 'payment_id');
}

/** As referencePaymentOutcome; while nothing is paid the citizen is told the amount (code 'fee_due'). */
function deferredFeeOutcome(received: readonly ReferencePayment[], feeTiyn: number): CheckOutcome {
  const outcome = referencePaymentOutcome(received, feeTiyn);
  return outcome.code === 'payment_awaited' ? { ...outcome, code: 'fee_due', detail: 'deferred_fee', amountTiyn: feeTiyn } : outcome;
}

function gatewayOutcome(status: GatewayPaymentStatus | 'not_required', via: string): CheckOutcome {
  switch (status) {
    case 'paid':
      return passed('payment', via);
    case 'pending':
      return awaitingPayment(via);
    case 'declined':
      return failed('payment', 'payment_declined', via);
    case 'expired':
      return failed('payment', 'payment_expired', via);
    case 'not_required':
      return forReview('payment', 'payment_mismatch', via);
  }
}

/**
 * A QR the kiosk made offline carries the application number as its reference and has no invoice
 * behind it, so nothing yet received means the citizen may still pay. One payment of the full fee
 * settles it; money received for another amount is for a person to sort out (review), not to be
 * accepted nor refused by rule.
 */
export function referencePaymentOutcome(received: readonly ReferencePayment[], feeTiyn: number): CheckOutcome {
  const via = 'reference';
  if (received.some((p) => p.status === 'paid' && p.amountTiyn === feeTiyn)) return passed('payment', via);
  const other = received.find((p) => p.status === 'paid');
  if (other) return forReview('payment', 'payment_mismatch', `${via}: paid ${other.amountTiyn} tiyn, tariff ${feeTiyn} tiyn`);
  if (received.length === 0 || received.some((p) => p.status === 'pending')) return awaitingPayment(via);
  return gatewayOutcome(received.some((p) => p.status === 'declined') ? 'declined' : 'expired', via);
}
