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
    photoJpeg: 'x',
    signaturePng: 'y',
    application: { id: '1', number: 'A', createdAt: '2026-11-25T10:00:00Z' },
    payment: { paymentId: null, amountKzt: 0, status: 'not_required' },
    accepted: { readyBy: '2026-12-16' },
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
    const unpaid = { ...completed(), payment: { paymentId: 'p1', amountKzt: 865, status: 'pending' as const } };
    expect(() => nextStep('payment', unpaid)).toThrow(StepGuardError);
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
