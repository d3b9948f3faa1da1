/**
 * The speech-engine interface. One stream per call channel; a stream carries decoder state
 * from chunk to chunk, so it lives on one worker for the channel's life.
 * All times are milliseconds on the call's audio timeline (from the call's first sample).
 */

export type Language = 'en' | 'es' | 'zh';

export interface WordTiming {
  word: string;
  startMs: number;
  endMs: number;
}

export interface Hypothesis {
  final: boolean;
  text: string;
  startMs: number;
  endMs: number;
  words: WordTiming[];
}

export interface StreamOptions {
  language: Language;
  /** Sample rate of the PCM the stream will be fed (the engine's native rate; see EngineInfo). */
  sampleRateHz: number;
  /** True when the audio came over the phone network (8 kHz, G.711): selects telephone models. */
  telephone: boolean;
  /** Engine-specific overrides (decoder flags, model folder); validated by the engine. */
  options?: Record<string, string | number | boolean>;
}

/** A live recogniser for one channel. Synchronous by design: it runs inside a worker thread. */
export interface SpeechStream {
  /** Feed 16-bit mono PCM at the stream's sample rate; returns hypotheses produced by this chunk. */
  push(pcm: Int16Array): Hypothesis[];
  /** End of audio: flush the open utterance as a final. */
  finish(): Hypothesis[];
  /** Release native resources. */
  close(): void;
}

export interface SpeechEngine {
  readonly name: string;
  /** The sample rate the engine wants for this language/telephone combination. */
  sampleRateFor(language: Language, telephone: boolean): number;
  open(options: StreamOptions): SpeechStream;
}
