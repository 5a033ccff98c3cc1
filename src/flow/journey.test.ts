import { describe, expect, it } from 'vitest';
import { EventLog } from './events';
import { Journey } from './journey.svelte';
import { Session } from './session.svelte';
import { StepGuardError } from './steps';

function journeyAt() {
  const session = new Session();
  const log = new EventLog();
  return { session, log, journey: new Journey(session, log) };
}

describe('Journey.skipTo, for a scanned e-application', () => {
  it('goes from the first screen straight to the IIN once language, reason and document are known', () => {
    const { session, journey, log } = journeyAt();
    session.update({ lang: 'ru', service: '07', document: 'id_card', prefill: { iin: '900101300017' } });
    journey.skipTo('iin');
    expect(journey.step).toBe('iin');
    expect(log.recent().at(-1)).toMatchObject({ type: 'step_entered', data: { step: 'iin' } });
  });

  it('refuses a step whose inputs are missing, and any skip from a later step', () => {
    const { session, journey } = journeyAt();
    session.update({ lang: 'ru' });
    expect(() => journey.skipTo('iin')).toThrow(StepGuardError);
    expect(journey.step).toBe('language');
    journey.advance();
    session.update({ service: '07', document: 'id_card' });
    expect(() => journey.skipTo('iin')).toThrow(StepGuardError);
    expect(journey.step).toBe('service');
  });
});

describe('Journey.back', () => {
  it('goes one step back keeping the IIN typed, and from the reasons back to the first screen ends the session', () => {
    const { session, journey, log } = journeyAt();
    session.update({ lang: 'kk' });
    journey.advance();
    session.update({ service: '07', document: 'id_card' });
    journey.advance();
    session.update({ iin: '900101300017', citizen: { maskedName: 'А. Б.', lostIdCardsThisYear: 0 } });
    journey.advance();
    expect(journey.step).toBe('phone');

    journey.back();
    expect(journey.step).toBe('iin');
    expect(session.data).toMatchObject({ iin: null, citizen: null, prefill: { iin: '900101300017' }, service: '07' });
    journey.back();
    expect(journey.step).toBe('service');
    expect(session.data.prefill).toEqual({ iin: '900101300017' });
    journey.back();
    expect(journey.step).toBe('language');
    expect(session.data.prefill).toBeNull();
    expect(log.recent().some((e) => e.type === 'session_ended')).toBe(true);
    journey.back();
    expect(journey.step).toBe('language');
  });
});
