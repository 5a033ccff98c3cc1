import { describe, expect, it } from 'vitest';
import { EventLog } from '../flow/events';
import { Journey } from '../flow/journey.svelte';
import { Session } from '../flow/session.svelte';
import type { JourneyRecord } from '../protocol/telemetry';
import { closeInterrupted, feeOf, isValidRecord, journeyFacts, observe, operatorCause, telemetryCode, type OpenJourney } from './journey-recorder';

/** A kiosk's journey, its event log on a clock the test moves, and the recorder listening to it. */
function kiosk() {
  let clock = Date.parse('2026-12-07T04:00:00.000Z');
  const session = new Session();
  const log = new EventLog(500, () => clock);
  const journey = new Journey(session, log);
  const records: JourneyRecord[] = [];
  let open: OpenJourney | null = null;
  let ids = 0;
  log.subscribe((event) => {
    const result = observe(open, event, journeyFacts(session.data), () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`);
    open = result.open;
    if (result.finished) records.push(result.finished);
  });
  return {
    session,
    journey,
    log,
    records,
    open: () => open,
    wait: (ms: number) => {
      clock += ms;
    },
  };
}

/** Through the steps to the identify screen, as a citizen does, with `waitMs` at each. */
function toIdentify(k: ReturnType<typeof kiosk>, waitMs = 10_000) {
  const { session, journey } = k;
  session.update({ lang: 'ru' });
  journey.advance();
  k.wait(waitMs);
  session.update({ service: '09', document: 'id_card' });
  journey.advance();
  k.wait(waitMs);
  session.update({ iin: '900101300017', citizen: { maskedName: 'А*** Б***', lostIdCardsThisYear: 0 } });
  journey.advance();
  k.wait(waitMs);
  session.update({ phone: '+77011234567', phoneToken: 'token' });
  journey.advance();
  k.wait(waitMs);
}

function toDone(k: ReturnType<typeof kiosk>) {
  const { session, journey } = k;
  toIdentify(k);
  session.update({ identityToken: 'id', faceDescriptor: [0.1], liveness: { challenges: [] } as never });
  journey.advance();
  k.wait(10_000);
  session.update({ photoJpeg: 'jpeg' });
  journey.advance();
  session.update({ signaturePng: 'png' });
  journey.advance();
  k.wait(60_000);
  session.update({ payment: { paymentId: 'p1', amountTiyn: 86_500, status: 'paid' }, application: { id: 'a', number: 'AB12-CD34-EF56', createdAt: 'x' } });
  journey.advance();
  k.wait(20_000);
  session.update({ sealed: { readyBy: '2026-12-17', pendingChecks: [] } });
  journey.advance();
}

describe('the journey recorder', () => {
  it('records nothing for a start screen that was only looked at, or a scanned code it refused', () => {
    const k = kiosk();
    k.journey.refused('scan_unreadable');
    k.log.emit('device_fault', { device: 'scanner', code: 'scanner_missing' });
    expect(k.open()).toBeNull();
    expect(k.records).toEqual([]);
  });

  it('keeps a finished journey: steps with their times, the codes chosen, the fee, and the time from the first touch to the receipt', () => {
    const k = kiosk();
    toDone(k);
    k.journey.end('finished');
    expect(k.records).toHaveLength(1);
    const [record] = k.records;
    expect(record).toMatchObject({
      outcome: 'receipt',
      outcomeStep: 'done',
      outcomeCode: null,
      lang: 'ru',
      service: '09',
      document: 'id_card',
      fee: { kind: 'paid', amountTiyn: 86_500 },
      startedAt: '2026-12-07T04:00:00.000Z',
      serviceMs: 130_000,
    });
    expect(record?.steps.map((s) => s.step)).toEqual(['service', 'iin', 'phone', 'identify', 'photo', 'signature', 'payment', 'receipt', 'done']);
    expect(record?.steps[1]).toEqual({ step: 'iin', at: '2026-12-07T04:00:10.000Z' });
    expect(isValidRecord(record)).toBe(true);
    // Nothing of the citizen: no IIN, phone, name, token or image anywhere in it.
    const json = JSON.stringify(record);
    for (const personal of ['900101300017', '7011234567', 'А***', 'token', 'jpeg', 'png', 'AB12-CD34-EF56']) expect(json).not.toContain(personal);
  });

  it('ends a cancelled journey at the step it was cancelled at, and an abandoned one as idle', () => {
    const k = kiosk();
    toIdentify(k);
    k.journey.end('cancel');
    k.session.update({ lang: 'kk' });
    k.journey.advance();
    k.wait(75_000);
    k.journey.end('idle');
    expect(k.records.map((r) => [r.outcome, r.outcomeStep, r.serviceMs, r.fee])).toEqual([
      ['cancel', 'identify', null, null],
      ['idle', 'service', null, null],
    ]);
    expect(k.records[0]?.sessionId).not.toBe(k.records[1]?.sessionId);
    expect(k.records[1]).toMatchObject({ lang: 'kk', service: null, endedAt: '2026-12-07T04:01:55.000Z' });
    expect(k.records.every(isValidRecord)).toBe(true);
  });

  it('keeps the refusal code of the step where the citizen was refused, not an earlier one they got past', () => {
    const k = kiosk();
    toIdentify(k);
    k.journey.refused('face_mismatch');
    k.session.update({ identityToken: 'id', faceDescriptor: [0.1], liveness: { challenges: [] } as never });
    k.journey.advance();
    k.journey.refused('photo_other_person');
    k.journey.end('refused');
    k.session.update({ lang: 'en' });
    k.journey.advance();
    k.journey.end('refused');
    expect(k.records.map((r) => [r.outcome, r.outcomeStep, r.outcomeCode])).toEqual([
      ['refused', 'photo', 'photo_other_person'],
      ['refused', 'service', 'unspecified'],
    ]);
  });

  it('says a citizen went to an operator with the cause, however the session then ended', () => {
    const k = kiosk();
    toIdentify(k);
    k.journey.refused('face_mismatch');
    k.log.emit('sent_to_operator', { step: 'identify', cause: operatorCause('face_mismatch', false) });
    k.journey.end('idle');
    toIdentify(k);
    k.log.emit('device_fault', { device: 'camera', code: 'camera_missing' });
    k.log.emit('sent_to_operator', { step: 'identify', cause: operatorCause('camera_missing', false) });
    k.journey.end('refused');
    expect(k.records.map((r) => [r.outcome, r.outcomeStep, r.outcomeCode])).toEqual([
      ['operator', 'identify', 'face_not_matched'],
      ['operator', 'identify', 'camera_missing'],
    ]);
    expect(k.records[1]?.faults).toEqual([{ device: 'camera', code: 'camera_missing' }]);
  });

  it('lists each step that went on offline once, and each kind of device fault once', () => {
    const k = kiosk();
    k.session.update({ lang: 'ru' });
    k.journey.advance();
    k.session.update({ service: '09', document: 'id_card', iin: '900101300017' });
    k.journey.advance();
    k.journey.wentOffline('network');
    k.journey.wentOffline('network');
    for (let i = 0; i < 3; i++) k.log.emit('device_fault', { device: 'printer', code: 'paper_out' });
    k.log.emit('device_fault', { device: 'printer', code: 'Printer-Failed!' });
    k.journey.end('cancel');
    expect(k.records[0]?.offlineSteps).toEqual(['iin']);
    expect(k.records[0]?.faults).toEqual([
      { device: 'printer', code: 'paper_out' },
      { device: 'printer', code: 'printer_failed_' },
    ]);
    expect(isValidRecord(k.records[0])).toBe(true);
  });

  it('keeps the record within its bounds when a citizen goes back and forth, ending with the last step', () => {
    const k = kiosk();
    k.session.update({ lang: 'ru' });
    k.journey.advance();
    k.session.update({ service: '09', document: 'id_card' });
    for (let i = 0; i < 50; i++) {
      k.journey.advance();
      k.journey.back();
    }
    k.journey.advance();
    k.journey.end('cancel');
    const record = k.records[0];
    expect(record?.steps).toHaveLength(64);
    expect(record?.steps.at(-1)?.step).toBe('iin');
    expect(isValidRecord(record)).toBe(true);
  });

  it('reads forwards when the clock is set back mid-journey: no step before the one before it, none after the end', () => {
    const k = kiosk();
    k.session.update({ lang: 'ru' });
    k.journey.advance();
    k.wait(30_000);
    k.session.update({ service: '09', document: 'id_card' });
    k.journey.advance();
    k.wait(-120_000);
    k.journey.end('cancel');
    const record = k.records[0];
    expect(record?.steps.map((s) => s.at)).toEqual(['2026-12-07T04:00:00.000Z', '2026-12-07T04:00:30.000Z']);
    expect(record?.endedAt).toBe('2026-12-07T04:00:30.000Z');
  });

  it('closes a journey the kiosk lost mid-way as interrupted at its last step, at its last event', () => {
    const k = kiosk();
    toIdentify(k);
    k.journey.wentOffline('network');
    const open = k.open();
    if (!open) throw new Error('the journey is not open');
    const record = closeInterrupted(JSON.parse(JSON.stringify(open)) as OpenJourney);
    expect(record).toMatchObject({ outcome: 'interrupted', outcomeStep: 'identify', serviceMs: null, offlineSteps: ['identify'], endedAt: '2026-12-07T04:00:40.000Z' });
    expect(isValidRecord(record)).toBe(true);
  });
});

describe('feeOf', () => {
  it('tells paid, exempt and deferred apart, with the amount in tiyn where it is known', () => {
    expect(feeOf({ paymentId: 'p', amountTiyn: 86_500, status: 'paid' })).toEqual({ kind: 'paid', amountTiyn: 86_500 });
    expect(feeOf({ paymentId: null, amountTiyn: 0, status: 'not_required' })).toEqual({ kind: 'exempt', amountTiyn: null });
    expect(feeOf({ paymentId: 'p', amountTiyn: 86_500, status: 'deferred' })).toEqual({ kind: 'deferred', amountTiyn: 86_500 });
    expect(feeOf({ paymentId: null, amountTiyn: 0, status: 'fee_deferred' })).toEqual({ kind: 'deferred', amountTiyn: null });
    expect(feeOf({ paymentId: 'p', amountTiyn: 86_500, status: 'pending' })).toBeNull();
    expect(feeOf(null)).toBeNull();
  });
});

describe('telemetryCode and operatorCause', () => {
  it('spell any code as the wire takes it', () => {
    expect(telemetryCode('paper_out')).toBe('paper_out');
    expect(telemetryCode('42-Bad Code')).toBe('bad_code');
    expect(telemetryCode('')).toBe('unknown');
    expect(telemetryCode('x'.repeat(60))).toHaveLength(48);
  });

  it('group identify failures into the causes the report counts', () => {
    expect(operatorCause('face_mismatch', false)).toBe('face_not_matched');
    expect(operatorCause('still_photo', true)).toBe('liveness_failed');
    expect(operatorCause('timeout', false)).toBe('liveness_failed');
    expect(operatorCause('camera_missing', false)).toBe('camera_missing');
    expect(operatorCause('too_many_attempts', false)).toBe('too_many_attempts');
  });
});
