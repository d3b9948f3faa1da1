/**
 * What the store keeps, and the one interface both backends (SQLite, PostgreSQL) implement.
 * Every `...At` is epoch milliseconds (wall clock); every `...Ms` is milliseconds on the call's
 * audio timeline (from the call's first sample), as on the wire.
 */

export type Channel = 'agent' | 'customer';
export type CallStatus = 'live' | 'ended';
export type Severity = 'warning' | 'critical';
export type AlertStatus = 'open' | 'confirmed' | 'dismissed';
export type Verdict = 'confirmed' | 'dismissed';

/** Structurally the ASR's WordTiming; extra fields (confidence…) are kept as given. */
export interface StoredWord {
  word: string;
  startMs: number;
  endMs: number;
  [extra: string]: unknown;
}

export interface NewCall {
  callId: string;
  agentId: string;
  language: string;
  /** Defaults to now. */
  startedAt?: number;
  metadata?: Record<string, unknown>;
}

export interface CallRecord {
  callId: string;
  agentId: string;
  language: string;
  startedAt: number;
  endedAt: number | null;
  status: CallStatus;
  metadata: Record<string, unknown>;
  /** Alerts on this call that are not retracted. */
  alertCount: number;
  /** Absolute path of the full-call recording, when recording is on and one was saved. */
  recordingPath: string | null;
}

export interface NewUtterance {
  callId: string;
  channel: Channel;
  text: string;
  startMs: number;
  endMs: number;
  words?: StoredWord[];
}

export interface UtteranceRecord {
  utteranceId: number;
  callId: string;
  channel: Channel;
  /** Masked (card and national-ID numbers), as stored. */
  text: string;
  startMs: number;
  endMs: number;
  words: StoredWord[];
  createdAt: number;
}

export interface NewAlert {
  alertId: string;
  callId: string;
  agentId: string;
  category: string;
  severity: Severity;
  text: string;
  startMs: number;
  endMs: number;
  rule: string;
  explanation: string;
  citation: string;
  suggestion?: string;
  /** Defaults to now. */
  emittedAt?: number;
}

export interface AlertRecord {
  alertId: string;
  callId: string;
  agentId: string;
  category: string;
  severity: Severity;
  text: string;
  startMs: number;
  endMs: number;
  rule: string;
  explanation: string;
  citation: string;
  suggestion: string;
  emittedAt: number;
  retractedAt: number | null;
  status: AlertStatus;
  /** True when a clip was saved for this alert. */
  hasClip: boolean;
}

export interface NewReview {
  alertId: string;
  verdict: Verdict;
  note?: string;
  reviewer: string;
  /** The reviewer's role, for the audit log. */
  role?: string;
  /** Defaults to now. */
  at?: number;
}

export interface ReviewRecord {
  reviewId: number;
  alertId: string;
  verdict: Verdict;
  note: string;
  reviewer: string;
  at: number;
}

export interface NewClip {
  alertId: string;
  /** A complete WAV file (see src/store/clip.ts). */
  wav: Uint8Array;
  /** The clip's own range on the call timeline (pre-roll and post-roll included). */
  startMs: number;
  endMs: number;
  preRollMs: number;
  postRollMs: number;
  sampleRate: number;
  channels: number;
  durationMs: number;
}

export interface ClipRecord {
  alertId: string;
  callId: string;
  /** Absolute path of the WAV file. */
  path: string;
  startMs: number;
  endMs: number;
  preRollMs: number;
  postRollMs: number;
  sampleRate: number;
  channels: number;
  durationMs: number;
  createdAt: number;
}

export interface AuditEntry {
  /** Who: a reviewer name, an agent id, a token's label. */
  actor: string;
  role?: string;
  /** What, e.g. 'clip.listen', 'alert.review', 'calls.export'. */
  action: string;
  targetType?: string;
  targetId?: string;
  detail?: Record<string, unknown>;
  /** Defaults to now. */
  at?: number;
}

export interface AuditRecord {
  auditId: number;
  at: number;
  actor: string;
  role: string;
  action: string;
  targetType: string;
  targetId: string;
  detail: Record<string, unknown>;
}

export interface CallFilter {
  agentId?: string;
  status?: CallStatus;
  language?: string;
  /** startedAt >= from */
  from?: number;
  /** startedAt < to */
  to?: number;
}

export interface AlertFilter {
  agentId?: string;
  callId?: string;
  category?: string;
  severity?: Severity;
  status?: AlertStatus;
  /** emittedAt >= from */
  from?: number;
  /** emittedAt < to */
  to?: number;
  /** Retracted alerts are left out unless this is true. */
  includeRetracted?: boolean;
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  targetId?: string;
  from?: number;
  to?: number;
}

/**
 * Newest first. Either `cursor` (from a previous page's `nextCursor`; stable while rows are
 * added) or `offset`. `limit` defaults to 50 and is capped at 500.
 */
export interface PageRequest {
  limit?: number;
  offset?: number;
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  /** Rows matching the filter, all pages together. */
  total: number;
  /** Present when there may be more rows. */
  nextCursor?: string;
}

export interface CallDetail extends CallRecord {
  utterances: UtteranceRecord[];
  /** Retracted alerts included (with retractedAt), in emittedAt order. */
  alerts: AlertRecord[];
}

export interface PurgeResult {
  cutoff: number;
  calls: number;
  utterances: number;
  alerts: number;
  reviews: number;
  clips: number;
  /** Files removed from the data folder (clips and recordings). */
  files: number;
}

export interface Store {
  readonly backend: 'sqlite' | 'postgres';
  /** Where clips and recordings are written (and the SQLite file, for that backend). */
  readonly dataDir: string;

  /** Idempotent on callId: a second create returns the existing call unchanged. */
  createCall(call: NewCall): Promise<CallRecord>;
  /** Marks the call ended (first end wins); null when no such call. */
  endCall(callId: string, endedAt?: number): Promise<CallRecord | null>;
  /** Text and words are masked before they are written. Throws STORE_NOT_FOUND for an unknown call. */
  addUtterance(utterance: NewUtterance): Promise<UtteranceRecord>;
  /** Idempotent on alertId. Text is masked like transcripts. Throws STORE_NOT_FOUND for an unknown call. */
  addAlert(alert: NewAlert): Promise<AlertRecord>;
  /** Sets retractedAt (first retraction wins); null when no such alert. */
  retractAlert(alertId: string, at?: number): Promise<AlertRecord | null>;
  getAlert(alertId: string): Promise<AlertRecord | null>;
  listCalls(filter?: CallFilter, page?: PageRequest): Promise<Page<CallRecord>>;
  getCall(callId: string): Promise<CallDetail | null>;
  /** A call's final utterances in time order; with `range`, only those overlapping [fromMs, toMs). */
  listUtterances(callId: string, range?: { fromMs: number; toMs: number }): Promise<UtteranceRecord[]>;
  listAlerts(filter?: AlertFilter, page?: PageRequest): Promise<Page<AlertRecord>>;
  /** Records the verdict, sets the alert's status and writes the audit entry, in one transaction. */
  addReview(review: NewReview): Promise<ReviewRecord>;
  listReviews(alertId: string): Promise<ReviewRecord[]>;
  /** Writes the WAV (fsynced) under dataDir/clips and records it; replaces an earlier clip of the alert. */
  saveClip(clip: NewClip): Promise<ClipRecord>;
  getClip(alertId: string): Promise<ClipRecord | null>;
  /** Full-call recording (off by default: the server decides); written under dataDir/recordings. */
  saveRecording(callId: string, wav: Uint8Array): Promise<string>;
  /** Where a call's recording goes (src/store/recorder.ts streams into it). */
  recordingPathFor(callId: string): string;
  /** Links a recording file (inside dataDir) to its call, so getCall shows it and purge removes it. */
  attachRecording(callId: string, path: string): Promise<void>;
  /** Deletes calls (and their utterances, alerts, reviews, clips and files) older than `days`. */
  purgeOlderThan(days: number, now?: number): Promise<PurgeResult>;
  audit(entry: AuditEntry): Promise<AuditRecord>;
  listAudit(filter?: AuditFilter, page?: PageRequest): Promise<Page<AuditRecord>>;
  /** Waits for writes in flight, checkpoints (SQLite) and closes. Idempotent. */
  close(): Promise<void>;
}

export type StoreErrorCode = 'STORE_NOT_FOUND' | 'STORE_CONFLICT' | 'STORE_INVALID' | 'STORE_CLOSED';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
