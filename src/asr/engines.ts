import { EngineError, type DecoderOptions } from './engine.js';
import { pocketsphinxEngine } from './pocketsphinx/engine.js';

/** Engines this build has, by name; a call picks one with start.metadata.engine. */
const ENGINES = { pocketsphinx: pocketsphinxEngine } as const;
export const DEFAULT_ENGINE = 'pocketsphinx';

/**
 * Check on the main thread, before a call is accepted, that the engine and the language's models
 * are installed, so the client gets a clear refusal instead of a silent channel.
 */
export function checkEngine(engine: string, options: DecoderOptions): void {
  const e = (ENGINES as Record<string, (typeof ENGINES)[keyof typeof ENGINES]>)[engine];
  if (!e) throw new EngineError('ENGINE_UNAVAILABLE', `speech engine "${engine}" is not installed; installed: ${Object.keys(ENGINES).join(', ')}`);
  e.sampleRateFor(options);
}
