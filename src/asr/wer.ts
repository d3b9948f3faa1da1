/** Word and character error rates (Levenshtein over tokens), for accuracy tests, evaluation and benchmarks. */

/** Minimum substitutions + insertions + deletions turning `ref` into `hyp`. */
export function editDistance<T>(ref: readonly T[], hyp: readonly T[]): number {
  return prefixDistances(ref, hyp)[hyp.length]!;
}

/** Element k: the edit distance between all of `ref` and the first k items of `hyp` (k = 0…hyp.length). */
export function prefixDistances<T>(ref: readonly T[], hyp: readonly T[]): number[] {
  let prev = Array.from({ length: hyp.length + 1 }, (_, j) => j);
  for (let i = 1; i <= ref.length; i++) {
    const cur = [i];
    for (let j = 1; j <= hyp.length; j++) {
      const sub = prev[j - 1]! + (ref[i - 1] === hyp[j - 1] ? 0 : 1);
      cur.push(Math.min(sub, prev[j]! + 1, cur[j - 1]! + 1));
    }
    prev = cur;
  }
  return prev;
}

/** Lower case, accents and punctuation dropped, so "Qué" and "QUE" count as the same word. */
export function normaliseWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .split(/\s+/)
    .filter((w) => w);
}

/** Han characters (and any letters or digits) one by one, spaces and punctuation dropped. */
export function normaliseChars(text: string): string[] {
  return [...text.normalize('NFC')].filter((c) => /[\p{L}\p{N}]/u.test(c));
}

export interface ErrorCount {
  errors: number;
  /** Reference tokens. */
  total: number;
}

export function wordErrors(ref: string, hyp: string): ErrorCount {
  const r = normaliseWords(ref);
  return { errors: editDistance(r, normaliseWords(hyp)), total: r.length };
}

export function charErrors(ref: string, hyp: string): ErrorCount {
  const r = normaliseChars(ref);
  return { errors: editDistance(r, normaliseChars(hyp)), total: r.length };
}

/** Corpus-level rate: all errors over all reference tokens (not a mean of per-clip rates). */
export function rate(counts: ErrorCount[]): number {
  const total = counts.reduce((n, c) => n + c.total, 0);
  return total === 0 ? 0 : counts.reduce((n, c) => n + c.errors, 0) / total;
}
