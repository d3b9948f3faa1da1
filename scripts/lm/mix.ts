/**
 * Linear interpolation of back-off n-gram models into one back-off ARPA model (as SRILM's -mix-lm):
 * every n-gram of either model gets p = lambda*pA + (1-lambda)*pB (each computed with its own
 * back-off), and every history's back-off weight is recomputed so that the result is normalised.
 * Word ids are packed into float-safe integers so that a general LM of millions of n-grams fits.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { ArpaModel } from './arpa.js';

const B = 200_000; // B^3 < 2^53

export class Vocab {
  readonly words: string[] = [];
  readonly ids = new Map<string, number>();
  id(w: string): number {
    let i = this.ids.get(w);
    if (i === undefined) {
      i = this.words.length;
      if (i >= B) throw new Error('vocabulary too large for packed n-gram keys');
      this.words.push(w);
      this.ids.set(w, i);
    }
    return i;
  }
}

export interface IdModel {
  order: number;
  logp: Map<number, number>[];
  bow: Map<number, number>[];
}

function packKey(ids: number[]): number {
  let k = 0;
  for (const i of ids) k = k * B + i;
  return k;
}

export function idModelFromArpa(m: ArpaModel, vocab: Vocab): IdModel {
  const out: IdModel = { order: m.orders.length, logp: [], bow: [] };
  for (const table of m.orders) {
    const lp = new Map<number, number>();
    const bw = new Map<number, number>();
    for (const [words, e] of table) {
      const k = packKey(words.split(' ').map((w) => vocab.id(w)));
      lp.set(k, e.logp);
      if (e.bow !== undefined && e.bow !== 0) bw.set(k, e.bow);
    }
    out.logp.push(lp);
    out.bow.push(bw);
  }
  return out;
}

/** Streams an ARPA file (plain or .gz) straight into packed form. */
export async function loadIdModel(path: string, vocab: Vocab): Promise<IdModel> {
  let stream: NodeJS.ReadableStream = createReadStream(path, { highWaterMark: 1 << 20 });
  if (path.endsWith('.gz')) stream = stream.pipe(createGunzip());
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  const out: IdModel = { order: 0, logp: [], bow: [] };
  let cur = -1;
  for await (const line of rl) {
    if (line.length === 0) continue;
    if (line.charCodeAt(0) === 92 /* \ */) {
      const m = /^\\(\d+)-grams:/.exec(line);
      if (m && m[1]) {
        cur = Number(m[1]) - 1;
        while (out.logp.length <= cur) {
          out.logp.push(new Map());
          out.bow.push(new Map());
        }
        out.order = Math.max(out.order, cur + 1);
      } else if (line.startsWith('\\end')) break;
      continue;
    }
    if (cur < 0) continue;
    const parts = line.split(/[\t ]+/);
    const n = cur + 1;
    if (parts.length < n + 1) continue;
    let k = 0;
    for (let i = 1; i <= n; i++) k = k * B + vocab.id(parts[i]!);
    out.logp[cur]!.set(k, Number(parts[0]));
    if (parts.length > n + 1) {
      const b = Number(parts[n + 1]);
      if (b !== 0) out.bow[cur]!.set(k, b);
    }
  }
  return out;
}

/** log10 P(w | history) with back-off; ids = [...history, w]. -99 when w is unknown to the model. */
export function logProb(m: IdModel, ids: number[]): number {
  let acc = 0;
  const len = ids.length;
  for (let n = Math.min(len, m.order); n >= 1; n--) {
    const k = packKey(ids.slice(len - n));
    const lp = m.logp[n - 1]!.get(k);
    if (lp !== undefined) return acc + lp;
    if (n > 1) acc += m.bow[n - 2]!.get(packKey(ids.slice(len - n, len - 1))) ?? 0;
  }
  return -99;
}

function unpack(k: number, n: number): number[] {
  const ids: number[] = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    const r = k % B;
    ids[i] = r;
    k = (k - r) / B;
  }
  return ids;
}

/**
 * lambda is the weight of model a. `boost` multiplies P(w | h) of the given words by 10^log10 in every
 * context (keyword biasing), applied after the back-off weights are computed so that the rest of the
 * model is unchanged.
 */
export function mixModels(a: IdModel, b: IdModel, lambda: number, boost?: { ids: Set<number>; log10: number }): IdModel {
  const order = Math.max(a.order, b.order);
  const out: IdModel = { order, logp: [], bow: [] };
  for (let n = 1; n <= order; n++) {
    const keys = new Set<number>();
    for (const k of a.logp[n - 1]?.keys() ?? []) keys.add(k);
    for (const k of b.logp[n - 1]?.keys() ?? []) keys.add(k);
    const lp = new Map<number, number>();
    for (const k of keys) {
      const ids = unpack(k, n);
      if (n === 1 && (a.logp[0]!.get(k) ?? b.logp[0]!.get(k)) === -99 && (a.logp[0]!.get(k) ?? -99) <= -98 && (b.logp[0]!.get(k) ?? -99) <= -98) {
        lp.set(k, -99); // <s>
        continue;
      }
      const pa = a.order >= n || n === 1 ? logProb(a, ids) : logProb(a, ids);
      const pb = logProb(b, ids);
      const p = lambda * (pa <= -98 ? 0 : 10 ** pa) + (1 - lambda) * (pb <= -98 ? 0 : 10 ** pb);
      lp.set(k, p > 0 ? Math.log10(p) : -99);
    }
    out.logp.push(lp);
    out.bow.push(new Map());
  }
  // Back-off weights, lowest order first (order n-1 histories use order n and n-1 probabilities).
  for (let n = 2; n <= order; n++) {
    const num = new Map<number, number>(); // history -> sum of p(w|h) over listed successors
    const den = new Map<number, number>(); // history -> sum of p(w|h') over the same successors
    const lower = (ids: number[]): number => logProb(out, ids);
    for (const [k, l] of out.logp[n - 1]!) {
      const h = (k - (k % B)) / B;
      const ids = unpack(k, n);
      num.set(h, (num.get(h) ?? 0) + 10 ** l);
      const pl = lower(ids.slice(1));
      den.set(h, (den.get(h) ?? 0) + (pl <= -98 ? 0 : 10 ** pl));
    }
    const bw = out.bow[n - 2]!;
    for (const [h, s] of num) {
      const d = den.get(h) ?? 0;
      const numer = Math.max(1 - s, 1e-12);
      const denom = Math.max(1 - d, 1e-12);
      const v = Math.log10(numer / denom);
      if (v !== 0) bw.set(h, v);
    }
  }
  if (boost && boost.log10 !== 0) boostWords(out, boost.ids, boost.log10);
  return out;
}

export function boostWords(m: IdModel, ids: Set<number>, log10: number): void {
  for (let n = 1; n <= m.order; n++) {
    const table = m.logp[n - 1]!;
    for (const [k, l] of table) {
      if (l <= -98) continue;
      if (ids.has(k % B)) table.set(k, Math.min(0, l + log10));
    }
  }
}

export async function writeIdModel(m: IdModel, vocab: Vocab, path: string): Promise<void> {
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  const write = (s: string): Promise<void> =>
    new Promise((resolve, reject) => {
      if (out.write(s)) resolve();
      else out.once('drain', resolve);
    });
  await write('\\data\\\n');
  for (let n = 1; n <= m.order; n++) await write(`ngram ${n}=${m.logp[n - 1]!.size}\n`);
  for (let n = 1; n <= m.order; n++) {
    await write(`\n\\${n}-grams:\n`);
    const top = n === m.order;
    const keys = [...m.logp[n - 1]!.keys()].sort((x, y) => x - y);
    const bw = m.bow[n - 1]!;
    let buf = '';
    for (const k of keys) {
      const ids = unpack(k, n);
      buf += `${m.logp[n - 1]!.get(k)!.toFixed(6)}\t${ids.map((i) => vocab.words[i]).join(' ')}`;
      if (!top) buf += `\t${(bw.get(k) ?? 0).toFixed(6)}`;
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
