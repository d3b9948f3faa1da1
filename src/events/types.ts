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

export type CallEvent = CallStartedEvent | CallEndedEvent | TranscriptEvent | AsrLagEvent | AsrErrorEvent;
