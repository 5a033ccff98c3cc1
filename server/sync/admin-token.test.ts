import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBearer, loadAdminToken } from './admin-token';

describe('the admin token', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'admin-token-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('is made once in DATA_DIR/admin-token, readable by the owner only, then read back', async () => {
    const first = await loadAdminToken({ env: undefined, dataDir: dir });
    expect(first.created).toBe(true);
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await stat(join(dir, 'admin-token'))).mode & 0o777).toBe(0o600);
    expect(await readFile(join(dir, 'admin-token'), 'utf8')).toBe(first.token);
    expect(await loadAdminToken({ env: undefined, dataDir: dir })).toEqual({ token: first.token, created: false });
  });

  it('is ADMIN_TOKEN when that is set', async () => {
    expect(await loadAdminToken({ env: 'from-env', dataDir: dir })).toEqual({ token: 'from-env', created: false });
  });

  it('is checked as a bearer token', () => {
    expect(isBearer('Bearer s3cret', 's3cret')).toBe(true);
    expect(isBearer('Bearer s3cret2', 's3cret')).toBe(false);
    expect(isBearer('Bearer ', 's3cret')).toBe(false);
    expect(isBearer('Basic s3cret', 's3cret')).toBe(false);
    expect(isBearer('s3cret', 's3cret')).toBe(false);
    expect(isBearer(undefined, 's3cret')).toBe(false);
  });
});
