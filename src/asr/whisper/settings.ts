import { availableParallelism } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { modelsDir } from '../../paths.js';
import type { MelMode } from './log-mel.js';

/**
 * How the Whisper engine runs, from the environment. Read where it is needed (main thread to check
 * a call, worker threads to run it): worker threads see the process environment.
 */
export interface WhisperSettings {
  /** The model folder's name under $EARSHOT_MODELS_DIR/whisper/ (or a path); undefined: none chosen. */
  model?: string;
  /** Weights variant transformers.js loads: q8 = onnx/*_quantized.onnx, fp32 = onnx/*.onnx, … */
  dtype: WhisperDtype;
  /** Worker threads that run Whisper (each loads the model once; its channels share it). */
  workers: number;
  /** onnxruntime threads per Whisper worker. */
  threads: number;
  /** Re-decode the open utterance every this much new speech (while decoding keeps up). */
  stepMs: number;
  /** When decoding falls behind, the step doubles up to this; beyond it, partials wait their turn. */
  maxStepMs: number;
  /** Log-mel over the real audio only ("trimmed") or over the stock 30 s of padding ("stock"). */
  mel: MelMode;
  /** Token budget per decode: this many per second of audio, plus a few for short windows. */
  tokensPerSecond: number;
}

/** transformers.js dtypes and the file-name suffix each loads (onnx/encoder_model{suffix}.onnx). */
export const DTYPE_SUFFIX = {
  fp32: '',
  fp16: '_fp16',
  q8: '_quantized',
  int8: '_int8',
  uint8: '_uint8',
  q4: '_q4',
  q4f16: '_q4f16',
  bnb4: '_bnb4',
} as const;
export type WhisperDtype = keyof typeof DTYPE_SUFFIX;

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return n;
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!(n > 0) || !Number.isFinite(n)) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return n;
}

export function loadWhisperSettings(env: NodeJS.ProcessEnv = process.env): WhisperSettings {
  const dtype = env.EARSHOT_WHISPER_DTYPE || 'q8';
  if (!(dtype in DTYPE_SUFFIX)) throw new Error(`EARSHOT_WHISPER_DTYPE must be one of ${Object.keys(DTYPE_SUFFIX).join(', ')}, got "${dtype}"`);
  const mel = env.EARSHOT_WHISPER_MEL || 'trimmed';
  if (mel !== 'trimmed' && mel !== 'stock') throw new Error(`EARSHOT_WHISPER_MEL must be trimmed or stock, got "${mel}"`);
  const workers = positiveInt(env, 'EARSHOT_WHISPER_WORKERS', 1);
  const stepMs = positiveInt(env, 'EARSHOT_WHISPER_STEP_MS', 1000);
  const maxStepMs = positiveInt(env, 'EARSHOT_WHISPER_MAX_STEP_MS', Math.max(4000, stepMs));
  if (maxStepMs < stepMs) throw new Error(`EARSHOT_WHISPER_MAX_STEP_MS (${maxStepMs}) must be at least EARSHOT_WHISPER_STEP_MS (${stepMs})`);
  return {
    model: env.EARSHOT_WHISPER_MODEL || undefined,
    dtype: dtype as WhisperDtype,
    workers,
    threads: positiveInt(env, 'EARSHOT_WHISPER_THREADS', Math.max(1, Math.floor(availableParallelism() / workers))),
    stepMs,
    maxStepMs,
    mel,
    tokensPerSecond: positiveNumber(env, 'EARSHOT_WHISPER_TOKENS_PER_S', 6),
  };
}

/** Where a Whisper model lives: a name under <models>/whisper/, or a path as given. */
export function whisperModelDir(model: string, env: NodeJS.ProcessEnv = process.env): string {
  if (isAbsolute(model) || model.startsWith('.')) return resolve(model);
  return join(modelsDir(env), 'whisper', model);
}
