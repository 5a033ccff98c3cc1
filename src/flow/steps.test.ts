import { describe, expect, it } from 'vitest';
import { emptySession, type SessionData } from './session-data';
import { BACK, COUNTED_STEPS, STEP_IDS, STEPS, StepGuardError, backFrom, nextStep, progressOf, type StepId } from './steps';

function completed(): SessionData {
  return {
    ...emptySession(),
    lang: 'kk',
    service: '18',
    document: 'id_card',
    iin: '900101300017',
    citizen: { maskedName: 'Айгерим Б.', lostIdCardsThisYear: 0 },
    phone: '+77011234567',
    phoneToken: 'p',
    identityToken: 'i',
    faceDescriptor: [0.1],
    liveness: {} as SessionData['liveness'],
    photoJpeg: 'x',
    signaturePng: 'y',
    application: { id: '1', number: 'A', createdAt: '2026-11-25T10:00:00Z' },
    payment: { paymentId: null, amountTiyn: 0, status: 'not_required' },
    sealed: { readyBy: '2026-12-16', pendingChecks: [] },
  };
}

describe('the journey table', () => {
  it('walks every step in order when the session holds what each needs', () => {
    const data = completed();
    const walked = ['language'];
    let step: StepId = 'language';
    while (step !== 'done') {
      step = nextStep(step, data);
      walked.push(step);
    }
    expect(walked).toEqual([...STEP_IDS]);
  });

  it('refuses to show a step whose inputs are missing', () => {
    const data = { ...completed(), phoneToken: null };
    expect(() => nextStep('phone', data)).toThrow(StepGuardError);
    const unpaid = { ...completed(), payment: { paymentId: 'p1', amountTiyn: 86_500, status: 'pending' as const } };
    expect(() => nextStep('payment', unpaid)).toThrow(StepGuardError);
  });

  it('goes on without the back office where the offline policy lets a step defer its check', () => {
    const offline: SessionData = {
      ...completed(),
      citizen: null,
      phoneToken: null,
      identityToken: null,
      payment: { paymentId: null, amountTiyn: 86_500, status: 'deferred' },
      offlineSteps: ['iin', 'phone', 'identify', 'payment'],
    };
    const walked: StepId[] = ['language'];
    let step: StepId = 'language';
    while (step !== 'done') {
      step = nextStep(step, offline);
      walked.push(step);
    }
    expect(walked).toEqual([...STEP_IDS]);
    // Without the registry's answer, or the SMS code, only a step that ran offline lets the journey on.
    expect(() => nextStep('iin', { ...offline, offlineSteps: [] })).toThrow(StepGuardError);
    expect(() => nextStep('phone', { ...offline, offlineSteps: ['iin'] })).toThrow(StepGuardError);
    expect(() => nextStep('identify', { ...offline, offlineSteps: ['iin', 'phone'] })).toThrow(StepGuardError);
    expect(() => nextStep('identify', { ...offline, liveness: null })).toThrow(StepGuardError);
  });

  it('has nothing after the last step', () => {
    expect(() => nextStep('done', completed())).toThrow(StepGuardError);
  });

  it('counts the steps the citizen works through', () => {
    expect(COUNTED_STEPS).toBe(8);
    expect(progressOf('service')).toBe(1);
    expect(progressOf('receipt')).toBe(8);
    expect(progressOf('language')).toBeNull();
  });
});

/** What each step proves or makes; Back to a step drops what it and every later step made, bar what the citizen typed. */
const PROVED_FROM: Record<StepId, (keyof SessionData)[]> = {
  language: [],
  service: [],
  iin: ['iin', 'citizen'],
  phone: ['phoneToken'],
  identify: ['identityToken', 'faceDescriptor', 'liveness'],
  photo: ['photoJpeg', 'photoQuality'],
  signature: ['signaturePng'],
  payment: ['payment'],
  receipt: ['sealed'],
  done: [],
};

/** The session as it stands on `step`: what every earlier step made, nothing of later ones. */
function at(step: StepId, data: SessionData = completed()): SessionData {
  const session = { ...data };
  for (const later of STEP_IDS.slice(STEP_IDS.indexOf(step))) {
    for (const key of PROVED_FROM[later]) Object.assign(session, { [key]: emptySession()[key] });
  }
  if (STEP_IDS.indexOf(step) <= STEP_IDS.indexOf('phone')) Object.assign(session, { phone: null });
  if (STEP_IDS.indexOf(step) <= STEP_IDS.indexOf('payment')) Object.assign(session, { application: null });
  return session;
}

function back(step: StepId, data: SessionData = at(step)): { to: StepId; data: SessionData } {
  const move = backFrom(step, data);
  if (!move) throw new Error(`no Back from ${step}`);
  return { to: move.to, data: { ...data, ...move.patch } };
}

describe('Back', () => {
  it('leads one step back from every step after the first, and nowhere from the first or once paid', () => {
    expect(STEP_IDS.filter((id) => BACK[id] !== null)).toEqual(['service', 'iin', 'phone', 'identify', 'photo', 'signature', 'payment']);
    for (const id of STEP_IDS) {
      const rule = BACK[id];
      if (rule) expect(STEP_IDS.indexOf(rule.to), id).toBe(STEP_IDS.indexOf(id) - 1);
    }
    expect(backFrom('language', at('language'))).toBeNull();
    expect(backFrom('receipt', at('receipt'))).toBeNull();
    expect(backFrom('done', completed())).toBeNull();
  });

  it('lands on a step whose inputs the session still holds, without what that step proves', () => {
    for (const id of STEP_IDS) {
      const move = backFrom(id, at(id));
      if (!move || move.to === 'language') continue;
      const after = { ...at(id), ...move.patch };
      expect(STEPS[move.to].guard(after), `${id} → ${move.to}`).toBe(true);
      for (const later of STEP_IDS.slice(STEP_IDS.indexOf(move.to))) {
        for (const key of PROVED_FROM[later]) expect(after[key], `${id} → ${move.to} keeps ${key}`).toEqual(emptySession()[key]);
      }
    }
  });

  it('keeps the IIN typed when the reason is changed, to be checked again under the new reason', () => {
    const onIin = { ...at('iin'), prefill: { iin: '900101300017' } };
    const { to, data } = back('iin', onIin);
    expect(to).toBe('service');
    expect(data.prefill).toEqual({ iin: '900101300017' });
    expect(data.citizen).toBeNull();
  });

  it('shows the checked IIN again, editable, when going back from the phone', () => {
    const { to, data } = back('phone');
    expect(to).toBe('iin');
    expect(data.iin).toBeNull();
    expect(data.citizen).toBeNull();
    expect(data.prefill).toEqual({ iin: '900101300017' });
  });

  it('keeps the number but asks for a new SMS code when going back from the identification', () => {
    const { to, data } = back('identify');
    expect(to).toBe('phone');
    expect(data.phone).toBe('+77011234567');
    expect(data.phoneToken).toBeNull();
  });

  it('never carries an identification past a Back to it or before it', () => {
    for (const id of STEP_IDS) {
      const rule = BACK[id];
      // Back to the first screen ends the session whole.
      if (!rule || rule.to === 'language' || STEP_IDS.indexOf(rule.to) > STEP_IDS.indexOf('identify')) continue;
      // Whatever the session holds: a match made before coming back this far is dropped too.
      const { patch } = backFrom(id, completed()) ?? { patch: {} };
      for (const key of ['identityToken', 'faceDescriptor', 'liveness', 'photoJpeg', 'signaturePng'] as const) {
        expect(patch, `${id} drops ${key}`).toHaveProperty(key, null);
      }
    }
    // From the photo, the next person at the camera is matched again; the photo step checks against that match.
    expect(back('photo').data).toMatchObject({ identityToken: null, faceDescriptor: null, liveness: null, phoneToken: 'p' });
    expect(back('signature').data).toMatchObject({ identityToken: 'i', photoJpeg: null });
  });

  it('drops the application only where the IIN may change: the payment found again is the same one', () => {
    const onPayment = { ...at('payment'), application: completed().application, payment: { paymentId: 'p1', amountTiyn: 86_500, status: 'pending' as const } };
    const fromPayment = back('payment', onPayment);
    expect(fromPayment.to).toBe('signature');
    expect(fromPayment.data).toMatchObject({ application: completed().application, payment: null, signaturePng: null });
    expect(backFrom('phone', { ...at('phone'), application: completed().application })?.patch.application).toBeNull();
  });

  it('offers no Back once the fee is paid, or a QR was shown that may have been paid offline', () => {
    const paid = { ...at('payment'), payment: { paymentId: 'p1', amountTiyn: 86_500, status: 'paid' as const } };
    expect(backFrom('payment', paid)).toBeNull();
    expect(backFrom('payment', { ...paid, payment: { paymentId: null, amountTiyn: 86_500, status: 'deferred' as const } })).toBeNull();
    for (const status of ['pending', 'declined', 'expired', 'not_required', 'fee_deferred'] as const) {
      expect(backFrom('payment', { ...paid, payment: { paymentId: null, amountTiyn: 0, status } }), status).not.toBeNull();
    }
  });

  it('runs the steps from the target on again, online if the link is back', () => {
    const offline = { ...at('photo'), offlineSteps: ['iin', 'phone', 'identify'] as StepId[] };
    expect(back('photo', offline).data.offlineSteps).toEqual(['iin', 'phone']);
    expect(back('phone', { ...at('phone'), offlineSteps: ['iin'] }).data.offlineSteps).toEqual([]);
  });
});
