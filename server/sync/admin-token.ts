import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const FILE_NAME = 'admin-token';

export function newAdminToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * ADMIN_TOKEN when set, else the token in DATA_DIR/admin-token, made on first start (mode 0600);
 * `created` says the caller should show it once in the log, the only place an administrator sees it.
 */
export async function loadAdminToken(options: { env: string | undefined; dataDir: string }): Promise<{ token: string; created: boolean }> {
  if (options.env) return { token: options.env, created: false };
  const file = join(options.dataDir, FILE_NAME);
  try {
    return { token: (await readFile(file, 'utf8')).trim(), created: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const token = newAdminToken();
  await writeFile(file, token, { mode: 0o600, flag: 'wx' });
  return { token, created: true };
}

/** Whether an Authorization header carries this bearer token; compared in constant time (as hashes, so lengths do not leak either). */
export function isBearer(header: string | undefined, token: string): boolean {
  const match = /^Bearer (\S+)$/.exec(header ?? '');
  if (!match?.[1] || token === '') return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(match[1]), digest(token));
}
