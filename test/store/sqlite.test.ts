import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore, SQLITE_FILE_NAME } from '../../src/store/index.js';
import { storeBehaviour } from './behaviour.js';

storeBehaviour('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'earshot-store-'));
  const file = join(dir, SQLITE_FILE_NAME);
  return {
    open: () => openStore({ dataDir: dir, databaseUrl: '' }),
    schemaVersion: async () => {
      const db = new Database(file, { readonly: true });
      try {
        return Number((db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number }).v);
      } finally {
        db.close();
      }
    },
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

describe('SQLite specifics', () => {
  it('defaults to ./data (EARSHOT_DATA_DIR overrides), in WAL mode with full sync', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'earshot-store-'));
    try {
      const store = await openStore({ env: { EARSHOT_DATA_DIR: dir } });
      expect(store.backend).toBe('sqlite');
      expect(store.dataDir).toBe(dir);
      await store.createCall({ callId: 'c', agentId: 'a', language: 'en' });
      const peek = new Database(join(dir, SQLITE_FILE_NAME));
      expect(peek.pragma('journal_mode', { simple: true })).toBe('wal');
      peek.close();
      await store.close();
      await store.close(); // idempotent
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
