/**
 * What the pages receive from the server: the event frames of /v1/agents/:agentId/events and
 * /v1/live, and the REST records (design.md § Wire protocol), as the server defines them;
 * parseEvent checks what a page relies on.
 */
// Type-only re-exports: esbuild erases them, so no server code reaches the bundle.
export type {
  AlertCategory as Category,
  AlertEvent,
  AlertRetractedEvent,
  AsrErrorEvent,
  AsrLagEvent,
  CallEndedEvent,
  CallEvent as ServerEvent,
  CallRiskEvent,
  CallStartedEvent,
  ChannelRole as Channel,
  TranscriptEvent,
} from '../../events/types.js';
export type {
  AlertRecord,
  AlertStatus,
  CallDetail,
  CallRecord,
  Page,
  ReviewRecord,
  Severity,
  UtteranceRecord,
  Verdict,
} from '../../store/types.js';
import type { AlertRecord, ReviewRecord } from '../../store/types.js';
import type {
  AlertEvent, AsrErrorEvent, AsrLagEvent, CallEvent as ServerEvent, CallRiskEvent, CallStartedEvent, ChannelRole as Channel, TranscriptEvent,
} from '../../events/types.js';

export interface WordTime {
  word: string;
  startMs: number;
  endMs: number;
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
