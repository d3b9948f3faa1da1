/**
 * How the server serves the pages (no browser): shells uncached with a same-origin CSP, hashed
 * assets cached for good, nothing outside the build folder, a plain 503 before the first build.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildWeb } from '../../scripts/build-web.js';
import { registerPageRoutes } from '../../src/server/pages-routes.js';

let webDir: string;

beforeAll(async () => {
  webDir = mkdtempSync(join(tmpdir(), 'earshot-web-'));
  await buildWeb({ outDir: webDir });
});

describe('page routes', () => {
  test('each page is a shell naming its hashed assets, which are served and cached for good', async () => {
    const app = Fastify();
    registerPageRoutes(app, { webDir });
    for (const path of ['/agent/some%20agent', '/live', '/qa']) {
      const res = await app.inject({ url: path });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      const assets = [...res.body.matchAll(/(?:src|href)="\/web\/([^"]+)"/g)].map((m) => m[1]!);
      expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
      expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
      expect(res.body).not.toMatch(/https?:\/\//);
      for (const asset of assets) {
        const a = await app.inject({ url: `/web/${asset}` });
        expect(a.statusCode).toBe(200);
        expect(a.headers['cache-control']).toContain('immutable');
        expect(a.headers['content-type']).toMatch(asset.endsWith('.js') ? /^text\/javascript/ : /^text\/css/);
      }
    }
    const map = readdirSync(webDir).find((f) => f.endsWith('.js.map'))!;
    expect((await app.inject({ url: `/web/${map}` })).statusCode).toBe(200);
    await app.close();
  });

  test('nothing but built assets: no traversal, no shells or unknown types under /web/', async () => {
    const app = Fastify();
    registerPageRoutes(app, { webDir });
    for (const url of ['/web/..%2Fpackage.json', '/web/%2e%2e%2fetc%2fpasswd', '/web/.hidden.js', '/web/agent.html', '/web/missing-AAAAAAAA.js']) {
      expect((await app.inject({ url })).statusCode, url).toBe(404);
    }
    await app.close();
  });

  test('before the pages are built: a 503 that says how to build them', async () => {
    const app = Fastify();
    registerPageRoutes(app, { webDir: mkdtempSync(join(tmpdir(), 'earshot-empty-')) });
    const res = await app.inject({ url: '/live' });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build');
    await app.close();
  });
});
