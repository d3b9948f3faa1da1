import type { Language } from './engine.js';
import type { EndpointerSettings, TimedHypothesis } from './endpointer.js';

/** Messages between the main thread (pool) and an ASR worker thread. */
export type ToWorker =
  | {
      type: 'open';
      streamId: string;
      engine: string;
      language: Language;
      telephone: boolean;
      inputRateHz: number;
      endpointer?: Partial<EndpointerSettings>;
      /** The call said "auto" and the engine can identify the language (Whisper): it does, per utterance. */
      detectLanguage?: boolean;
    }
  | { type: 'audio'; streamId: string; pcm: Int16Array }
  | { type: 'finish'; streamId: string }
  | { type: 'close'; streamId: string };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'opened'; streamId: string; sampleRateHz: number }
  | { type: 'error'; streamId: string; code: string; message: string }
  | { type: 'hyp'; streamId: string; hyp: TimedHypothesis }
  | { type: 'lag'; streamId: string; behind: boolean; backlogMs: number; droppedMs: number }
  | { type: 'finished'; streamId: string }
  /** Input samples the worker has taken off this stream's queue so far (decoded or dropped). */
  | { type: 'progress'; streamId: string; consumedSamples: number }
  | { type: 'stats'; engine: string; busyMs: number; audioMs: number };
