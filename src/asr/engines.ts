import { EngineError, type DecoderOptions } from './engine.js';
import { pocketsphinxEngine } from './pocketsphinx/engine.js';
import { checkWhisper } from './whisper/engine.js';

/**
 * Engines this build has, by name: how the main thread checks one can take a call, and which kind
 * of worker thread runs it. A call picks one with start.metadata.engine, or gets the one its
 * language is configured for (Config.engines).
 */
interface EngineEntry {
  /** Throws EngineError when the engine's models for these options are not installed. */
  check(options: DecoderOptions): void;
  /** pocketsphinx: synchronous decoders, round-robin on the ASR workers; whisper: its own workers. */
  worker: 'asr' | 'whisper';
}

const ENGINES: Record<string, EngineEntry> = {
  pocketsphinx: { check: (options) => void pocketsphinxEngine.sampleRateFor(options), worker: 'asr' },
  whisper: { check: (options) => checkWhisper(options), worker: 'whisper' },
};

export const ENGINE_NAMES = Object.keys(ENGINES);
export const DEFAULT_ENGINE = 'pocketsphinx';

function entry(engine: string): EngineEntry {
  const e = Object.hasOwn(ENGINES, engine) ? ENGINES[engine] : undefined;
  if (!e) throw new EngineError('ENGINE_UNAVAILABLE', `speech engine "${engine}" does not exist; engines: ${ENGINE_NAMES.join(', ')}`);
  return e;
}

/** Which worker threads run an engine (the pool starts Whisper threads only when a Whisper call comes). */
export function engineWorker(engine: string): 'asr' | 'whisper' {
  return entry(engine).worker;
}

/**
 * Check on the main thread, before a call is accepted, that the engine and the language's models
 * are installed, so the client gets a clear refusal instead of a silent channel.
 */
export function checkEngine(engine: string, options: DecoderOptions): void {
  entry(engine).check(options);
}

/**
 * The first engine of a preference list (Config.engines[language]) that can take the call, e.g.
 * ["whisper", "pocketsphinx"]: Whisper where its model is installed, pocketsphinx otherwise.
 * When none can, the refusal says why for each.
 */
export function chooseEngine(preferences: readonly string[], options: DecoderOptions): string {
  const why: string[] = [];
  for (const engine of preferences) {
    try {
      checkEngine(engine, options);
      return engine;
    } catch (err) {
      if (!(err instanceof EngineError)) throw err;
      why.push(`${engine}: ${err.message}`);
    }
  }
  throw new EngineError('LANGUAGE_UNSUPPORTED', `no speech engine installed for language "${options.language}" (${why.join('; ') || 'none configured'})`);
}
