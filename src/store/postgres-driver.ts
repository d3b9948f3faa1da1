/**
 * PostgreSQL through a `pg` pool. Every write is awaited to the server's commit before the
 * store resolves. BIGINT columns come back as numbers (epoch ms fits in 2^53) via a
 * pool-local type parser, so the process-wide pg defaults stay untouched.
 */
import pg from 'pg';
import type { Row, SqlDriver, SqlRunner, SqlValue } from './driver.js';
import { toDollarParams } from './driver.js';
import { StoreError } from './types.js';

const INT8_OID = 20;

function runnerFor(client: pg.Pool | pg.PoolClient): SqlRunner {
  return {
    dialect: 'postgres',
    all: async (sql, params = []) => (await client.query(toDollarParams(sql), params as SqlValue[])).rows as Row[],
    get: async (sql, params = []) => (await client.query(toDollarParams(sql), params as SqlValue[])).rows[0] as Row | undefined,
    run: async (sql, params = []) => (await client.query(toDollarParams(sql), params as SqlValue[])).rowCount ?? 0,
  };
}

export class PostgresDriver implements SqlDriver {
  readonly dialect = 'postgres' as const;
  private readonly pool: pg.Pool;
  private readonly runner: SqlRunner;
  private inFlight = new Set<Promise<unknown>>();
  private closed = false;

  constructor(connectionString: string, poolSize = 10) {
    this.pool = new pg.Pool({
      connectionString,
      max: poolSize,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === INT8_OID && format !== 'binary'
            ? (v: string) => Number(v)
            : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
      },
    });
    // An idle client losing its connection must not crash the process; the next query reconnects.
    this.pool.on('error', () => {});
    this.runner = runnerFor(this.pool);
  }

  private track<T>(p: Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new StoreError('STORE_CLOSED', 'store is closed'));
    this.inFlight.add(p);
    const done = () => this.inFlight.delete(p);
    p.then(done, done);
    return p;
  }

  all(sql: string, params?: readonly SqlValue[]): Promise<Row[]> {
    return this.track(this.runner.all(sql, params));
  }

  get(sql: string, params?: readonly SqlValue[]): Promise<Row | undefined> {
    return this.track(this.runner.get(sql, params));
  }

  run(sql: string, params?: readonly SqlValue[]): Promise<number> {
    return this.track(this.runner.run(sql, params));
  }

  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T> {
    return this.track(
      (async () => {
        const client = await this.pool.connect();
        try {
          await client.query('BEGIN');
          try {
            const result = await fn(runnerFor(client));
            await client.query('COMMIT');
            return result;
          } catch (err) {
            await client.query('ROLLBACK').catch(() => {});
            throw err;
          }
        } finally {
          client.release();
        }
      })(),
    );
  }

  async close(): Promise<void> {
    if (this.closed) return;
    // Let accepted writes finish before the pool goes.
    await Promise.allSettled([...this.inFlight]);
    this.closed = true;
    await this.pool.end();
  }
}
