import { resolve } from 'node:path';
import type { Language } from './asr/engine.js';
import { DEFAULT_ENGINE, ENGINE_NAMES } from './asr/engines.js';
import { DEFAULT_POLICY, type PolicyOptions } from './alerts/policy.js';
import { clipOptionsFromEnv, type ClipOptions } from './store/clip.js';
import { recordingEnabled } from './store/recorder.js';
import { retentionDaysFromEnv } from './store/retention.js';

/** Server configuration from the environment (design.md § Configuration). */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  authFile?: string;
  redisUrl?: string;
  databaseUrl?: string;
  modelsDir?: string;
  /** Speech worker threads (default: one per core). */
  asrWorkers?: number;
  /** Calls accepted at once; more are refused with SERVER_BUSY. */
  maxCalls: number;
  /** Largest WebSocket message accepted before FRAME_TOO_LARGE (the protocol allows 64 KiB of audio). */
  maxAudioFrameBytes: number;
  /** Language used when a call says "auto" (pocketsphinx cannot identify it; Whisper calls identify it per utterance, this picks their engine). */
  defaultLanguage: Language;
  /**
   * Speech engines per language, in order of preference: the first one installed takes a call that
   * does not name one in start.metadata.engine (EARSHOT_ENGINE_EN / _ES / _ZH, e.g. "whisper,pocketsphinx").
   */
  engines: Record<Language, string[]>;
  /** Twilio Media Streams track roles. */
  twilioInboundRole: 'agent' | 'customer';
  logLevel: string;
  /** When partial transcripts raise alerts, and the per-category cool-down. */
  alertPolicy: PolicyOptions;
  /** Pre- and post-roll of each alert's clip. */
  clip: Required<ClipOptions>;
  /** Full-call recording (off by default: privacy). */
  recordCalls: boolean;
  /** Days calls are kept; null keeps them forever. */
  retentionDays: number | null;
}

function enginePreferences(env: NodeJS.ProcessEnv): Record<Language, string[]> {
  const out = {} as Record<Language, string[]>;
  for (const lang of ['en', 'es', 'zh'] as const) {
    const name = `EARSHOT_ENGINE_${lang.toUpperCase()}`;
    const list = (env[name] || DEFAULT_ENGINE).split(',').map((e) => e.trim()).filter(Boolean);
    const unknown = list.filter((e) => !ENGINE_NAMES.includes(e));
    if (unknown.length || list.length === 0) throw new Error(`${name} must list speech engines (${ENGINE_NAMES.join(', ')}), got "${env[name]}"`);
    out[lang] = list;
  }
  return out;
}

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const lang = env.EARSHOT_DEFAULT_LANGUAGE ?? 'en';
  if (lang !== 'en' && lang !== 'es' && lang !== 'zh') throw new Error(`EARSHOT_DEFAULT_LANGUAGE must be en, es or zh, got "${lang}"`);
  const inbound = env.EARSHOT_TWILIO_INBOUND_ROLE ?? 'customer';
  if (inbound !== 'agent' && inbound !== 'customer') throw new Error('EARSHOT_TWILIO_INBOUND_ROLE must be agent or customer');
  return {
    port: int(env.PORT, 8080, 'PORT'),
    host: env.HOST ?? '127.0.0.1',
    dataDir: resolve(env.EARSHOT_DATA_DIR ?? './data'),
    authFile: env.EARSHOT_AUTH_FILE || undefined,
    redisUrl: env.REDIS_URL || undefined,
    databaseUrl: env.DATABASE_URL || undefined,
    modelsDir: env.EARSHOT_MODELS_DIR || undefined,
    asrWorkers: env.EARSHOT_ASR_WORKERS ? int(env.EARSHOT_ASR_WORKERS, 1, 'EARSHOT_ASR_WORKERS') : undefined,
    maxCalls: int(env.EARSHOT_MAX_CALLS, 64, 'EARSHOT_MAX_CALLS'),
    maxAudioFrameBytes: 64 * 1024,
    defaultLanguage: lang,
    engines: enginePreferences(env),
    twilioInboundRole: inbound,
    logLevel: env.LOG_LEVEL ?? 'info',
    alertPolicy: {
      stablePartials: int(env.EARSHOT_ALERT_STABLE_PARTIALS, DEFAULT_POLICY.stablePartials, 'EARSHOT_ALERT_STABLE_PARTIALS'),
      settledWords: int(env.EARSHOT_ALERT_SETTLED_WORDS, DEFAULT_POLICY.settledWords, 'EARSHOT_ALERT_SETTLED_WORDS'),
      cooldownMs: int(env.EARSHOT_ALERT_COOLDOWN_MS, DEFAULT_POLICY.cooldownMs, 'EARSHOT_ALERT_COOLDOWN_MS'),
    },
    clip: clipOptionsFromEnv(env),
    recordCalls: recordingEnabled(env),
    retentionDays: retentionDaysFromEnv(env),
  };
}
