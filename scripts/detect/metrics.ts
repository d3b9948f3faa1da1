// Precision / recall / F1 bookkeeping for eval and training.
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
