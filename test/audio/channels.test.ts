import { describe, expect, it } from 'vitest';
import { deinterleave } from '../../src/audio/channels.js';

describe('deinterleave', () => {
  it('passes mono through', () => {
    const pcm = Int16Array.from([1, 2, 3]);
    const [only, ...rest] = deinterleave(pcm, 1);
    expect(rest).toHaveLength(0);
    expect(Array.from(only!)).toEqual([1, 2, 3]);
  });

  it('splits stereo frames into agent and customer channels', () => {
    const pcm = Int16Array.from([10, -10, 11, -11, 12, -12]);
    const [left, right] = deinterleave(pcm, 2);
    expect(Array.from(left!)).toEqual([10, 11, 12]);
    expect(Array.from(right!)).toEqual([-10, -11, -12]);
  });

  it('keeps channels independent over a long signal', () => {
    const n = 16000;
    const pcm = new Int16Array(n * 2);
    for (let i = 0; i < n; i++) {
      pcm[2 * i] = i % 32768;
      pcm[2 * i + 1] = 1 - (i % 32768);
    }
    const [a, b] = deinterleave(pcm, 2);
    expect(a!.length).toBe(n);
    expect(b!.length).toBe(n);
    for (let i = 0; i < n; i += 997) {
      expect(a![i]).toBe(i % 32768);
      expect(b![i]).toBe(1 - (i % 32768));
    }
  });

  it('returns empty channels for an empty frame', () => {
    const out = deinterleave(new Int16Array(0), 2);
    expect(out.map((c) => c.length)).toEqual([0, 0]);
  });
});
