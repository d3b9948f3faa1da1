/**
 * What the pages receive from the server: the event frames of /v1/agents/:agentId/events and
 * /v1/live, and the REST records (design.md § Wire protocol). Kept here rather than imported from
 * src/ so the browser bundle never pulls server code; parseEvent checks what a page relies on.
 */
export type Channel = 'agent' | 'customer';
export type Category = 'threat' | 'insult' | 'false_legal' | 'third_party_disclosure' | 'tone';
export type Severity = 'warning' | 'critical';
export type AlertStatus = 'open' | 'confirmed' | 'dismissed';
export type Verdict = 'confirmed' | 'dismissed';

export interface WordTime {
  word: string;
  startMs: number;
  endMs: number;
}

export interface CallStartedEvent {
  type: 'call.started';
  callId: string;
  agentId: string;
  language: string;
  /** ISO time. */
  startedAt: string;
}

export interface CallEndedEvent {
  type: 'call.ended';
  callId: string;
  agentId: string;
}

export interface TranscriptEvent {
  type: 'transcript';
  callId: string;
  agentId: string;
  channel: Channel;
  final: boolean;
  text: string;
  startMs: number;
  endMs: number;
  words?: WordTime[];
}

export interface AlertEvent {
  type: 'alert';
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
  /** ISO time. */
  emittedAt: string;
}

export interface AlertRetractedEvent {
  type: 'alert.retracted';
  alertId: string;
  callId: string;
  agentId: string;
}

export interface CallRiskEvent {
  type: 'call.risk';
  callId: string;
  agentId: string;
  score: number;
}

export interface AsrLagEvent {
  type: 'asr.lag';
  callId: string;
  agentId: string;
  channel: Channel;
  behind: boolean;
  backlogMs: number;
  droppedMs: number;
}

export interface AsrErrorEvent {
  type: 'asr.error';
  callId: string;
  agentId: string;
  channel: Channel;
  code: string;
  message: string;
}

export type ServerEvent =
  | CallStartedEvent
  | CallEndedEvent
  | TranscriptEvent
  | AlertEvent
  | AlertRetractedEvent
  | CallRiskEvent
  | AsrLagEvent
  | AsrErrorEvent;

export interface CallRecord {
  callId: string;
  agentId: string;
  language: string;
  /** Epoch ms. */
  startedAt: number;
  endedAt: number | null;
  status: 'live' | 'ended';
  metadata: Record<string, unknown>;
  alertCount: number;
  recordingPath: string | null;
}

export interface UtteranceRecord {
  utteranceId: number;
  callId: string;
  channel: Channel;
  text: string;
  startMs: number;
  endMs: number;
  words: WordTime[];
  createdAt: number;
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
  /** Epoch ms. */
  emittedAt: number;
  retractedAt: number | null;
  status: AlertStatus;
  hasClip: boolean;
}

export interface CallDetail extends CallRecord {
  utterances: UtteranceRecord[];
  alerts: AlertRecord[];
}

export interface ReviewRecord {
  reviewId: number;
  alertId: string;
  verdict: Verdict;
  note: string;
  reviewer: string;
  at: number;
}

export interface ClipInfo {
  /** The clip's range on the call timeline: clip time 0 is startMs. */
  startMs: number;
  endMs: number;
  durationMs: number;
  preRollMs: number;
  postRollMs: number;
  channels: number;
  sampleRate: number;
}

export interface AlertDetail extends AlertRecord {
  reviews: ReviewRecord[];
  clip: ClipInfo | null;
  words: (WordTime & { channel: Channel })[];
}

export interface Page<T> {
  items: T[];
  total: number;
  nextCursor?: string;
}

const str = (v: unknown): v is string => typeof v === 'string';
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const channel = (v: unknown): v is Channel => v === 'agent' || v === 'customer';

/**
 * One text frame → an event the pages know, or null (not JSON, an unknown type, or a known type
 * missing a field the pages use): unknown types are ignored by design.
 */
export function parseEvent(text: string): ServerEvent | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const e = raw as Record<string, unknown>;
  if (!str(e.callId)) return null;
  switch (e.type) {
    case 'call.started':
      return str(e.agentId) ? (e as unknown as CallStartedEvent) : null;
    case 'call.ended':
    case 'alert.retracted':
      return e.type === 'call.ended' || str(e.alertId) ? (e as unknown as ServerEvent) : null;
    case 'transcript':
      return channel(e.channel) && str(e.text) && num(e.startMs) && num(e.endMs) ? (e as unknown as TranscriptEvent) : null;
    case 'alert':
      return str(e.alertId) && str(e.category) && num(e.startMs) && num(e.endMs) ? (e as unknown as AlertEvent) : null;
    case 'call.risk':
      return num(e.score) ? (e as unknown as CallRiskEvent) : null;
    case 'asr.lag':
      return channel(e.channel) ? (e as unknown as AsrLagEvent) : null;
    case 'asr.error':
      return channel(e.channel) ? (e as unknown as AsrErrorEvent) : null;
    default:
      return null;
  }
}
