import type { DecoderOptions, SpeechEngine, UtteranceDecoder } from './engine.js';

/**
 * Idle decoders kept per engine and profile on one worker thread, so a new channel reuses one
 * instead of loading models again (half a second of the worker's time that every other channel
 * on it would wait for). Bounded: beyond `maxIdlePerKey` a released decoder is freed.
 */
export class DecoderPool {
  private readonly idle = new Map<string, UtteranceDecoder[]>();
  private readonly keys = new WeakMap<UtteranceDecoder, string>();

  constructor(private readonly maxIdlePerKey = 4) {}

  private key(engine: SpeechEngine, options: DecoderOptions): string {
    return `${engine.name}|${options.language}|${options.telephone}|${JSON.stringify(options.flags ?? {})}`;
  }

  acquire(engine: SpeechEngine, options: DecoderOptions): UtteranceDecoder {
    const key = this.key(engine, options);
    const reused = this.idle.get(key)?.pop();
    if (reused) {
      reused.reset();
      return reused;
    }
    const decoder = engine.open(options);
    this.keys.set(decoder, key);
    return decoder;
  }

  /** Give a decoder back after a clean finish; one that failed should be closed instead. */
  release(decoder: UtteranceDecoder): void {
    const key = this.keys.get(decoder);
    const list = key === undefined ? undefined : (this.idle.get(key) ?? []);
    if (key === undefined || !list || list.length >= this.maxIdlePerKey) {
      decoder.close();
      return;
    }
    list.push(decoder);
    this.idle.set(key, list);
  }

}
