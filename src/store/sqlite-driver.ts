/**
 * SQLite through better-sqlite3: one file, WAL, synchronous=FULL so that a commit is on disk
 * before the promise resolves (a crash or power cut loses nothing acknowledged).
 * better-sqlite3 is synchronous; the async interface only exists so both backends look alike.
 * A transaction's function may await between statements, so other callers wait on a lock
 * instead of slipping their statements into it.
 */
import Database from 'better-sqlite3';
import type { Row, SqlDriver, SqlRunner, SqlValue } from './driver.js';
import { StoreError } from './types.js';

export class SqliteDriver implements SqlDriver {
  readonly dialect = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  /** Settles when the transaction in progress (if any) ends. */
  private lock: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(readonly file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
  }

  private prepare(sql: string): Database.Statement {
    if (this.closed) throw new StoreError('STORE_CLOSED', 'store is closed');
    let st = this.statements.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  private direct: SqlRunner = {
    dialect: 'sqlite',
    all: async (sql, params = []) => this.prepare(sql).all(...(params as SqlValue[])) as Row[],
    get: async (sql, params = []) => this.prepare(sql).get(...(params as SqlValue[])) as Row | undefined,
    run: async (sql, params = []) => this.prepare(sql).run(...(params as SqlValue[])).changes,
  };

  async all(sql: string, params?: readonly SqlValue[]): Promise<Row[]> {
    await this.lock;
    return this.direct.all(sql, params);
  }

  async get(sql: string, params?: readonly SqlValue[]): Promise<Row | undefined> {
    await this.lock;
    return this.direct.get(sql, params);
  }

  async run(sql: string, params?: readonly SqlValue[]): Promise<number> {
    await this.lock;
    return this.direct.run(sql, params);
  }

  /** Runs DDL (several statements); only for migrations. */
  exec(sql: string): void {
    this.db.exec(sql);
  }

  async transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T> {
    // Queue behind the transaction in progress, then hold the lock until this one ends.
    let release!: () => void;
    const previous = this.lock;
    const mine = new Promise<void>((resolve) => (release = resolve));
    this.lock = previous.then(() => mine);
    await previous;
    try {
      if (this.closed) throw new StoreError('STORE_CLOSED', 'store is closed');
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(this.direct);
        this.db.exec('COMMIT');
        return result;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw err;
      }
    } finally {
      release();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.lock;
    this.closed = true;
    this.statements.clear();
    // Fold the WAL back into the main file so the folder holds one self-contained database.
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // A checkpoint blocked by another reader is harmless: the WAL is replayed on open.
    }
    this.db.close();
  }
}
