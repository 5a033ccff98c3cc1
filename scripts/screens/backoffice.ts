// A back office of its own for a script that drives the kiosk (the screenshots, the wait bench):
// on a free port, on PGlite in a data folder the caller names, never on a developer's
// DATABASE_URL. Its log goes to a file, so a failed start can be read afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, closeSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { REPO_ROOT } from '../../e2e/support/paths';

export interface RunningBackOffice {
  baseURL: string;
  dataDir: string;
  logFile: string;
  /** SIGTERM, then SIGKILL if it has not gone after a few seconds; the data folder is left. */
  stop(): Promise<void>;
}

/** The first start seeds the sandbox, face descriptors included: tens of seconds on two cores. */
const START_TIMEOUT_MS = 180_000;
const STOP_GRACE_MS = 10_000;

/** A fresh, empty folder under .cache/ (the caller removes it). */
export function makeDataDir(prefix: string): string {
  const parent = join(REPO_ROOT, '.cache');
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(join(parent, `${prefix}-`));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

export async function startBackOffice(dataDir: string, logFile: string): Promise<RunningBackOffice> {
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', SANDBOX: '1' };
  delete env.DATABASE_URL;
  const log = openSync(logFile, 'w');
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitHealthy(baseURL, child);
  } catch (error) {
    await stopChild(child, exited);
    throw error;
  }
  return { baseURL, dataDir, logFile, stop: () => stopChild(child, exited) };
}

async function waitHealthy(baseURL: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the back office exited (${child.exitCode ?? child.signalCode}) before it was healthy`);
    }
    try {
      if ((await fetch(`${baseURL}/api/v1/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the back office was not healthy on ${baseURL} after ${START_TIMEOUT_MS / 1000} s`);
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const killed = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(killed);
}
