import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database';
import { makeOwnSchema, TEST_DATABASE_URL } from '../db/test-database';
import { verifyPassword } from './password';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

describe(`npm run staff:add-admin on ${TEST_DATABASE_URL ? 'DATABASE_URL' : "PGlite's DATA_DIR"}`, () => {
  let env: Record<string, string>;
  let cleanUp: () => Promise<void>;
  let url: string | undefined;
  let dataDir: string | undefined;
  beforeAll(async () => {
    if (TEST_DATABASE_URL) {
      const schema = await makeOwnSchema(TEST_DATABASE_URL, 'addadmin');
      url = schema.url;
      env = { DATABASE_URL: schema.url };
      cleanUp = schema.drop;
    } else {
      dataDir = await mkdtemp(join(tmpdir(), 'add-admin-'));
      env = { DATA_DIR: dataDir, DATABASE_URL: '' };
      cleanUp = () => rm(dataDir!, { recursive: true, force: true });
    }
  });
  afterAll(() => cleanUp(), 60_000);

  const run = (args: string[], stdin: string): Promise<Run> =>
    new Promise((resolve) => {
      const child = execFile(process.execPath, ['--import', 'tsx', 'server/staff/add-admin-cli.ts', ...args], { env: { ...process.env, ...env } }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
      child.stdin?.end(stdin);
    });

  const passwordHashOf = async (username: string): Promise<string | undefined> => {
    const db = await openDatabase(url ? { url } : { dataDir: dataDir! });
    try {
      return (await db.query<{ password_hash: string; role: string }>("SELECT password_hash FROM staff WHERE username = $1 AND role = 'admin'", [username])).rows[0]?.password_hash;
    } finally {
      await db.close();
    }
  };

  it('makes an admin with the password piped in, then refuses the same username (exit 1)', async () => {
    const first = await run(['first.admin'], 'a piped passphrase\n');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('admin first.admin created');
    expect(first.stdout).not.toContain('password');
    expect(await verifyPassword((await passwordHashOf('first.admin'))!, 'a piped passphrase')).toBe(true);

    const again = await run(['First.Admin'], '');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('the username First.Admin is taken');
  }, 120_000);

  it('generates a password when stdin is empty and prints it once', async () => {
    const result = await run(['second.admin'], '');
    expect(result.code).toBe(0);
    const password = /password, shown this once: (\S+)/.exec(result.stdout)?.[1];
    expect(password).toMatch(/^[A-Za-z2-9]{20}$/);
    expect(await verifyPassword((await passwordHashOf('second.admin'))!, password!)).toBe(true);
  }, 120_000);

  it('refuses a bad username or a short password with its usage (exit 2), touching nothing', async () => {
    expect((await run([], '')).code).toBe(2);
    expect((await run(['no spaces'], '')).stderr).toContain('usage:');
    const short = await run(['third.admin'], 'short\n');
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('12 to 256');
  }, 120_000);
});
