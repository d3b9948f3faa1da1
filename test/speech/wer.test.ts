import { describe, expect, it } from 'vitest';
import { charErrors, editDistance, normaliseChars, normaliseWords, rate, wordErrors } from '../../src/asr/wer.js';

describe('edit distance', () => {
  it('counts substitutions, insertions and deletions', () => {
    expect(editDistance([], [])).toBe(0);
    expect(editDistance(['a'], [])).toBe(1);
    expect(editDistance([], ['a', 'b'])).toBe(2);
    expect(editDistance(['a', 'b', 'c'], ['a', 'b', 'c'])).toBe(0);
    expect(editDistance(['a', 'b', 'c'], ['a', 'x', 'c'])).toBe(1);
    expect(editDistance(['a', 'b', 'c'], ['a', 'c'])).toBe(1);
    expect(editDistance(['a', 'c'], ['a', 'b', 'c'])).toBe(1);
    expect(editDistance([...'kitten'], [...'sitting'])).toBe(3);
    expect(editDistance([...'flaw'], [...'lawn'])).toBe(2);
  });

  it('is symmetric and bounded by the longer sequence', () => {
    const a = 'the quick brown fox jumps over the lazy dog'.split(' ');
    const b = 'a quick brown dog jumped over lazy dogs'.split(' ');
    expect(editDistance(a, b)).toBe(editDistance(b, a));
    expect(editDistance(a, b)).toBeLessThanOrEqual(Math.max(a.length, b.length));
    expect(editDistance(a, b)).toBe(5);
  });
});

describe('WER and CER', () => {
  it('normalises case, accents and punctuation', () => {
    expect(normaliseWords('¿Qué HORA es?  Pausa la MúSICA.')).toEqual(['que', 'hora', 'es', 'pausa', 'la', 'musica']);
    expect(normaliseWords("It's  OK")).toEqual(["it's", 'ok']);
    expect(normaliseChars('甚至  出现，交易。')).toEqual([...'甚至出现交易']);
  });

  it('computes word error rate against the reference length', () => {
    expect(wordErrors('he was not an ill disposed young man', 'he was not an illness close young man')).toEqual({ errors: 2, total: 8 });
    expect(wordErrors('a b', '')).toEqual({ errors: 2, total: 2 });
    expect(wordErrors('a b', 'a b c d')).toEqual({ errors: 2, total: 2 }); // WER can pass 100%
  });

  it('computes character error rate for Mandarin', () => {
    expect(charErrors('换一首歌', '换一首歌')).toEqual({ errors: 0, total: 4 });
    expect(charErrors('换一首歌', '换 一 手 歌')).toEqual({ errors: 1, total: 4 });
  });

  it('pools counts over clips', () => {
    expect(rate([{ errors: 1, total: 10 }, { errors: 3, total: 10 }])).toBeCloseTo(0.2);
    expect(rate([{ errors: 1, total: 1 }, { errors: 0, total: 99 }])).toBeCloseTo(0.01);
    expect(rate([])).toBe(0);
  });
});
