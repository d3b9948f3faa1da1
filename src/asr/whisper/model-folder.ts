import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { EngineError, LANGUAGES, type Language } from '../engine.js';
import { DTYPE_SUFFIX, whisperModelDir, type WhisperDtype, type WhisperSettings } from './settings.js';

/**
 * A Whisper model folder in the layout transformers.js loads offline (the Hugging Face
 * "onnx-community"/"Xenova" export): JSON configs and tokenizer at the top, ONNX graphs in onnx/.
 * Real weights of this layout (whisper-tiny, -base, -small, …) need no code change; this is the
 * check that a folder has what the loader will ask for, made before a call is accepted.
 */
export interface WhisperModelInfo {
  name: string;
  dir: string;
  dtype: WhisperDtype;
  multilingual: boolean;
  /** Of earshot's languages, those this model can be asked to transcribe. */
  languages: Language[];
}

export function requiredFiles(dtype: WhisperDtype): string[] {
  const suffix = DTYPE_SUFFIX[dtype];
  return [
    'config.json',
    'generation_config.json',
    'preprocessor_config.json',
    'tokenizer.json',
    'tokenizer_config.json',
    `onnx/encoder_model${suffix}.onnx`,
    // transformers.js 4.3.1 loads only the merged decoder (If on use_cache_branch) for Whisper.
    `onnx/decoder_model_merged${suffix}.onnx`,
  ];
}

const known = new Map<string, WhisperModelInfo>();

function readJson(path: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    throw new EngineError('MODEL_MISSING', `cannot read ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** The configured model, checked; throws EngineError (ENGINE_UNAVAILABLE or MODEL_MISSING) with what is wrong. */
export function inspectWhisperModel(settings: Pick<WhisperSettings, 'model' | 'dtype'>, env: NodeJS.ProcessEnv = process.env): WhisperModelInfo {
  if (!settings.model) {
    throw new EngineError('ENGINE_UNAVAILABLE', 'speech engine "whisper" has no model: set EARSHOT_WHISPER_MODEL to an installed model (see `earshot models list`)');
  }
  const dir = whisperModelDir(settings.model, env);
  const key = `${dir}|${settings.dtype}`;
  const cached = known.get(key);
  if (cached) return cached;
  if (!existsSync(dir)) {
    throw new EngineError('ENGINE_UNAVAILABLE', `Whisper model "${settings.model}" is not installed (no folder ${dir}); install it with \`earshot models fetch ${basename(dir)}\``);
  }
  const missing = requiredFiles(settings.dtype).filter((f) => !existsSync(join(dir, f)));
  if (missing.length) {
    throw new EngineError('MODEL_MISSING', `Whisper model folder ${dir} lacks ${missing.join(', ')} (dtype ${settings.dtype})`);
  }
  const config = readJson(join(dir, 'config.json'));
  if (config.model_type !== 'whisper') throw new EngineError('MODEL_MISSING', `${dir}/config.json is not a Whisper model (model_type "${String(config.model_type)}")`);
  const generation = readJson(join(dir, 'generation_config.json'));
  const multilingual = generation.is_multilingual === true;
  const langIds = (generation.lang_to_id ?? {}) as Record<string, number>;
  const languages = multilingual ? LANGUAGES.filter((l) => `<|${l}|>` in langIds) : (['en'] as Language[]);
  const info: WhisperModelInfo = { name: basename(dir), dir, dtype: settings.dtype, multilingual, languages };
  known.set(key, info); // only a good folder is remembered: a model installed later is seen at once
  return info;
}
