/**
 * The store's one query layer. The SQL here is the subset SQLite and PostgreSQL share
 * (`?` placeholders, ON CONFLICT, RETURNING), so both backends behave the same; the drivers only
 * move rows. Transcript text is masked on the way in (src/store/redact.ts). Clip and recording
 * files go under the data folder and are fsynced before their rows are written.
 */
import { rm, rmdir } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import type { Row, SqlDriver, SqlRunner, SqlValue } from './driver.js';
import { classifyDbError } from './driver.js';
import { safeFileName, writeFileDurably } from './files.js';
import { maskText, maskWords } from './redact.js';
import type {
  AlertFilter,
  AlertRecord,
  AlertStatus,
  AuditEntry,
  AuditFilter,
  AuditRecord,
  CallDetail,
  CallFilter,
  CallRecord,
  CallStatus,
  Channel,
  ClipRecord,
  NewAlert,
  NewCall,
  NewClip,
  NewReview,
  NewUtterance,
  Page,
  PageRequest,
  PurgeResult,
  ReviewRecord,
  Severity,
  Store,
  StoredWord,
  UtteranceRecord,
  Verdict,
} from './types.js';
import { StoreError } from './types.js';

const DAY_MS = 86_400_000;
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;

const CHANNELS: readonly Channel[] = ['agent', 'customer'];
const SEVERITIES: readonly Severity[] = ['warning', 'critical'];
const VERDICTS: readonly Verdict[] = ['confirmed', 'dismissed'];
const ALERT_STATUSES: readonly AlertStatus[] = ['open', 'confirmed', 'dismissed'];
const CALL_STATUSES: readonly CallStatus[] = ['live', 'ended'];

function num(v: unknown): number {
  return typeof v === 'number' ? v : Number(v);
}

function numOrNull(v: unknown): number | null {
  return v === null || v === undefined ? null : num(v);
}

function str(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

function parseJson<T>(v: unknown, fallback: T): T {
  if (typeof v !== 'string' || v === '') return fallback;
  try {
    return JSON.parse(v) as T;
  } catch {
    return fallback;
  }
}

function requireText(name: string, v: unknown): string {
  if (typeof v !== 'string' || v === '') throw new StoreError('STORE_INVALID', `${name} must be a non-empty string`);
  return v;
}

function requireMs(name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new StoreError('STORE_INVALID', `${name} must be a finite number`);
  return Math.round(v);
}

function requireOneOf<T extends string>(name: string, v: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(v as T)) throw new StoreError('STORE_INVALID', `${name} must be one of ${allowed.join(', ')}`);
  return v as T;
}

interface Cursor {
  at: number;
  id: string | number;
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.at, c.id])).toString('base64url');
}

function decodeCursor(s: string): Cursor {
  try {
    const v = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && typeof v[0] === 'number' && (typeof v[1] === 'string' || typeof v[1] === 'number')) {
      return { at: v[0], id: v[1] };
    }
  } catch {
    // fall through
  }
  throw new StoreError('STORE_INVALID', 'cursor is not one this store issued');
}

interface PageSql {
  limit: number;
  offset: number;
  cursor: Cursor | null;
}

function pageSql(page: PageRequest | undefined): PageSql {
  const limitIn = page?.limit ?? DEFAULT_LIMIT;
  if (!Number.isFinite(limitIn)) throw new StoreError('STORE_INVALID', 'limit must be a number');
  const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(limitIn)));
  const offset = Math.max(0, Math.floor(page?.offset ?? 0));
  if (!Number.isFinite(offset)) throw new StoreError('STORE_INVALID', 'offset must be a number');
  return { limit, offset, cursor: page?.cursor ? decodeCursor(page.cursor) : null };
}

/** A newest-first list of one table: where it reads, how it orders, and how a row becomes a record. */
interface KeysetQuery<T> {
  /** `calls c`, `alerts a`, `audit_log`. */
  from: string;
  columns: string;
  /** Time column then id column, both descending; the cursor is the last item's pair. */
  timeCol: string;
  idCol: string;
  idIsNumber: boolean;
  map(row: Row): T;
  cursorOf(item: T): Cursor;
}

/** WHERE clause builder: conditions and their parameters, in order. */
class Where {
  readonly parts: string[] = [];
  readonly params: SqlValue[] = [];
  add(cond: string, ...params: SqlValue[]): this {
    this.parts.push(cond);
    this.params.push(...params);
    return this;
  }
  sql(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}

const CALL_COLUMNS = `c.call_id, c.agent_id, c.language, c.started_at, c.ended_at, c.status, c.metadata, c.recording_path,
  (SELECT COUNT(*) FROM alerts a WHERE a.call_id = c.call_id AND a.retracted_at IS NULL) AS alert_count`;

const ALERT_COLUMNS = `a.alert_id, a.call_id, a.agent_id, a.category, a.severity, a.text, a.start_ms, a.end_ms, a.rule,
  a.explanation, a.citation, a.suggestion, a.emitted_at, a.retracted_at, a.status,
  CASE WHEN EXISTS (SELECT 1 FROM clips k WHERE k.alert_id = a.alert_id) THEN 1 ELSE 0 END AS has_clip`;

export class SqlStore implements Store {
  readonly backend: 'sqlite' | 'postgres';
  private readonly pending = new Set<Promise<unknown>>();
  private closing: Promise<void> | null = null;

  constructor(
    private readonly db: SqlDriver,
    readonly dataDir: string,
  ) {
    this.backend = db.dialect;
  }

  /** Every operation goes through here, so close() can wait for what was accepted. */
  private op<T>(fn: () => Promise<T>): Promise<T> {
    if (this.closing) return Promise.reject(new StoreError('STORE_CLOSED', 'store is closed'));
    const p = fn().catch((err: unknown) => {
      const kind = classifyDbError(err);
      if (kind === 'foreign_key') throw new StoreError('STORE_NOT_FOUND', 'the call or alert it refers to does not exist');
      if (kind === 'unique') throw new StoreError('STORE_CONFLICT', 'a row with that id already exists');
      throw err;
    });
    this.pending.add(p);
    const done = () => this.pending.delete(p);
    p.then(done, done);
    return p;
  }

  private abs(path: string): string {
    return isAbsolute(path) ? path : join(this.dataDir, path);
  }

  // ---- rows → records

  private callFrom(r: Row): CallRecord {
    return {
      callId: str(r.call_id),
      agentId: str(r.agent_id),
      language: str(r.language),
      startedAt: num(r.started_at),
      endedAt: numOrNull(r.ended_at),
      status: str(r.status) as CallStatus,
      metadata: parseJson<Record<string, unknown>>(r.metadata, {}),
      alertCount: num(r.alert_count ?? 0),
      recordingPath: r.recording_path ? this.abs(str(r.recording_path)) : null,
    };
  }

  private utteranceFrom(r: Row): UtteranceRecord {
    return {
      utteranceId: num(r.utterance_id),
      callId: str(r.call_id),
      channel: str(r.channel) as Channel,
      text: str(r.text),
      startMs: num(r.start_ms),
      endMs: num(r.end_ms),
      words: parseJson<StoredWord[]>(r.words, []),
      createdAt: num(r.created_at),
    };
  }

  private alertFrom(r: Row): AlertRecord {
    return {
      alertId: str(r.alert_id),
      callId: str(r.call_id),
      agentId: str(r.agent_id),
      category: str(r.category),
      severity: str(r.severity) as Severity,
      text: str(r.text),
      startMs: num(r.start_ms),
      endMs: num(r.end_ms),
      rule: str(r.rule),
      explanation: str(r.explanation),
      citation: str(r.citation),
      suggestion: str(r.suggestion),
      emittedAt: num(r.emitted_at),
      retractedAt: numOrNull(r.retracted_at),
      status: str(r.status) as AlertStatus,
      hasClip: num(r.has_clip ?? 0) === 1,
    };
  }

  private reviewFrom(r: Row): ReviewRecord {
    return {
      reviewId: num(r.review_id),
      alertId: str(r.alert_id),
      verdict: str(r.verdict) as Verdict,
      note: str(r.note),
      reviewer: str(r.reviewer),
      at: num(r.at),
    };
  }

  private clipFrom(r: Row): ClipRecord {
    return {
      alertId: str(r.alert_id),
      callId: str(r.call_id),
      path: this.abs(str(r.path)),
      startMs: num(r.start_ms),
      endMs: num(r.end_ms),
      preRollMs: num(r.pre_roll_ms),
      postRollMs: num(r.post_roll_ms),
      sampleRate: num(r.sample_rate),
      channels: num(r.channels),
      durationMs: num(r.duration_ms),
      createdAt: num(r.created_at),
    };
  }

  private auditFrom(r: Row): AuditRecord {
    return {
      auditId: num(r.audit_id),
      at: num(r.at),
      actor: str(r.actor),
      role: str(r.role),
      action: str(r.action),
      targetType: str(r.target_type),
      targetId: str(r.target_id),
      detail: parseJson<Record<string, unknown>>(r.detail, {}),
    };
  }

  // ---- calls

  private async readCall(q: SqlRunner, callId: string): Promise<CallRecord | null> {
    const r = await q.get(`SELECT ${CALL_COLUMNS} FROM calls c WHERE c.call_id = ?`, [callId]);
    return r ? this.callFrom(r) : null;
  }

  createCall(call: NewCall): Promise<CallRecord> {
    return this.op(async () => {
      const callId = requireText('callId', call.callId);
      const agentId = requireText('agentId', call.agentId);
      const language = requireText('language', call.language);
      const startedAt = call.startedAt === undefined ? Date.now() : requireMs('startedAt', call.startedAt);
      await this.db.run(
        `INSERT INTO calls (call_id, agent_id, language, started_at, status, metadata)
         VALUES (?, ?, ?, ?, 'live', ?) ON CONFLICT (call_id) DO NOTHING`,
        [callId, agentId, language, startedAt, JSON.stringify(call.metadata ?? {})],
      );
      const rec = await this.readCall(this.db, callId);
      if (!rec) throw new StoreError('STORE_NOT_FOUND', `call ${callId} vanished after insert`);
      return rec;
    });
  }

  endCall(callId: string, endedAt?: number): Promise<CallRecord | null> {
    return this.op(async () => {
      const at = endedAt === undefined ? Date.now() : requireMs('endedAt', endedAt);
      await this.db.run(`UPDATE calls SET ended_at = ?, status = 'ended' WHERE call_id = ? AND status = 'live'`, [at, callId]);
      return this.readCall(this.db, callId);
    });
  }

  listCalls(filter: CallFilter = {}, page?: PageRequest): Promise<Page<CallRecord>> {
    return this.op(async () => {
      const p = pageSql(page);
      const w = new Where();
      if (filter.agentId !== undefined) w.add('c.agent_id = ?', filter.agentId);
      if (filter.status !== undefined) w.add('c.status = ?', requireOneOf('status', filter.status, CALL_STATUSES));
      if (filter.language !== undefined) w.add('c.language = ?', filter.language);
      if (filter.from !== undefined) w.add('c.started_at >= ?', requireMs('from', filter.from));
      if (filter.to !== undefined) w.add('c.started_at < ?', requireMs('to', filter.to));
      return this.keysetPage(w, p, {
        from: 'calls c',
        columns: CALL_COLUMNS,
        timeCol: 'c.started_at',
        idCol: 'c.call_id',
        idIsNumber: false,
        map: (r) => this.callFrom(r),
        cursorOf: (c) => ({ at: c.startedAt, id: c.callId }),
      });
    });
  }

  getCall(callId: string): Promise<CallDetail | null> {
    return this.op(async () => {
      const call = await this.readCall(this.db, callId);
      if (!call) return null;
      const utterances = await this.readUtterances(callId);
      const alerts = await this.db.all(
        `SELECT ${ALERT_COLUMNS} FROM alerts a WHERE a.call_id = ? ORDER BY a.emitted_at, a.alert_id`,
        [callId],
      );
      return {
        ...call,
        utterances,
        alerts: alerts.map((r) => this.alertFrom(r)),
      };
    });
  }

  listUtterances(callId: string, range?: { fromMs: number; toMs: number }): Promise<UtteranceRecord[]> {
    return this.op(() => this.readUtterances(callId, range));
  }

  private async readUtterances(callId: string, range?: { fromMs: number; toMs: number }): Promise<UtteranceRecord[]> {
    const rows = range
      ? await this.db.all(
          `SELECT * FROM utterances WHERE call_id = ? AND end_ms > ? AND start_ms < ? ORDER BY start_ms, utterance_id`,
          [callId, range.fromMs, range.toMs],
        )
      : await this.db.all(`SELECT * FROM utterances WHERE call_id = ? ORDER BY start_ms, utterance_id`, [callId]);
    return rows.map((r) => this.utteranceFrom(r));
  }

  saveRecording(callId: string, wav: Uint8Array): Promise<string> {
    return this.op(async () => {
      const call = await this.readCall(this.db, callId);
      if (!call) throw new StoreError('STORE_NOT_FOUND', `no call ${callId}`);
      const path = this.recordingPathFor(callId);
      await writeFileDurably(path, wav);
      await this.db.run(`UPDATE calls SET recording_path = ? WHERE call_id = ?`, [relative(this.dataDir, path), callId]);
      return path;
    });
  }

  recordingPathFor(callId: string): string {
    return join(this.dataDir, 'recordings', `${safeFileName(callId)}.wav`);
  }

  attachRecording(callId: string, path: string): Promise<void> {
    return this.op(async () => {
      const rel = relative(this.dataDir, path);
      if (rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) {
        throw new StoreError('STORE_INVALID', 'a recording must lie inside the data folder');
      }
      const n = await this.db.run(`UPDATE calls SET recording_path = ? WHERE call_id = ?`, [rel, callId]);
      if (n === 0) throw new StoreError('STORE_NOT_FOUND', `no call ${callId}`);
    });
  }

  // ---- utterances

  addUtterance(u: NewUtterance): Promise<UtteranceRecord> {
    return this.op(async () => {
      const callId = requireText('callId', u.callId);
      const channel = requireOneOf('channel', u.channel, CHANNELS);
      const startMs = requireMs('startMs', u.startMs);
      const endMs = requireMs('endMs', u.endMs);
      if (typeof u.text !== 'string') throw new StoreError('STORE_INVALID', 'text must be a string');
      const text = maskText(u.text);
      const words = maskWords(u.words ?? []);
      const createdAt = Date.now();
      const r = await this.db.get(
        `INSERT INTO utterances (call_id, channel, text, start_ms, end_ms, words, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING utterance_id`,
        [callId, channel, text, startMs, endMs, JSON.stringify(words), createdAt],
      );
      return { utteranceId: num(r?.utterance_id), callId, channel, text, startMs, endMs, words, createdAt };
    });
  }

  // ---- alerts

  private async readAlert(q: SqlRunner, alertId: string): Promise<AlertRecord | null> {
    const r = await q.get(`SELECT ${ALERT_COLUMNS} FROM alerts a WHERE a.alert_id = ?`, [alertId]);
    return r ? this.alertFrom(r) : null;
  }

  addAlert(a: NewAlert): Promise<AlertRecord> {
    return this.op(async () => {
      const alertId = requireText('alertId', a.alertId);
      const row: SqlValue[] = [
        alertId,
        requireText('callId', a.callId),
        requireText('agentId', a.agentId),
        requireText('category', a.category),
        requireOneOf('severity', a.severity, SEVERITIES),
        maskText(str(a.text)),
        requireMs('startMs', a.startMs),
        requireMs('endMs', a.endMs),
        str(a.rule),
        str(a.explanation),
        str(a.citation),
        str(a.suggestion),
        a.emittedAt === undefined ? Date.now() : requireMs('emittedAt', a.emittedAt),
      ];
      await this.db.run(
        `INSERT INTO alerts (alert_id, call_id, agent_id, category, severity, text, start_ms, end_ms, rule,
           explanation, citation, suggestion, emitted_at, status)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open') ON CONFLICT (alert_id) DO NOTHING`,
        row,
      );
      const rec = await this.readAlert(this.db, alertId);
      if (!rec) throw new StoreError('STORE_NOT_FOUND', `alert ${alertId} vanished after insert`);
      return rec;
    });
  }

  retractAlert(alertId: string, at?: number): Promise<AlertRecord | null> {
    return this.op(async () => {
      const when = at === undefined ? Date.now() : requireMs('at', at);
      await this.db.run(`UPDATE alerts SET retracted_at = ? WHERE alert_id = ? AND retracted_at IS NULL`, [when, alertId]);
      return this.readAlert(this.db, alertId);
    });
  }

  getAlert(alertId: string): Promise<AlertRecord | null> {
    return this.op(() => this.readAlert(this.db, alertId));
  }

  listAlerts(filter: AlertFilter = {}, page?: PageRequest): Promise<Page<AlertRecord>> {
    return this.op(async () => {
      const p = pageSql(page);
      const w = new Where();
      if (filter.agentId !== undefined) w.add('a.agent_id = ?', filter.agentId);
      if (filter.callId !== undefined) w.add('a.call_id = ?', filter.callId);
      if (filter.category !== undefined) w.add('a.category = ?', filter.category);
      if (filter.severity !== undefined) w.add('a.severity = ?', requireOneOf('severity', filter.severity, SEVERITIES));
      if (filter.status !== undefined) w.add('a.status = ?', requireOneOf('status', filter.status, ALERT_STATUSES));
      if (filter.from !== undefined) w.add('a.emitted_at >= ?', requireMs('from', filter.from));
      if (filter.to !== undefined) w.add('a.emitted_at < ?', requireMs('to', filter.to));
      if (!filter.includeRetracted) w.add('a.retracted_at IS NULL');
      return this.keysetPage(w, p, {
        from: 'alerts a',
        columns: ALERT_COLUMNS,
        timeCol: 'a.emitted_at',
        idCol: 'a.alert_id',
        idIsNumber: false,
        map: (r) => this.alertFrom(r),
        cursorOf: (a) => ({ at: a.emittedAt, id: a.alertId }),
      });
    });
  }

  // ---- reviews

  addReview(review: NewReview): Promise<ReviewRecord> {
    return this.op(async () => {
      const alertId = requireText('alertId', review.alertId);
      const verdict = requireOneOf('verdict', review.verdict, VERDICTS);
      const reviewer = requireText('reviewer', review.reviewer);
      const note = str(review.note);
      const at = review.at === undefined ? Date.now() : requireMs('at', review.at);
      return this.db.transaction(async (tx) => {
        const alert = await tx.get(`SELECT alert_id, call_id, status FROM alerts WHERE alert_id = ?`, [alertId]);
        if (!alert) throw new StoreError('STORE_NOT_FOUND', `no alert ${alertId}`);
        const r = await tx.get(
          `INSERT INTO reviews (alert_id, verdict, note, reviewer, at) VALUES (?, ?, ?, ?, ?) RETURNING review_id`,
          [alertId, verdict, note, reviewer, at],
        );
        await tx.run(`UPDATE alerts SET status = ? WHERE alert_id = ?`, [verdict, alertId]);
        await this.insertAudit(tx, {
          actor: reviewer,
          role: review.role ?? '',
          action: 'alert.review',
          targetType: 'alert',
          targetId: alertId,
          detail: { verdict, note, previousStatus: str(alert.status), callId: str(alert.call_id) },
          at,
        });
        return { reviewId: num(r?.review_id), alertId, verdict, note, reviewer, at };
      });
    });
  }

  listReviews(alertId: string): Promise<ReviewRecord[]> {
    return this.op(async () => {
      const rows = await this.db.all(`SELECT * FROM reviews WHERE alert_id = ? ORDER BY at, review_id`, [alertId]);
      return rows.map((r) => this.reviewFrom(r));
    });
  }

  // ---- clips

  saveClip(clip: NewClip): Promise<ClipRecord> {
    return this.op(async () => {
      const alertId = requireText('alertId', clip.alertId);
      if (!(clip.wav instanceof Uint8Array) || clip.wav.length < 44) {
        throw new StoreError('STORE_INVALID', 'wav must hold a WAV file');
      }
      const alert = await this.db.get(`SELECT call_id FROM alerts WHERE alert_id = ?`, [alertId]);
      if (!alert) throw new StoreError('STORE_NOT_FOUND', `no alert ${alertId}`);
      const callId = str(alert.call_id);
      const rel = join('clips', safeFileName(callId), `${safeFileName(alertId)}.wav`);
      await writeFileDurably(this.abs(rel), clip.wav);
      const createdAt = Date.now();
      const values: SqlValue[] = [
        alertId,
        callId,
        rel,
        requireMs('startMs', clip.startMs),
        requireMs('endMs', clip.endMs),
        requireMs('preRollMs', clip.preRollMs),
        requireMs('postRollMs', clip.postRollMs),
        requireMs('sampleRate', clip.sampleRate),
        requireMs('channels', clip.channels),
        requireMs('durationMs', clip.durationMs),
        createdAt,
      ];
      await this.db.run(
        `INSERT INTO clips (alert_id, call_id, path, start_ms, end_ms, pre_roll_ms, post_roll_ms, sample_rate, channels,
           duration_ms, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (alert_id) DO UPDATE SET path = excluded.path, start_ms = excluded.start_ms, end_ms = excluded.end_ms,
           pre_roll_ms = excluded.pre_roll_ms, post_roll_ms = excluded.post_roll_ms, sample_rate = excluded.sample_rate,
           channels = excluded.channels, duration_ms = excluded.duration_ms, created_at = excluded.created_at`,
        values,
      );
      const r = await this.db.get(`SELECT * FROM clips WHERE alert_id = ?`, [alertId]);
      if (!r) throw new StoreError('STORE_NOT_FOUND', `clip of ${alertId} vanished after insert`);
      return this.clipFrom(r);
    });
  }

  getClip(alertId: string): Promise<ClipRecord | null> {
    return this.op(async () => {
      const r = await this.db.get(`SELECT * FROM clips WHERE alert_id = ?`, [alertId]);
      return r ? this.clipFrom(r) : null;
    });
  }

  // ---- retention

  purgeOlderThan(days: number, now: number = Date.now()): Promise<PurgeResult> {
    return this.op(async () => {
      if (typeof days !== 'number' || !Number.isFinite(days) || days < 0) {
        throw new StoreError('STORE_INVALID', 'days must be a number >= 0');
      }
      const cutoff = Math.round(now - days * DAY_MS);
      // A call is old when it ended (or, never ended, started) before the cutoff.
      const old = `SELECT call_id FROM calls WHERE COALESCE(ended_at, started_at) < ?`;
      const result = await this.db.transaction(async (tx) => {
        const files = [
          ...(await tx.all(`SELECT path FROM clips WHERE call_id IN (${old})`, [cutoff])),
          ...(await tx.all(`SELECT recording_path AS path FROM calls WHERE recording_path IS NOT NULL AND call_id IN (${old})`, [cutoff])),
        ].map((r) => str(r.path));
        const reviews = await tx.run(
          `DELETE FROM reviews WHERE alert_id IN (SELECT alert_id FROM alerts WHERE call_id IN (${old}))`,
          [cutoff],
        );
        const clips = await tx.run(`DELETE FROM clips WHERE call_id IN (${old})`, [cutoff]);
        const alerts = await tx.run(`DELETE FROM alerts WHERE call_id IN (${old})`, [cutoff]);
        const utterances = await tx.run(`DELETE FROM utterances WHERE call_id IN (${old})`, [cutoff]);
        const calls = await tx.run(`DELETE FROM calls WHERE COALESCE(ended_at, started_at) < ?`, [cutoff]);
        return { cutoff, calls, utterances, alerts, reviews, clips, files };
      });
      // Files go after the rows are gone: a crash in between leaves orphan files, never rows
      // pointing at nothing; the next purge cannot see those, so remove what we can now.
      let removed = 0;
      for (const rel of result.files) {
        const path = this.abs(rel);
        try {
          await rm(path);
          removed++;
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        }
        await rmdir(dirname(path)).catch(() => {}); // only succeeds once the call's clip folder is empty
      }
      return { ...result, files: removed };
    });
  }

  // ---- audit

  private async insertAudit(q: SqlRunner, e: AuditEntry): Promise<AuditRecord> {
    const at = e.at === undefined ? Date.now() : requireMs('at', e.at);
    const actor = requireText('actor', e.actor);
    const action = requireText('action', e.action);
    const detail = e.detail ?? {};
    const r = await q.get(
      `INSERT INTO audit_log (at, actor, role, action, target_type, target_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)
       RETURNING audit_id`,
      [at, actor, str(e.role), action, str(e.targetType), str(e.targetId), JSON.stringify(detail)],
    );
    return {
      auditId: num(r?.audit_id),
      at,
      actor,
      role: str(e.role),
      action,
      targetType: str(e.targetType),
      targetId: str(e.targetId),
      detail,
    };
  }

  audit(entry: AuditEntry): Promise<AuditRecord> {
    return this.op(() => this.insertAudit(this.db, entry));
  }

  listAudit(filter: AuditFilter = {}, page?: PageRequest): Promise<Page<AuditRecord>> {
    return this.op(async () => {
      const p = pageSql(page);
      const w = new Where();
      if (filter.actor !== undefined) w.add('actor = ?', filter.actor);
      if (filter.action !== undefined) w.add('action = ?', filter.action);
      if (filter.targetId !== undefined) w.add('target_id = ?', filter.targetId);
      if (filter.from !== undefined) w.add('at >= ?', requireMs('from', filter.from));
      if (filter.to !== undefined) w.add('at < ?', requireMs('to', filter.to));
      return this.keysetPage(w, p, {
        from: 'audit_log',
        columns: '*',
        timeCol: 'at',
        idCol: 'audit_id',
        idIsNumber: true,
        map: (r) => this.auditFrom(r),
        cursorOf: (a) => ({ at: a.at, id: a.auditId }),
      });
    });
  }

  /** One page, newest first: the total for the filter, then rows after the cursor (or offset). */
  private async keysetPage<T>(w: Where, p: PageSql, q: KeysetQuery<T>): Promise<Page<T>> {
    const total = num((await this.db.get(`SELECT COUNT(*) AS n FROM ${q.from} ${w.sql()}`, w.params))?.n ?? 0);
    if (p.cursor) {
      const id = q.idIsNumber ? num(p.cursor.id) : String(p.cursor.id);
      w.add(`(${q.timeCol} < ? OR (${q.timeCol} = ? AND ${q.idCol} < ?))`, p.cursor.at, p.cursor.at, id);
    }
    const rows = await this.db.all(
      `SELECT ${q.columns} FROM ${q.from} ${w.sql()} ORDER BY ${q.timeCol} DESC, ${q.idCol} DESC LIMIT ? OFFSET ?`,
      [...w.params, p.limit + 1, p.cursor ? 0 : p.offset],
    );
    const items = rows.slice(0, p.limit).map((r) => q.map(r));
    const last = items[items.length - 1];
    return { items, total, ...(rows.length > p.limit && last ? { nextCursor: encodeCursor(q.cursorOf(last)) } : {}) };
  }

  close(): Promise<void> {
    if (!this.closing) {
      this.closing = (async () => {
        await Promise.allSettled([...this.pending]);
        await this.db.close();
      })();
    }
    return this.closing;
  }
}
