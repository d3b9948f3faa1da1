/** Events sent to collector and supervisor sockets (design.md § Wire protocol, Events). */
export type ChannelRole = 'agent' | 'customer';

export interface CallStartedEvent {
  type: 'call.started';
  callId: string;
  agentId: string;
  language: string;
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
  channel: ChannelRole;
  final: boolean;
  text: string;
  startMs: number;
  endMs: number;
  /** Extension: word times on the audio timeline, on finals. */
  words?: { word: string; startMs: number; endMs: number }[];
}

/** Extension: speech recognition for a channel fell behind real time (partials are being dropped). */
export interface AsrLagEvent {
  type: 'asr.lag';
  callId: string;
  agentId: string;
  channel: ChannelRole;
  behind: boolean;
  backlogMs: number;
  droppedMs: number;
}

/** Extension: a channel's transcription stopped (engine failure); the call itself goes on. */
export interface AsrErrorEvent {
  type: 'asr.error';
  callId: string;
  agentId: string;
  channel: ChannelRole;
  code: string;
  message: string;
}

export type AlertCategory = 'threat' | 'insult' | 'false_legal' | 'third_party_disclosure' | 'tone';

/** A warning for the collector: something they said crossed a line (or their tone did). */
export interface AlertEvent {
  type: 'alert';
  alertId: string;
  callId: string;
  agentId: string;
  category: AlertCategory;
  severity: 'warning' | 'critical';
  /** The words that crossed the line, as heard. */
  text: string;
  startMs: number;
  endMs: number;
  rule: string;
  explanation: string;
  citation: string;
  emittedAt: string;
  /** Extension: a lawful way to say it, where one exists. */
  suggestion?: string;
  /** Extension: 'partial' when raised before the utterance ended (it may be retracted by the final). */
  basis?: 'partial' | 'final' | 'audio';
}

/** An alert that the final transcript no longer supports. */
export interface AlertRetractedEvent {
  type: 'alert.retracted';
  alertId: string;
  callId: string;
  agentId: string;
}

/** The call's current risk, 0 (nothing) to 100, on every change (sent on /v1/live only). */
export interface CallRiskEvent {
  type: 'call.risk';
  callId: string;
  agentId: string;
  score: number;
}

export type CallEvent =
  | CallStartedEvent
  | CallEndedEvent
  | TranscriptEvent
  | AsrLagEvent
  | AsrErrorEvent
  | AlertEvent
  | AlertRetractedEvent
  | CallRiskEvent;
