import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeSecretFrom, portFrom } from './process-config';

// What a technician sees who starts the back office with a mistake in its environment: one line
// that says what to set, exit code 2, and nothing made in DATA_DIR.

describe('the environment read as plain values', () => {
  it('takes a port up to 65535, 8080 when unset', () => {
    expect(portFrom(undefined)).toBe(8080);
    expect(portFrom('8181')).toBe(8181);
    for (const value of ['65536', '80a', '-1', ' 80', '8e3']) expect(() => portFrom(value)).toThrow(/PORT=/);
  });

  it('takes a code secret of at least 32 bytes in hex, and nothing shorter or not hex', () => {
    expect(codeSecretFrom(undefined)).toBeNull();
    expect(codeSecretFrom('ab'.repeat(32))).toHaveLength(32);
    for (const value of ['ab'.repeat(31), 'zz'.repeat(32), `${'ab'.repeat(32)}a`, 'secret']) expect(() => codeSecretFrom(value)).toThrow(/CODE_SECRET/);
  });
});

describe('starting with a mistake in the environment', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'main-config-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  function start(env: Record<string, string>) {
    const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', DATA_DIR: join(dataDir, 'data'), PORT: '0' };
    return spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env: { ...base, ...env }, encoding: 'utf8', timeout: 60_000 });
  }

  it.each([
    [{ SANDBOX: '1', TRUST_PROXY: 'true' }, 'back office: TRUST_PROXY: "true" is not an address or network'],
    [{ BACK_OFFICE_CLOCK: '2027-01-04T09:00:00+05:00', SANDBOX: '1', PORT: 'http' }, 'back office: PORT=http: give a TCP port from 1 to 65535'],
    [{ BACK_OFFICE_CLOCK: '2027-01-04T09:00:00+05:00', STATE_SYSTEMS: '' }, 'back office: no state systems'],
    [{ SANDBOX: '1', BACK_OFFICE_CLOCK: 'monday' }, 'back office: BACK_OFFICE_CLOCK must be an ISO date-time'],
    [{ SANDBOX: '1', CODE_SECRET: 'secret' }, 'back office: CODE_SECRET must be at least 32 bytes in hex'],
  ])('%j: exits 2 with one line, having opened nothing', (env, line) => {
    const run = start(env);
    expect(run.status, run.stderr).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(line);
    expect(existsSync(join(dataDir, 'data'))).toBe(false);
  }, 60_000);
});
