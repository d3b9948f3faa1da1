/**
 * Interpolated modified Kneser-Ney n-gram estimation (Chen & Goodman 1998), written as a back-off
 * ARPA model: the probability stored for a seen n-gram is the full interpolated probability, and the
 * back-off weight of a history is its interpolation weight gamma(h).
 */
import { emptyModel, type ArpaModel } from './arpa.js';

export interface KnOptions {
  order: number;
  /** Words given probability mass even if unseen (e.g. a lexicon); the unigram distribution interpolates with a uniform over vocab. */
  extraVocab?: Iterable<string>;
}

const SEP = '\u0001';

/** Discounts D1, D2, D3+ from count-of-counts, clamped to sane ranges for tiny corpora. */
export function knDiscounts(countOfCounts: number[]): [number, number, number] {
  const n1 = countOfCounts[1] ?? 0;
  const n2 = countOfCounts[2] ?? 0;
  const n3 = countOfCounts[3] ?? 0;
  const n4 = countOfCounts[4] ?? 0;
  const fallback: [number, number, number] = [0.5, 1.0, 1.4];
  if (n1 === 0 || n2 === 0) return fallback;
  const y = n1 / (n1 + 2 * n2);
  const clamp = (x: number, lo: number, hi: number): number => (Number.isFinite(x) ? Math.min(hi, Math.max(lo, x)) : lo);
  const d1 = clamp(1 - 2 * y * (n2 / n1), 0.1, 0.95);
  const d2 = n3 ? clamp(2 - 3 * y * (n3 / n2), 0.2, 1.9) : fallback[1];
  const d3 = n3 && n4 ? clamp(3 - 4 * y * (n4 / n3), 0.3, 2.9) : fallback[2];
  return [d1, d2, d3];
}

/** Builds the model from tokenised sentences (without <s> </s>; they are added here). */
export function buildKneserNey(sentences: string[][], opts: KnOptions): ArpaModel {
  const N = opts.order;
  // counts[n-1]: n-gram (joined by SEP) -> count (raw for top order, continuation for lower orders)
  const raw: Map<string, number>[] = Array.from({ length: N }, () => new Map());
  for (const s of sentences) {
    const toks = ['<s>', ...s, '</s>'];
    for (let n = 1; n <= N; n++) {
      for (let i = 0; i + n <= toks.length; i++) {
        const g = toks.slice(i, i + n);
        if (n === 1 && g[0] === '<s>') continue;
        const key = g.join(SEP);
        raw[n - 1]!.set(key, (raw[n - 1]!.get(key) ?? 0) + 1);
      }
    }
  }
  // Adjusted counts: top order raw; lower orders continuation counts N1+(. w), except n-grams starting with <s> (raw).
  const adj: Map<string, number>[] = Array.from({ length: N }, () => new Map());
  adj[N - 1] = new Map(raw[N - 1]!);
  for (let n = N - 1; n >= 1; n--) {
    const higher = raw[n]!;
    const cont = new Map<string, number>();
    for (const key of higher.keys()) {
      const parts = key.split(SEP);
      const suffix = parts.slice(1).join(SEP);
      cont.set(suffix, (cont.get(suffix) ?? 0) + 1);
    }
    const m = new Map<string, number>();
    for (const [key, c] of raw[n - 1]!) {
      if (key.startsWith('<s>')) m.set(key, c);
      else m.set(key, cont.get(key) ?? c);
    }
    adj[n - 1] = m;
  }
  // Vocabulary for the uniform floor.
  const vocab = new Set<string>();
  for (const key of adj[0]!.keys()) vocab.add(key);
  for (const w of opts.extraVocab ?? []) if (w !== '<s>') vocab.add(w);
  vocab.add('</s>');
  const V = vocab.size;

  const discounts = adj.map((m) => {
    const coc: number[] = [0, 0, 0, 0, 0];
    for (const c of m.values()) if (c <= 4) coc[c] = (coc[c] ?? 0) + 1;
    return knDiscounts(coc);
  });
  const D = (n: number, c: number): number => {
    const d = discounts[n - 1]!;
    return c <= 0 ? 0 : c === 1 ? d[0] : c === 2 ? d[1] : d[2];
  };

  // Per-history totals and N1, N2, N3+ of successors.
  const hist: Map<string, { total: number; n1: number; n2: number; n3: number }>[] = [];
  for (let n = 1; n <= N; n++) {
    const h = new Map<string, { total: number; n1: number; n2: number; n3: number }>();
    for (const [key, c] of adj[n - 1]!) {
      const parts = key.split(SEP);
      const hk = parts.slice(0, -1).join(SEP);
      let e = h.get(hk);
      if (!e) h.set(hk, (e = { total: 0, n1: 0, n2: 0, n3: 0 }));
      e.total += c;
      if (c === 1) e.n1++;
      else if (c === 2) e.n2++;
      else e.n3++;
    }
    hist.push(h);
  }
  const gamma = (n: number, hk: string): number => {
    const e = hist[n - 1]!.get(hk);
    if (!e || e.total === 0) return 1;
    const d = discounts[n - 1]!;
    return (d[0] * e.n1 + d[1] * e.n2 + d[2] * e.n3) / e.total;
  };

  // Interpolated probabilities, lowest order first (prob[n-1]: key -> p).
  const prob: Map<string, number>[] = [];
  const uni = new Map<string, number>();
  const g0 = gamma(1, '');
  const tot0 = hist[0]!.get('')?.total ?? 0;
  for (const w of vocab) {
    const c = adj[0]!.get(w) ?? 0;
    const pml = tot0 > 0 ? Math.max(c - D(1, c), 0) / tot0 : 0;
    uni.set(w, pml + (tot0 > 0 ? g0 : 1) / V);
  }
  prob.push(uni);
  const lowerP = (n: number, parts: string[]): number => {
    // p of the last word given parts[0..-1] at order n, backing off through lower orders (interpolated form)
    if (n === 1) return prob[0]!.get(parts[parts.length - 1]!) ?? 1 / V;
    const key = parts.join(SEP);
    const p = prob[n - 1]!.get(key);
    if (p !== undefined) return p;
    const hk = parts.slice(0, -1).join(SEP);
    return gamma(n, hk) * lowerP(n - 1, parts.slice(1));
  };
  for (let n = 2; n <= N; n++) {
    const m = new Map<string, number>();
    for (const [key, c] of adj[n - 1]!) {
      const parts = key.split(SEP);
      const hk = parts.slice(0, -1).join(SEP);
      const tot = hist[n - 1]!.get(hk)!.total;
      const p = Math.max(c - D(n, c), 0) / tot + gamma(n, hk) * lowerP(n - 1, parts.slice(1));
      m.set(key, p);
    }
    prob.push(m);
  }

  const model = emptyModel(N);
  for (let n = 1; n <= N; n++) {
    const table = model.orders[n - 1]!;
    for (const [key, p] of prob[n - 1]!) {
      const words = key.split(SEP).join(' ');
      const entry: { logp: number; bow?: number } = { logp: Math.log10(p) };
      if (n < N) {
        const hasSucc = hist[n]!.has(key);
        entry.bow = hasSucc ? Math.log10(gamma(n + 1, key)) : 0;
      }
      table.set(words, entry);
    }
  }
  // <s> has no probability of its own but carries a back-off weight.
  const sBow = hist[1] && hist[1].has('<s>') ? Math.log10(gamma(2, '<s>')) : 0;
  model.orders[0]!.set('<s>', { logp: -99, bow: sBow });
  return model;
}
