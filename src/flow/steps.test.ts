import { describe, expect, it } from 'vitest';
import { emptySession, type SessionData } from './session-data';
import { COUNTED_STEPS, STEP_IDS, StepGuardError, nextStep, progressOf, type StepId } from './steps';

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
