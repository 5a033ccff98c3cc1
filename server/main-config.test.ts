import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeSecretFrom, portFrom, publicUrlFrom } from './process-config';

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

  it('takes the public address as an absolute https URL, required outside the sandbox', () => {
    const production = { sandbox: false, host: '0.0.0.0', port: 8080 };
    expect(publicUrlFrom('https://kiosk.example.kz', production)).toBe('https://kiosk.example.kz');
    // A trailing slash or a default port is not part of the address; a proxy's path prefix is.
    expect(publicUrlFrom('https://Kiosk.Example.kz:443/', production)).toBe('https://kiosk.example.kz');
    expect(publicUrlFrom('https://example.kz/kiosk/', production)).toBe('https://example.kz/kiosk');
    expect(() => publicUrlFrom(undefined, production)).toThrow(/^PUBLIC_URL is not set/);
    expect(() => publicUrlFrom('', production)).toThrow(/^PUBLIC_URL is not set/);
    for (const value of ['http://kiosk.example.kz', 'kiosk.example.kz', '/track', 'https://user:pw@kiosk.example.kz', 'https://kiosk.example.kz/?a=1', 'https://kiosk.example.kz/#x', 'ftp://kiosk.example.kz', 'https://']) {
      expect(() => publicUrlFrom(value, production), value).toThrow(/^PUBLIC_URL=/);
    }
  });

  it('in the sandbox takes http too, and defaults to where it listens', () => {
    expect(publicUrlFrom(undefined, { sandbox: true, host: '127.0.0.1', port: 8080 })).toBe('http://127.0.0.1:8080');
    expect(publicUrlFrom(undefined, { sandbox: true, host: '0.0.0.0', port: 8181 })).toBe('http://127.0.0.1:8181');
    expect(publicUrlFrom(undefined, { sandbox: true, host: '::1', port: 8080 })).toBe('http://[::1]:8080');
    expect(publicUrlFrom('http://192.168.1.20:8080', { sandbox: true, host: '0.0.0.0', port: 8080 })).toBe('http://192.168.1.20:8080');
    expect(() => publicUrlFrom(undefined, { sandbox: true, host: '127.0.0.1', port: 0 })).toThrow(/PORT=0/);
  });
});

describe('starting with a mistake in the environment', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'main-config-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  // Real state systems that load, so that a start outside the sandbox gets as far as PUBLIC_URL.
  const adapters = join(dataDir, 'adapters.mjs');
  const fn = 'async () => null';
  writeFileSync(
    adapters,
    `export const createStateSystems = () => ({ registry: { findPerson: ${fn}, referenceDescriptor: ${fn}, referencePhoto: ${fn} }, bmg: { phoneFor: ${fn} }, sms: { send: ${fn} }, paymentGateway: { createInvoice: ${fn}, status: ${fn}, findByReference: ${fn} } });`,
  );

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
    [{ SANDBOX: '1', PUBLIC_URL: 'kiosk.example.kz' }, 'back office: PUBLIC_URL=kiosk.example.kz: give an absolute http(s) URL'],
    [{ STATE_SYSTEMS: adapters }, 'back office: PUBLIC_URL is not set'],
    [{ STATE_SYSTEMS: adapters, PUBLIC_URL: 'http://kiosk.example.kz' }, 'back office: PUBLIC_URL=http://kiosk.example.kz: give an absolute https URL'],
  ])('%j: exits 2 with one line, having opened nothing', (env, line) => {
    const run = start(env);
    expect(run.status, run.stderr).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(line);
    expect(existsSync(join(dataDir, 'data'))).toBe(false);
  }, 60_000);
});
