// Precision / recall / F1 bookkeeping for eval and training.
import { mulberry32 } from '../corpus/lib.js';

export interface Counts { tp: number; fp: number; fn: number; tn: number }

export function emptyCounts(): Counts {
  return { tp: 0, fp: 0, fn: 0, tn: 0 };
}

export function add(c: Counts, predicted: boolean, actual: boolean): void {
  if (predicted && actual) c.tp++;
  else if (predicted && !actual) c.fp++;
  else if (!predicted && actual) c.fn++;
  else c.tn++;
}

export function prf(c: Counts): { p: number; r: number; f1: number; n: number } {
  const p = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return { p, r, f1, n: c.tp + c.fn };
}

export function fmt(x: number): string {
  return x.toFixed(3);
}

export function sumCounts(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn, tn: a.tn + b.tn };
}

/** Percentile interval (95% by default) of `stat` over `clusters` resampled whole with
 *  replacement: lines written together (a hand-written set's family) stand or fall together, so
 *  resampling them one by one would make the interval look narrower than it is. Seeded, so the
 *  same data give the same interval. */
export function bootstrapInterval(
  clusters: readonly Counts[],
  stat: (c: Counts) => number,
  opts: { resamples?: number; seed?: number; level?: number } = {},
): [number, number] {
  const resamples = opts.resamples ?? 2000;
  const level = opts.level ?? 0.95;
  if (clusters.length === 0) return [Number.NaN, Number.NaN];
  const next = mulberry32(opts.seed ?? 1);
  const values: number[] = [];
  for (let r = 0; r < resamples; r++) {
    let total = emptyCounts();
    for (let i = 0; i < clusters.length; i++) total = sumCounts(total, clusters[Math.floor(next() * clusters.length)]!);
    values.push(stat(total));
  }
  values.sort((x, y) => x - y);
  const at = (q: number): number => values[Math.min(values.length - 1, Math.max(0, Math.round(q * (values.length - 1))))]!;
  return [at((1 - level) / 2), at(1 - (1 - level) / 2)];
}
