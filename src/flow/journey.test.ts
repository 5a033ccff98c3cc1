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
