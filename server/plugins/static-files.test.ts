import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import type { Database } from '../db/database';
import { openTestDatabase } from '../db/test-database';
import { syntheticFaces } from '../test-support';

describe('serving the built kiosk', () => {
  let dir: string;
  let db: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kiosk-dist-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>kiosk</title>');
    await writeFile(join(dir, 'sw.js'), 'self.addEventListener("install", () => {});');
    await writeFile(join(dir, 'assets', 'app-1a2b.js'), 'console.log(1);');
    await mkdir(join(dir, 'console'));
    await writeFile(join(dir, 'console', 'index.html'), '<!doctype html><title>console</title>');
    db = await openTestDatabase();
    app = await buildApp({ db, staticDir: dir, sandbox: { faces: syntheticFaces } });
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves index.html and sw.js with Cache-Control: no-cache', async () => {
    for (const url of ['/', '/index.html', '/sw.js']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('serves assets as files', async () => {
    const response = await app.inject({ method: 'GET', url: '/assets/app-1a2b.js' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('console.log(1);');
    expect(response.headers['cache-control']).not.toBe('no-cache');
  });

  it("falls back to the kiosk's or the console's index.html for page URLs each routes itself", async () => {
    const pages = { '/step/photo?x=1': 'kiosk', '/console': 'console', '/console/': 'console', '/console/applications?x=1': 'console', '/consoles': 'kiosk' };
    for (const [url, program] of Object.entries(pages)) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toContain(`<title>${program}</title>`);
      expect(response.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('answers missing files and unknown API paths with a JSON 404, not the page', async () => {
    for (const url of ['/assets/missing.js', '/api/v1/missing', '/favicon.ico']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json(), url).toEqual({ code: 'not_found' });
    }
    const post = await app.inject({ method: 'POST', url: '/somewhere' });
    expect(post.statusCode).toBe(404);
  });
});
