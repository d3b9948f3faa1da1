import { EngineError, type DecoderOptions } from '../engine.js';
import { inspectWhisperModel } from './model-folder.js';
import { loadWhisperSettings } from './settings.js';

/**
 * The main thread's view of the Whisper engine: can it take a call in this language? (The
 * decoding itself runs on Whisper worker threads: workers/whisper-worker.ts.)
 */
export function checkWhisper(options: Pick<DecoderOptions, 'language'>, env: NodeJS.ProcessEnv = process.env): void {
  const info = inspectWhisperModel(loadWhisperSettings(env), env);
  if (!info.languages.includes(options.language)) {
    throw new EngineError(
      'LANGUAGE_UNSUPPORTED',
      `Whisper model ${info.name} does not transcribe "${options.language}" (it has: ${info.languages.join(', ') || 'none of en, es, zh'})`,
    );
  }
}
