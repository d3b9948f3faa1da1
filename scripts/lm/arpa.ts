/**
 * ARPA n-gram language models: an in-memory form, a writer and a (streaming-friendly) reader.
 * Probabilities are log10, as in the ARPA format.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { createInterface } from 'node:readline';

export interface NgramEntry {
  logp: number;
  /** log10 back-off weight; absent for the highest order. */
  bow?: number;
}

/** order -> (space-joined words -> entry). orders[0] holds unigrams. */
export interface ArpaModel {
  orders: Map<string, NgramEntry>[];
}

export function emptyModel(order: number): ArpaModel {
  return { orders: Array.from({ length: order }, () => new Map<string, NgramEntry>()) };
}

function fmt(x: number): string {
  if (!Number.isFinite(x)) return '-99';
  return x.toFixed(6);
}

/** Writes an ARPA file. N-grams whose prefix is missing are the caller's problem (the builders keep them consistent). */
export async function writeArpa(model: ArpaModel, path: string): Promise<void> {
  const out = createWriteStream(path);
  const write = (s: string): Promise<void> =>
    new Promise((resolve, reject) => {
      if (out.write(s)) resolve();
      else out.once('drain', resolve);
    });
  await write('\\data\\\n');
  for (let n = 0; n < model.orders.length; n++) await write(`ngram ${n + 1}=${model.orders[n]?.size ?? 0}\n`);
  for (let n = 0; n < model.orders.length; n++) {
    const table = model.orders[n];
    if (!table) continue;
    const top = n === model.orders.length - 1;
    await write(`\n\\${n + 1}-grams:\n`);
    const keys = [...table.keys()].sort();
    let buf = '';
    for (const k of keys) {
      const e = table.get(k);
      if (!e) continue;
      buf += `${fmt(e.logp)}\t${k}`;
      if (!top && e.bow !== undefined) buf += `\t${fmt(e.bow)}`;
      buf += '\n';
      if (buf.length > 1 << 16) {
        await write(buf);
        buf = '';
      }
    }
    if (buf) await write(buf);
  }
  await write('\n\\end\\\n');
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

/** Reads an ARPA file (plain or .gz). `keep(order, words)` may drop n-grams while reading (to save memory). */
export async function readArpa(
  path: string,
  keep?: (order: number, words: string) => boolean,
): Promise<ArpaModel> {
  let stream: NodeJS.ReadableStream = createReadStream(path);
  if (path.endsWith('.gz')) stream = stream.pipe(createGunzip());
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  const model: ArpaModel = { orders: [] };
  let cur = -1;
  for await (const line of rl) {
    if (!line) continue;
    if (line.startsWith('\\')) {
      const m = /^\\(\d+)-grams:/.exec(line);
      if (m && m[1]) {
        cur = Number(m[1]) - 1;
        while (model.orders.length <= cur) model.orders.push(new Map());
      } else if (line.startsWith('\\end')) break;
      continue;
    }
    if (cur < 0) continue;
    const parts = line.split(/\s+/);
    const n = cur + 1;
    if (parts.length < n + 1) continue;
    const logp = Number(parts[0]);
    const words = parts.slice(1, n + 1).join(' ');
    if (keep && !keep(n, words)) continue;
    const entry: NgramEntry = { logp };
    if (parts.length > n + 1) entry.bow = Number(parts[n + 1]);
    model.orders[cur]?.set(words, entry);
  }
  return model;
}
