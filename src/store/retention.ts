/**
 * The purge job: runs `store.purgeOlderThan(days)` at start and then every `intervalMs`
 * (default 6 h). Retention comes from EARSHOT_RETENTION_DAYS; unset or 0 means keep forever.
 */
import type { PurgeResult, Store } from './types.js';

export const DEFAULT_RETENTION_INTERVAL_MS = 6 * 3_600_000;

export interface RetentionOptions {
  days: number;
  intervalMs?: number;
  onPurge?: (result: PurgeResult) => void;
  onError?: (err: unknown) => void;
}

export interface RetentionJob {
  /** Runs one purge now (also what the timer does); never two at once. */
  runNow(): Promise<PurgeResult | null>;
  stop(): void;
}

/** Days of retention from the environment; null when retention is off. */
export function retentionDaysFromEnv(env: NodeJS.ProcessEnv = process.env): number | null {
  const v = env.EARSHOT_RETENTION_DAYS;
  if (v === undefined || v.trim() === '') return null;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`EARSHOT_RETENTION_DAYS must be a number of days >= 0, got "${v}"`);
  return n === 0 ? null : n;
}

export function scheduleRetention(store: Store, options: RetentionOptions): RetentionJob {
  let running: Promise<PurgeResult | null> | null = null;
  let stopped = false;
  const runNow = (): Promise<PurgeResult | null> => {
    if (stopped) return Promise.resolve(null);
    if (!running) {
      running = store
        .purgeOlderThan(options.days)
        .then((r) => {
          options.onPurge?.(r);
          return r;
        })
        .catch((err: unknown) => {
          options.onError?.(err);
          return null;
        })
        .finally(() => {
          running = null;
        });
    }
    return running;
  };
  const timer = setInterval(() => void runNow(), options.intervalMs ?? DEFAULT_RETENTION_INTERVAL_MS);
  timer.unref();
  void runNow();
  return {
    runNow,
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
