// The bootstrap interval printed beside the fresh sets' combined F1 (scripts/detect/eval.ts).
import { describe, expect, it } from 'vitest';
import { bootstrapInterval, prf, type Counts } from '../../scripts/detect/metrics.js';

const counts = (tp: number, fp: number, fn: number): Counts => ({ tp, fp, fn, tn: 0 });
const f1 = (c: Counts): number => prf(c).f1;

describe('bootstrapInterval', () => {
  it('collapses to the point value when every family scores the same', () => {
    const [lo, hi] = bootstrapInterval(Array.from({ length: 40 }, () => counts(9, 1, 1)), f1, { resamples: 200 });
    expect(lo).toBeCloseTo(0.9, 10);
    expect(hi).toBeCloseTo(0.9, 10);
  });

  it('brackets the point value and widens as families disagree', () => {
    const mixed = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? counts(10, 0, 0) : counts(6, 2, 2)));
    const point = f1(mixed.reduce((a, b) => counts(a.tp + b.tp, a.fp + b.fp, a.fn + b.fn)));
    const [lo, hi] = bootstrapInterval(mixed, f1, { resamples: 500 });
    expect(lo).toBeLessThan(point);
    expect(hi).toBeGreaterThan(point);
    const few = bootstrapInterval(mixed.slice(0, 8), f1, { resamples: 500 });
    expect(few[1] - few[0]).toBeGreaterThan(hi - lo);
  });

  it('gives the same interval for the same seed', () => {
    const mixed = Array.from({ length: 30 }, (_, i) => counts(5 + (i % 3), i % 2, i % 4));
    expect(bootstrapInterval(mixed, f1, { seed: 7 })).toEqual(bootstrapInterval(mixed, f1, { seed: 7 }));
  });
});
