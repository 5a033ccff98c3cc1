import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskName } from '../../src/domain/application';
import { NOT_FOUND_IIN } from '../seed/citizens';
import { createTestApp, enrolTerminal, offlineApplication, postSealed, type TestApp } from '../test-support';

describe('POST /api/v1/citizens/check', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);
  afterAll(() => t.close(), 60_000);

  const check = (payload: object) => t.asTerminal({ method: 'POST', url: '/api/v1/citizens/check', payload });

  it('answers every seeded citizen as the test-citizens table says', async () => {
    for (const citizen of t.citizens) {
      const { service, document, refusal } = citizen.example;
      const response = await check({ iin: citizen.person.iin, service, document });
      expect(response.statusCode, citizen.tag).toBe(200);
      const { person } = citizen;
      expect(response.json(), citizen.tag).toEqual(
        refusal === null
          ? { ok: true, maskedName: maskName(person.surname, person.givenName, person.patronymic), lostIdCardsThisYear: person.lostIdCardsThisYear }
          : { ok: false, refusal },
      );
    }
  });

  it('refuses a valid IIN the registry does not know with not_found', async () => {
    const response = await check({ iin: NOT_FOUND_IIN, service: '07', document: 'id_card' });
    expect(response.json()).toEqual({ ok: false, refusal: 'not_found' });
  });

  it('reports the ID cards lost this year, which the fee depends on', async () => {
    const response = await check({ iin: t.citizen('service-09-lost-repeatedly').person.iin, service: '09', document: 'id_card' });
    expect(response.json()).toMatchObject({ ok: true, lostIdCardsThisYear: 3 });
  });

  it('never sends the full surname', async () => {
    const { person } = t.citizen('service-07');
    const response = await check({ iin: person.iin, service: '07', document: 'id_card' });
    expect(response.body).not.toContain(person.surname);
  });

  it('rejects an IIN with a wrong control digit with 400 invalid_iin', async () => {
    const iin = t.citizen('service-07').person.iin;
    const broken = iin.slice(0, 11) + String((Number(iin[11]) + 1) % 10);
    const response = await check({ iin: broken, service: '07', document: 'id_card' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ code: 'invalid_iin', detail: 'checksum' });
  });

  it.each([
    ['a short IIN', { iin: '12345', service: '07', document: 'id_card' }],
    ['an unknown service', { iin: '900101300017', service: '05', document: 'id_card' }],
    ['an unknown document', { iin: '900101300017', service: '07', document: 'visa' }],
    ['an extra field', { iin: '900101300017', service: '07', document: 'id_card', name: 'x' }],
    ['a number for a string', { iin: 900101300017, service: '07', document: 'id_card' }],
  ])('rejects %s with 400 invalid_request', async (_name, payload) => {
    const response = await check(payload);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'invalid_request' });
  });

  it('says application_in_progress once the back office has taken an application', async () => {
    const citizen = t.citizen('crowd-03');
    const before = await check({ iin: citizen.person.iin, service: '16', document: 'id_card' });
    expect(before.json()).toMatchObject({ ok: true });
    const terminal = await enrolTerminal(t.app, 'T-031');
    const payload = offlineApplication(t, citizen, { terminalId: terminal.terminalId, centreId: terminal.centreId });
    const submitted = await postSealed(t, terminal, payload, 1);
    expect(submitted.statusCode).toBe(201);
    const after = await check({ iin: citizen.person.iin, service: '16', document: 'id_card' });
    expect(after.json()).toEqual({ ok: false, refusal: 'application_in_progress' });
  });
});
