import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { applicationNumber } from '../../src/domain/application';
import { makeApplicationPayload } from '../../src/sync/packet-fixture';
import { checkPayload } from './payload-check';

describe('checkPayload', () => {
  const id = randomUUID();
  const payload = makeApplicationPayload({ id, number: applicationNumber(id), terminalId: 'T-1' });
  const header = { applicationId: id, terminalId: 'T-1' };

  it('takes a valid payload that agrees with its packet', () => {
    expect(checkPayload(payload, header)).toEqual({ ok: true, payload });
  });

  it('refuses a payload that speaks for another application or terminal than its packet', () => {
    expect(checkPayload(payload, { ...header, applicationId: randomUUID() })).toEqual({
      ok: false,
      detail: 'application.id is not the packet applicationId',
    });
    expect(checkPayload(payload, { ...header, terminalId: 'T-2' })).toMatchObject({ ok: false });
  });

  it('says where the schema fails', () => {
    const result = checkPayload({ ...payload, face: { ...payload.face, descriptor: [1, 2] } }, header);
    expect(result).toMatchObject({ ok: false, detail: expect.stringContaining('/face/descriptor') });
    expect(checkPayload('not even an object', header)).toMatchObject({ ok: false });
  });
});
