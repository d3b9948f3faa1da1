/**
 * Versioned schema migrations, one list for both backends. Each migration runs in its own
 * transaction and is recorded in `schema_migrations`, so running them on every start is a no-op
 * once applied. On PostgreSQL an advisory lock keeps two processes starting at once from racing.
 * Append new migrations; never edit one that has shipped.
 */
import type { Dialect, SqlDriver, SqlRunner } from './driver.js';

export interface Migration {
  version: number;
  name: string;
  statements(dialect: Dialect): string[];
}

/** Auto-increment primary key, the one type the two dialects spell differently. */
function serialPk(d: Dialect): string {
  return d === 'sqlite' ? 'INTEGER PRIMARY KEY AUTOINCREMENT' : 'BIGSERIAL PRIMARY KEY';
}

/**
 * Identifiers compare byte-wise on both backends (SQLite's default), so keyset pagination and
 * ordering agree; PostgreSQL would otherwise use the database's locale collation.
 */
function idText(d: Dialect): string {
  return d === 'sqlite' ? 'TEXT' : 'TEXT COLLATE "C"';
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'calls, utterances, alerts, reviews, clips, audit log',
    statements: (d) => [
      `CREATE TABLE calls (
        call_id ${idText(d)} PRIMARY KEY,
        agent_id ${idText(d)} NOT NULL,
        language TEXT NOT NULL,
        started_at BIGINT NOT NULL,
        ended_at BIGINT,
        status TEXT NOT NULL CHECK (status IN ('live', 'ended')),
        metadata TEXT NOT NULL DEFAULT '{}',
        recording_path TEXT
      )`,
      `CREATE INDEX calls_started_idx ON calls (started_at, call_id)`,
      `CREATE INDEX calls_agent_started_idx ON calls (agent_id, started_at)`,
      `CREATE TABLE utterances (
        utterance_id ${serialPk(d)},
        call_id ${idText(d)} NOT NULL REFERENCES calls (call_id) ON DELETE CASCADE,
        channel TEXT NOT NULL CHECK (channel IN ('agent', 'customer')),
        text TEXT NOT NULL,
        start_ms BIGINT NOT NULL,
        end_ms BIGINT NOT NULL,
        words TEXT NOT NULL DEFAULT '[]',
        created_at BIGINT NOT NULL
      )`,
      `CREATE INDEX utterances_call_idx ON utterances (call_id, start_ms)`,
      `CREATE TABLE alerts (
        alert_id ${idText(d)} PRIMARY KEY,
        call_id ${idText(d)} NOT NULL REFERENCES calls (call_id) ON DELETE CASCADE,
        agent_id ${idText(d)} NOT NULL,
        category TEXT NOT NULL,
        severity TEXT NOT NULL CHECK (severity IN ('warning', 'critical')),
        text TEXT NOT NULL,
        start_ms BIGINT NOT NULL,
        end_ms BIGINT NOT NULL,
        rule TEXT NOT NULL,
        explanation TEXT NOT NULL,
        citation TEXT NOT NULL,
        suggestion TEXT NOT NULL DEFAULT '',
        emitted_at BIGINT NOT NULL,
        retracted_at BIGINT,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'confirmed', 'dismissed'))
      )`,
      `CREATE INDEX alerts_emitted_idx ON alerts (emitted_at, alert_id)`,
      `CREATE INDEX alerts_call_idx ON alerts (call_id, emitted_at)`,
      `CREATE INDEX alerts_agent_idx ON alerts (agent_id, emitted_at)`,
      `CREATE INDEX alerts_status_idx ON alerts (status, emitted_at)`,
      `CREATE TABLE reviews (
        review_id ${serialPk(d)},
        alert_id ${idText(d)} NOT NULL REFERENCES alerts (alert_id) ON DELETE CASCADE,
        verdict TEXT NOT NULL CHECK (verdict IN ('confirmed', 'dismissed')),
        note TEXT NOT NULL DEFAULT '',
        reviewer TEXT NOT NULL,
        at BIGINT NOT NULL
      )`,
      `CREATE INDEX reviews_alert_idx ON reviews (alert_id, at)`,
      `CREATE TABLE clips (
        alert_id ${idText(d)} PRIMARY KEY REFERENCES alerts (alert_id) ON DELETE CASCADE,
        call_id ${idText(d)} NOT NULL,
        path TEXT NOT NULL,
        start_ms BIGINT NOT NULL,
        end_ms BIGINT NOT NULL,
        pre_roll_ms BIGINT NOT NULL,
        post_roll_ms BIGINT NOT NULL,
        sample_rate BIGINT NOT NULL,
        channels BIGINT NOT NULL,
        duration_ms BIGINT NOT NULL,
        created_at BIGINT NOT NULL
      )`,
      `CREATE INDEX clips_call_idx ON clips (call_id)`,
      `CREATE TABLE audit_log (
        audit_id ${serialPk(d)},
        at BIGINT NOT NULL,
        actor TEXT NOT NULL,
        role TEXT NOT NULL DEFAULT '',
        action TEXT NOT NULL,
        target_type TEXT NOT NULL DEFAULT '',
        target_id TEXT NOT NULL DEFAULT '',
        detail TEXT NOT NULL DEFAULT '{}'
      )`,
      `CREATE INDEX audit_at_idx ON audit_log (at)`,
      `CREATE INDEX audit_target_idx ON audit_log (target_id, at)`,
    ],
  },
];

/** Serialises schema changes between processes (SQLite's BEGIN IMMEDIATE already does). */
async function lockSchema(tx: SqlRunner): Promise<void> {
  if (tx.dialect === 'postgres') await tx.get(`SELECT pg_advisory_xact_lock(727400118)`);
}

/** Applies what is missing; returns the versions applied now. */
export async function migrate(driver: SqlDriver, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  await driver.transaction(async (tx) => {
    await lockSchema(tx);
    await tx.run(
      `CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`,
    );
  });
  const applied: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    const ran = await driver.transaction(async (tx) => {
      await lockSchema(tx);
      const done = await tx.get(`SELECT version FROM schema_migrations WHERE version = ?`, [m.version]);
      if (done) return false;
      for (const sql of m.statements(tx.dialect)) await tx.run(sql);
      await tx.run(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`, [m.version, m.name, Date.now()]);
      return true;
    });
    if (ran) applied.push(m.version);
  }
  return applied;
}

/** The highest applied version (0 for an empty database). */
export async function schemaVersion(driver: SqlDriver): Promise<number> {
  const row = await driver.get(`SELECT MAX(version) AS v FROM schema_migrations`);
  return Number(row?.v ?? 0);
}
