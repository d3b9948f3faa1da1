import { isEncoding, type Encoding } from '../audio/codecs.js';
import { LANGUAGES, type Language } from '../asr/engine.js';
import type { ChannelRole } from '../events/types.js';
import { IngestError } from './errors.js';

/** A validated `start` message of /v1/ingest (design.md § Wire protocol). */
export interface StartMessage {
  type: 'start';
  callId: string;
  agentId: string;
  language: Language | 'auto';
  encoding: Encoding;
  sampleRate: number;
  channels: 1 | 2;
  channelRoles: ChannelRole[];
  metadata: Record<string, unknown>;
}

export type ClientMessage = StartMessage | { type: 'stop' };

const ID = /^[A-Za-z0-9._:@-]{1,128}$/;
export const MIN_RATE_HZ = 8000;
export const MAX_RATE_HZ = 48000;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parse one text frame of /v1/ingest; throws IngestError with a code a client can switch on. */
export function parseClientMessage(text: string): ClientMessage {
  let msg: unknown;
  try {
    msg = JSON.parse(text);
  } catch {
    throw new IngestError('BAD_JSON', 'text frames must be JSON messages; this one is not valid JSON');
  }
  if (!isObject(msg) || typeof msg.type !== 'string') {
    throw new IngestError('BAD_MESSAGE', 'a message must be a JSON object with a "type"');
  }
  if (msg.type === 'stop') return { type: 'stop' };
  if (msg.type !== 'start') throw new IngestError('BAD_MESSAGE', `unknown message type "${msg.type}"; expected "start" or "stop"`);
  return parseStart(msg);
}

function parseStart(msg: Record<string, unknown>): StartMessage {
  const { callId, agentId } = msg;
  if (typeof callId !== 'string' || !ID.test(callId)) {
    throw new IngestError('BAD_START', 'start.callId must be 1-128 characters of letters, digits and . _ : @ -');
  }
  if (typeof agentId !== 'string' || !ID.test(agentId)) {
    throw new IngestError('BAD_START', 'start.agentId must be 1-128 characters of letters, digits and . _ : @ -');
  }
  const language = msg.language ?? 'auto';
  if (language !== 'auto' && !(LANGUAGES as readonly unknown[]).includes(language)) {
    throw new IngestError('UNSUPPORTED_LANGUAGE', `language "${String(language)}" is not supported; use en, es, zh or auto`);
  }
  if (!isEncoding(msg.encoding)) {
    throw new IngestError('UNSUPPORTED_ENCODING', `encoding "${String(msg.encoding)}" is not supported; use pcm_s16le, mulaw or alaw`);
  }
  const rate = msg.sampleRate;
  if (typeof rate !== 'number' || !Number.isInteger(rate) || rate < MIN_RATE_HZ || rate > MAX_RATE_HZ) {
    throw new IngestError('UNSUPPORTED_SAMPLE_RATE', `sampleRate must be an integer from ${MIN_RATE_HZ} to ${MAX_RATE_HZ} Hz`);
  }
  const channels = msg.channels ?? 1;
  if (channels !== 1 && channels !== 2) throw new IngestError('BAD_START', 'channels must be 1 or 2');
  const roles = msg.channelRoles ?? (channels === 1 ? ['agent'] : ['agent', 'customer']);
  if (
    !Array.isArray(roles) ||
    roles.length !== channels ||
    !roles.every((r) => r === 'agent' || r === 'customer') ||
    new Set(roles).size !== roles.length
  ) {
    throw new IngestError('BAD_START', 'channelRoles must name each channel once, "agent" or "customer", one per channel');
  }
  const metadata = msg.metadata ?? {};
  if (!isObject(metadata)) throw new IngestError('BAD_START', 'metadata must be a JSON object');
  return {
    type: 'start',
    callId,
    agentId,
    language: language as Language | 'auto',
    encoding: msg.encoding,
    sampleRate: rate,
    channels,
    channelRoles: roles as ChannelRole[],
    metadata,
  };
}
