import type { DecoderOptions, SpeechEngine, UtteranceDecoder } from './engine.js';

/**
 * Idle decoders kept per engine and profile on one worker thread, so a new channel reuses one
 * instead of loading models again (half a second of the worker's time that every other channel
 * on it would wait for). Kept: as many as were ever in use at once on this worker (so the next
 * burst of that size loads nothing, and memory stays at the peak it already reached), at least
 * `minIdlePerKey`, at most `maxIdlePerKey`; beyond that a released decoder is freed.
 */
export class DecoderPool {
  private readonly idle = new Map<string, UtteranceDecoder[]>();
  private readonly keys = new WeakMap<UtteranceDecoder, string>();
  private readonly inUse = new Map<string, number>();
  private readonly peak = new Map<string, number>();

  constructor(
    private readonly minIdlePerKey = 4,
    private readonly maxIdlePerKey = 32,
  ) {}

  private key(engine: SpeechEngine, options: DecoderOptions): string {
    return `${engine.name}|${options.language}|${options.telephone}|${JSON.stringify(options.flags ?? {})}`;
  }

  acquire(engine: SpeechEngine, options: DecoderOptions): UtteranceDecoder {
    const key = this.key(engine, options);
    const reused = this.idle.get(key)?.pop();
    const decoder = reused ?? engine.open(options);
    if (reused) reused.reset();
    else this.keys.set(decoder, key);
    const n = (this.inUse.get(key) ?? 0) + 1;
    this.inUse.set(key, n);
    this.peak.set(key, Math.max(n, this.peak.get(key) ?? 0));
    return decoder;
  }

  private keepFor(key: string): number {
    return Math.min(this.maxIdlePerKey, Math.max(this.minIdlePerKey, this.peak.get(key) ?? 0));
  }

  /** Give a decoder back after a clean finish; one that failed should be closed instead. */
  release(decoder: UtteranceDecoder): void {
    const key = this.keys.get(decoder);
    if (key !== undefined) this.inUse.set(key, Math.max(0, (this.inUse.get(key) ?? 1) - 1));
    const list = key === undefined ? undefined : (this.idle.get(key) ?? []);
    if (key === undefined || !list || list.length >= this.keepFor(key)) {
      decoder.close();
      return;
    }
    list.push(decoder);
    this.idle.set(key, list);
  }

}
