/** Idle decoders kept for reuse: up to the peak in use at once, within the bounds. */
import { describe, expect, it } from 'vitest';
import { DecoderPool } from '../../src/asr/decoder-pool.js';
import type { DecoderOptions, SpeechEngine, UtteranceDecoder } from '../../src/asr/engine.js';

/** An engine that only counts what it opens and closes (the decoding itself is beside the point here). */
function countingEngine(): SpeechEngine & { opened: number; closed: number } {
  const engine = {
    name: 'counting',
    opened: 0,
    closed: 0,
    sampleRateFor: () => 16000,
    open(): UtteranceDecoder {
      engine.opened++;
      return {
        sampleRateHz: 16000,
        begin() {},
        process() {},
        partialText: () => '',
        end: () => [],
        reset() {},
        close: () => void engine.closed++,
      };
    },
  };
  return engine;
}

const EN: DecoderOptions = { language: 'en', telephone: false };

describe('DecoderPool', () => {
  it('keeps as many idle decoders as were in use at once, so the next burst of that size loads nothing', () => {
    const engine = countingEngine();
    const pool = new DecoderPool(4, 32);
    const burst = Array.from({ length: 10 }, () => pool.acquire(engine, EN));
    expect(engine.opened).toBe(10);
    for (const d of burst) pool.release(d);
    expect(engine.closed).toBe(0);
    const again = Array.from({ length: 10 }, () => pool.acquire(engine, EN));
    expect(engine.opened).toBe(10);
    expect(new Set(again).size).toBe(10);
  });

  it('frees what is beyond the upper bound, and keeps no more than the lower bound after small peaks', () => {
    const engine = countingEngine();
    const pool = new DecoderPool(2, 3);
    const five = Array.from({ length: 5 }, () => pool.acquire(engine, EN));
    for (const d of five) pool.release(d);
    expect(engine.closed).toBe(2);
    const other = new DecoderPool(0, 0);
    other.release(other.acquire(engine, EN));
    expect(engine.closed).toBe(3);
  });

  it('does not mix profiles', () => {
    const engine = countingEngine();
    const pool = new DecoderPool(4, 32);
    pool.release(pool.acquire(engine, EN));
    pool.acquire(engine, { language: 'en', telephone: true });
    expect(engine.opened).toBe(2);
  });
});
