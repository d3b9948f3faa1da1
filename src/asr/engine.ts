/**
 * The speech-engine interface. An engine opens one decoder per call channel; the decoder keeps
 * its state from chunk to chunk, so it lives on one worker thread for the channel's life.
 * Utterance boundaries come from the endpointer (src/asr/endpointer.ts), so every engine gets
 * the same voice-activity detection and the same audio timeline.
 */

export type Language = 'en' | 'es' | 'zh';
export const LANGUAGES: readonly Language[] = ['en', 'es', 'zh'];

export interface WordTiming {
  word: string;
  /** Milliseconds on the call's audio timeline (from the call's first sample). */
  startMs: number;
  endMs: number;
}

/** What a recogniser says about one utterance, partial (still open) or final (endpoint reached). */
export interface Hypothesis {
  final: boolean;
  text: string;
  startMs: number;
  endMs: number;
  words: WordTiming[];
}

export interface DecoderOptions {
  language: Language;
  /** True for telephone audio (8 kHz G.711): selects the telephone models. */
  telephone: boolean;
  /** Engine-specific decoder flags over the profile's (benchmarks, tuning). */
  flags?: Record<string, string>;
}

/** A decoder of utterances for one channel. Synchronous: it runs inside a worker thread. */
export interface UtteranceDecoder {
  /** The sample rate this decoder wants its PCM at. */
  readonly sampleRateHz: number;
  /** Open a new utterance; the next sample fed is its first. */
  begin(): void;
  /** Feed mono 16-bit PCM of the open utterance. */
  process(pcm: Int16Array): void;
  /** Best text so far for the open utterance (cheap enough for every 200 ms). */
  partialText(): string;
  /** Close the utterance; words with times in ms relative to the utterance's first sample. */
  end(): WordTiming[];
  /** Forget everything about the previous channel (adaptation, open utterance): ready for a new one. */
  reset(): void;
  /** Release native resources. */
  close(): void;
}

export interface SpeechEngine {
  readonly name: string;
  /** The sample rate the engine decodes at for this language and audio kind. */
  sampleRateFor(options: DecoderOptions): number;
  /** Throws EngineError when the language or model is not installed. */
  open(options: DecoderOptions): UtteranceDecoder;
}

/**
 * The second kind of engine: one that decodes a whole window of audio at a time, asynchronously
 * (Whisper, on onnxruntime's threads). It has no incremental state, so streaming is built around
 * it (src/asr/whisper/stream.ts): the open utterance is re-decoded as it grows, words two
 * consecutive decodes agree on are committed, and the endpointer's utterance ends give finals.
 */
export interface WindowTranscriber {
  /** The sample rate it wants its audio at. */
  readonly sampleRateHz: number;
  /** Of earshot's languages, those it can be asked for (and can detect among). */
  readonly languages: readonly Language[];
  /** Transcribe one window (mono float PCM in [-1, 1]); 'auto' identifies the language too. */
  transcribe(audio: Float32Array, request: { language: Language | 'auto' }): Promise<WindowTranscript>;
}

export interface WindowTranscript {
  text: string;
  /** The language transcribed (the one asked for, or the one identified). */
  language: Language;
  /** Where the time went, for metrics and benchmarks. */
  timing: { featuresMs: number; generateMs: number; /** Text tokens generated. */ tokens: number };
}

export class EngineError extends Error {
  constructor(
    readonly code: 'ENGINE_UNAVAILABLE' | 'LANGUAGE_UNSUPPORTED' | 'MODEL_MISSING',
    message: string,
  ) {
    super(message);
  }
}
