import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { findPostgresBin, startPostgres, type PostgresServer } from '../support/postgres.js';
import { storeBehaviour } from './behaviour.js';

const bin = findPostgresBin();
if (!bin) {
  console.warn(
    '\n*** SKIPPING the PostgreSQL store suite: no initdb/pg_ctl found (apt-get install postgresql, or set PG_BIN) ***\n',
  );
}

describe.skipIf(!bin)('PostgreSQL backend', () => {
  let server: PostgresServer;

  beforeAll(async () => {
    server = await startPostgres();
  });

  afterAll(async () => {
    await server?.stop();
  });

  storeBehaviour('PostgreSQL', async () => {
    const url = await server.createDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'earshot-store-pg-'));
    return {
      open: () => openStore({ dataDir: dir, databaseUrl: url, poolSize: 4 }),
      schemaVersion: async () => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        try {
          return Number((await c.query('SELECT MAX(version) AS v FROM schema_migrations')).rows[0].v);
        } finally {
          await c.end();
        }
      },
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  });

  it('uses PostgreSQL when DATABASE_URL is set, and concurrent starts migrate once', async () => {
    const url = await server.createDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'earshot-store-pg-'));
    try {
      const stores = await Promise.all([1, 2, 3].map(() => openStore({ env: { DATABASE_URL: url, EARSHOT_DATA_DIR: dir } })));
      for (const s of stores) expect(s.backend).toBe('postgres');
      await Promise.all(stores.map((s, i) => s.createCall({ callId: `c${i}`, agentId: 'a', language: 'en' })));
      expect((await stores[0]!.listCalls()).total).toBe(3);
      await Promise.all(stores.map((s) => s.close()));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
