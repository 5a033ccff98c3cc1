// `npm run staff:add-admin -- <username>`: the first admin of a fresh back office (or another one),
// on the database the back office uses — DATABASE_URL, else PGlite in DATA_DIR (./data), as server/main.ts.
// The password is read from stdin when it is piped (`… < file`, `printf '%s' "$PASSWORD" | …`);
// otherwise one is generated and printed once. A username already taken is refused (exit 1).
// On PGlite, stop the back office first: one process at a time may open its data folder.
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Value } from '@sinclair/typebox/value';
import { NewPassword, Username } from '../../src/protocol/staff';
import { openDatabase } from '../db/open-database';
import { createAccount } from './accounts';

const USAGE = 'usage: npm run staff:add-admin -- <username>   (3 to 64 of A-Z a-z 0-9 . _ -; a password of 12 to 256 characters on stdin, or none to have one generated)';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function fail(message: string, code: number): never {
  console.error(`staff:add-admin: ${message}`);
  process.exit(code);
}

const username = process.argv[2];
if (!username || process.argv.length > 3 || !Value.Check(Username, username)) fail(USAGE, 2);
// A password piped in, without the newline `echo` adds; an empty stdin (</dev/null) asks for a generated one.
const piped = process.stdin.isTTY ? '' : (await readStdin()).replace(/\r?\n$/, '');
const password = piped === '' ? undefined : piped;
if (password !== undefined && !Value.Check(NewPassword, password)) fail('the password must be 12 to 256 characters', 2);

const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = resolve(process.env.DATA_DIR ?? './data');
if (!databaseUrl) await mkdir(dataDir, { recursive: true });
const db = await openDatabase(databaseUrl ? { url: databaseUrl } : { dataDir });
try {
  const result = await createAccount(db, () => new Date(), { username, role: 'admin', ...(password ? { password } : {}) }, null, 'staff:add-admin');
  if (!result.ok) fail(result.code === 'username_taken' ? `the username ${username} is taken` : result.code, 1);
  console.log(`admin ${result.account.username} created (${databaseUrl ? 'DATABASE_URL' : dataDir})`);
  if (result.generatedPassword) console.log(`password, shown this once: ${result.generatedPassword}`);
} finally {
  await db.close();
}
