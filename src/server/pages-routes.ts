/**
 * The pages: HTML shells for /agent/:agentId (collector), /live (supervisor) and /qa, and their
 * built assets under /web/ (from dist/web, written by scripts/build-web.ts). The shells and
 * assets hold no data, so they need no token; every data route they call is authorised.
 * Shells are never cached (they name the current build's assets); content-hashed assets are
 * cached for good.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { repoRoot } from '../paths.js';

export interface PageRouteOptions {
  /** Where the built pages are; default dist/web in the repository. */
  webDir?: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** esbuild's [hash]: eight base-32 characters before the extension. */
const HASHED = /-[A-Z0-9]{8}\.(js|css)(\.map)?$/;
const ASSET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Same origin only: scripts, styles, fetches and sockets to this server, audio clips from it.
 * Inline styles set from script (CSSOM) are not affected by style-src.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self' ws: wss:",
  "media-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

function notBuilt(reply: FastifyReply): FastifyReply {
  return reply
    .code(503)
    .header('cache-control', 'no-store')
    .type('text/plain; charset=utf-8')
    .send('earshot: the web pages are not built. Run `npm run build` (or `npx tsx scripts/build-web.ts`) and reload.\n');
}

export function registerPageRoutes(app: FastifyInstance, options: PageRouteOptions = {}): void {
  const webDir = options.webDir ?? join(repoRoot, 'dist', 'web');

  const sendShell = async (page: 'agent' | 'live' | 'qa', reply: FastifyReply): Promise<FastifyReply> => {
    let html: string;
    try {
      html = await readFile(join(webDir, `${page}.html`), 'utf8');
    } catch {
      return notBuilt(reply);
    }
    return reply
      .header('cache-control', 'no-cache')
      .header('content-security-policy', CSP)
      .header('referrer-policy', 'no-referrer')
      .header('x-content-type-options', 'nosniff')
      .type('text/html; charset=utf-8')
      .send(html);
  };

  app.get('/agent/:agentId', (_req, reply) => sendShell('agent', reply));
  app.get('/live', (_req, reply) => sendShell('live', reply));
  app.get('/qa', (_req, reply) => sendShell('qa', reply));

  app.get<{ Params: { file: string } }>('/web/:file', async (req, reply) => {
    const { file } = req.params;
    const type = CONTENT_TYPES[extname(file)];
    if (!ASSET_NAME.test(file) || !type) return reply.code(404).send({ error: { code: 'NOT_FOUND', message: `no asset ${file}` } });
    const path = join(webDir, file);
    try {
      const s = await stat(path);
      if (!s.isFile()) throw new Error('not a file');
      reply.header('content-length', s.size);
    } catch {
      return reply.code(404).send({ error: { code: 'NOT_FOUND', message: `no asset ${file}` } });
    }
    return reply
      .header('cache-control', HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache')
      .header('x-content-type-options', 'nosniff')
      .type(type)
      .send(createReadStream(path));
  });
}
