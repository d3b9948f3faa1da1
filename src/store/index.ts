/**
 * Opens the store the configuration asks for: PostgreSQL when DATABASE_URL is set, otherwise
 * the embedded SQLite file in the data folder. Migrations run on every open (no-ops once applied).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { migrate } from './migrations.js';
import { PostgresDriver } from './postgres-driver.js';
import { SqliteDriver } from './sqlite-driver.js';
import { SqlStore } from './sql-store.js';
import type { Store } from './types.js';

export * from './types.js';
export { maskText, maskWords, redact, findSensitive } from './redact.js';
export { buildClip, clipOptionsFromEnv, clipReadyAtMs, DEFAULT_POST_ROLL_MS, DEFAULT_PRE_ROLL_MS } from './clip.js';
export type { ClipAudio, ClipOptions } from './clip.js';
export { CallRecorder, recordingEnabled } from './recorder.js';
export { retentionDaysFromEnv, scheduleRetention } from './retention.js';

export const SQLITE_FILE_NAME = 'earshot.db';

export interface StoreOptions {
  /** Clips, recordings and (embedded) the database file. Default: EARSHOT_DATA_DIR, else ./data. */
  dataDir?: string;
  /** PostgreSQL connection string. Default: DATABASE_URL; empty means embedded SQLite. */
  databaseUrl?: string;
  /** PostgreSQL pool size (default 10). */
  poolSize?: number;
  env?: NodeJS.ProcessEnv;
}

export function resolveDataDir(options: Pick<StoreOptions, 'dataDir' | 'env'> = {}): string {
  const env = options.env ?? process.env;
  return resolve(options.dataDir ?? (env.EARSHOT_DATA_DIR || 'data'));
}

export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const env = options.env ?? process.env;
  const dataDir = resolveDataDir(options);
  mkdirSync(dataDir, { recursive: true });
  const url = options.databaseUrl ?? env.DATABASE_URL ?? '';
  const driver = url ? new PostgresDriver(url, options.poolSize) : new SqliteDriver(join(dataDir, SQLITE_FILE_NAME));
  try {
    await migrate(driver);
  } catch (err) {
    await driver.close().catch(() => {});
    throw err;
  }
  return new SqlStore(driver, dataDir);
}
