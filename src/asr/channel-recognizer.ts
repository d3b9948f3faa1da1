import type { Resampler } from '../audio/resampler.js';
import { createResampler } from '../audio/resampler.js';
import type { SileroModel } from '../audio/vad.js';
import type { DecoderPool } from './decoder-pool.js';
import { DEFAULT_ENDPOINTER, Endpointer, type EndpointerSettings, type TimedHypothesis } from './endpointer.js';
import type { DecoderOptions, SpeechEngine, UtteranceDecoder } from './engine.js';

/**
 * One call channel's recogniser: input-rate PCM → resampler → VAD endpointer → decoder.
 * Owned by one worker thread for the channel's life.
 */
export class ChannelRecognizer {
  private constructor(
    private readonly decoders: DecoderPool,
    private readonly decoder: UtteranceDecoder,
    private readonly resampler: Resampler,
    readonly endpointer: Endpointer,
    readonly inputRateHz: number,
  ) {}

  static async open(
    decoders: DecoderPool,
    engine: SpeechEngine,
    vad: SileroModel,
    options: DecoderOptions & { inputRateHz: number; endpointer?: Partial<EndpointerSettings> },
  ): Promise<ChannelRecognizer> {
    const decoder = decoders.acquire(engine, options);
    try {
      const rate = decoder.sampleRateHz;
      if (rate !== 8000 && rate !== 16000) throw new Error(`VAD supports 8 or 16 kHz, engine wants ${rate}`);
      const resampler = await createResampler(options.inputRateHz, rate);
      const endpointer = new Endpointer(decoder, vad.createStream(rate), { ...DEFAULT_ENDPOINTER, ...options.endpointer });
      return new ChannelRecognizer(decoders, decoder, resampler, endpointer, options.inputRateHz);
    } catch (err) {
      decoder.close();
      throw err;
    }
  }

  get sampleRateHz(): number {
    return this.decoder.sampleRateHz;
  }

  push(pcm: Int16Array): Promise<TimedHypothesis[]> {
    return this.endpointer.push(this.resampler.process(pcm));
  }

  /** Audio was dropped (the worker fell too far behind): close the utterance, keep the timeline. */
  skip(samplesAtInputRate: number): TimedHypothesis[] {
    const out = this.endpointer.finish();
    this.endpointer.advance(Math.round((samplesAtInputRate * this.decoder.sampleRateHz) / this.inputRateHz));
    return out;
  }

  finish(): TimedHypothesis[] {
    return this.endpointer.finish();
  }

  /** Free the channel; after a clean finish its decoder goes back to the pool for the next channel. */
  close(clean = false): void {
    if (clean) this.decoders.release(this.decoder);
    else this.decoder.close();
    this.resampler.close();
  }
}
