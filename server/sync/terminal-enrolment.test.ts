import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPublicJwk, makeTerminalKeys } from '../../src/sync/seal';
import { createTestApp, type TestApp } from '../test-support';
import { enrolSandboxTerminal, enrolWithCode, issueEnrolmentCode, newSandboxTerminalId, SANDBOX_CENTRE } from './terminal-enrolment';

describe('terminal enrolment', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);
  afterAll(() => t.close(), 60_000);

  const newKey = async () => exportPublicJwk((await makeTerminalKeys()).publicKey);
  /** Hands out these ids in turn. */
  const ids = (...list: string[]) => () => {
    const id = list.shift();
    if (id === undefined) throw new Error('no more ids');
    return id;
  };

  it('sandbox ids are SBX- and 8 of the code alphabet', () => {
    for (let i = 0; i < 50; i++) expect(newSandboxTerminalId()).toMatch(/^SBX-[A-HJKMNP-Z2-9]{8}$/);
  });

  it('draws another id when the drawn one is taken, and leaves the terminal that has it alone', async () => {
    // Created by an administrator, not yet enrolled: a code issued to it again would take it over.
    const waiting = await issueEnrolmentCode(t.app, { terminalId: 'SBX-TAKEN222', centreId: 'AST-03' });
    expect(waiting).not.toBeNull();
    const result = await enrolSandboxTerminal(t.app, await newKey(), ids('SBX-TAKEN222', 'SBX-FREE2222'));
    expect(result).toMatchObject({ ok: true, enrolled: { terminalId: 'SBX-FREE2222', centreId: SANDBOX_CENTRE } });

    expect(await t.app.terminals.find('SBX-TAKEN222')).toMatchObject({ centreId: 'AST-03', enrolledAt: null });
    // Its own code still enrols it.
    const own = await enrolWithCode(t.app, waiting!.code, await newKey());
    expect(own).toMatchObject({ ok: true, enrolled: { terminalId: 'SBX-TAKEN222', centreId: 'AST-03' } });
  });

  it('gives up after a few draws that are all taken', async () => {
    const taken = Array.from({ length: 5 }, () => 'SBX-FREE2222');
    await expect(enrolSandboxTerminal(t.app, await newKey(), ids(...taken))).rejects.toThrow(/no free sandbox terminal id/);
  });

  it('refuses a key off the curve before spending a code', async () => {
    const publicKey = await newKey();
    const issued = await issueEnrolmentCode(t.app, { terminalId: 'T-KEY', centreId: 'AST-03' });
    expect(await enrolWithCode(t.app, issued!.code, { ...publicKey, x: publicKey.y })).toMatchObject({ ok: false, code: 'invalid_request' });
    expect(await enrolWithCode(t.app, issued!.code, publicKey)).toMatchObject({ ok: true });
  });
});
