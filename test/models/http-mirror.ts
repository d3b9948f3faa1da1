/** A loopback HTTP mirror of a models folder, with Range support and a switch to cut a transfer short. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';

export interface HttpMirror {
  url: string;
  /** Every request: path and Range header. */
  requests: { path: string; range?: string }[];
  /** The next request for this path sends `bytes` bytes, then drops the connection. */
  cutNext(path: string, bytes: number): void;
  close(): Promise<void>;
}

export async function startHttpMirror(root: string): Promise<HttpMirror> {
  const requests: HttpMirror['requests'] = [];
  const cuts = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push({ path, range: req.headers.range });
    const file = join(root, normalize(path));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    const size = statSync(file).size;
    let start = 0;
    const m = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    if (m) {
      start = Number(m[1]);
      if (start >= size) {
        res.writeHead(416, { 'content-range': `bytes */${size}` }).end();
        return;
      }
      res.writeHead(206, { 'content-length': size - start, 'content-range': `bytes ${start}-${size - 1}/${size}` });
    } else res.writeHead(200, { 'content-length': size });
    const cut = cuts.get(path);
    if (cut === undefined) {
      createReadStream(file, { start }).pipe(res);
      return;
    }
    cuts.delete(path);
    // Send part of the file, then break the connection mid-body (a network failure).
    createReadStream(file, { start, end: start + cut - 1 })
      .on('data', (chunk) => res.write(chunk))
      .on('end', () => setTimeout(() => res.socket?.destroy(), 20));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    cutNext: (path, bytes) => cuts.set(path, bytes),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
