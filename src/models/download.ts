import { createReadStream, createWriteStream, existsSync, statSync, truncateSync } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { ModelError } from './errors.js';

export interface DownloadResult {
  /** Bytes already in the .part file from an earlier, interrupted attempt (0: from scratch). */
  resumedFrom: number;
  bytes: number;
}

/**
 * Download `url` into `partPath`, continuing what an interrupted attempt left there: a Range
 * request over HTTP (a server that ignores it sends the whole file, which then starts over), an
 * offset read for file:// URLs. Never writes more than `expectedBytes`. The caller checks the sum.
 */
export async function downloadTo(url: string, partPath: string, expectedBytes: number): Promise<DownloadResult> {
  let have = existsSync(partPath) ? statSync(partPath).size : 0;
  if (have > expectedBytes) {
    truncateSync(partPath, 0); // longer than the file can be: not a prefix of it
    have = 0;
  }
  if (have === expectedBytes) return { resumedFrom: have, bytes: have };
  const { body, append } = url.startsWith('file:') ? openFile(url, have) : await openHttp(url, have);
  const start = append ? have : 0;
  let written = start;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, done) {
      written += chunk.length;
      if (written > expectedBytes) return done(new ModelError('SIZE_MISMATCH', `${url} is longer than the manifest's ${expectedBytes} bytes`));
      done(null, chunk);
    },
  });
  try {
    await pipeline(body, limit, createWriteStream(partPath, { flags: append ? 'a' : 'w' }));
  } catch (err) {
    if (err instanceof ModelError) throw err;
    throw new ModelError(
      'DOWNLOAD_FAILED',
      `${url}: interrupted after ${written} of ${expectedBytes} bytes (${err instanceof Error ? err.message : String(err)}); run the fetch again to resume`,
    );
  }
  return { resumedFrom: start, bytes: written };
}

function openFile(url: string, from: number): { body: Readable; append: boolean } {
  const path = fileURLToPath(url);
  if (!existsSync(path)) throw new ModelError('DOWNLOAD_FAILED', `${url}: no such file on the mirror`);
  return { body: createReadStream(path, { start: from }), append: true };
}

async function openHttp(url: string, from: number): Promise<{ body: Readable; append: boolean }> {
  let res: Response;
  try {
    res = await fetch(url, { headers: from > 0 ? { range: `bytes=${from}-` } : {}, redirect: 'follow' });
  } catch (err) {
    throw new ModelError('DOWNLOAD_FAILED', `${url}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (res.status === 416 && from > 0) {
    // The part on disk does not fit this file: start over.
    await res.body?.cancel();
    return openHttp(url, 0);
  }
  if (!res.ok || !res.body) throw new ModelError('DOWNLOAD_FAILED', `${url}: HTTP ${res.status} ${res.statusText}`);
  return { body: Readable.fromWeb(res.body as import('node:stream/web').ReadableStream), append: from > 0 && res.status === 206 };
}
