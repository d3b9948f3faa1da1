import type { WebSocket } from 'ws';
import { decodeToPcm16 } from '../audio/codecs.js';
import { LANGUAGES, type Language } from '../asr/engine.js';
import type { ChannelRole } from '../events/types.js';
import type { CallSession } from './call-session.js';
import { CLOSE, IngestError } from './errors.js';
import type { IngestDeps } from './native.js';
import { frameBytes, refuse } from './socket.js';

/** Twilio Media Streams: 8 kHz mu-law, base64 in JSON `media` messages, one message per track. */
const TWILIO_RATE_HZ = 8000;
/**
 * A track that skips ahead (Twilio may send nothing while a leg is silent) is padded with silence so
 * both tracks stay on one timeline, but never past the wall clock: a client cannot make the server
 * hold more audio than has really elapsed (+ this slack) with a timestamp.
 */
const GAP_SLACK_MS = 2_000;

type Track = 'inbound' | 'outbound';

interface TwilioStart {
  callSid?: string;
  streamSid?: string;
  tracks?: string[];
  customParameters?: Record<string, unknown>;
  mediaFormat?: { encoding?: string; sampleRate?: number; channels?: number };
}

export interface TwilioOptions {
  inboundRole: ChannelRole;
}

function roleOf(track: Track, opts: TwilioOptions): ChannelRole {
  const other: ChannelRole = opts.inboundRole === 'agent' ? 'customer' : 'agent';
  return track === 'inbound' ? opts.inboundRole : other;
}

/** One /v1/twilio connection: connected → start → media… → stop. */
export function handleTwilio(socket: WebSocket, deps: IngestDeps, opts: TwilioOptions): void {
  let session: CallSession | undefined;
  let trackIndex = new Map<Track, number>();
  let stopped = false;
  let startedAt = 0;

  socket.on('message', (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
    try {
      if (stopped) return;
      if (isBinary) throw new IngestError('BAD_MESSAGE', 'Twilio Media Streams send JSON text messages, not binary frames');
      const bytes = frameBytes(data);
      if (bytes.length > deps.maxAudioFrameBytes) throw new IngestError('FRAME_TOO_LARGE', `messages may be at most ${deps.maxAudioFrameBytes} bytes`);
      let msg: { event?: unknown; start?: TwilioStart; media?: { track?: string; timestamp?: string; payload?: string } };
      try {
        msg = JSON.parse(Buffer.from(bytes).toString('utf8'));
      } catch {
        throw new IngestError('BAD_JSON', 'Twilio messages must be JSON; this one is not valid JSON');
      }
      switch (msg.event) {
        case 'connected':
        case 'mark':
        case 'dtmf':
          return;
        case 'start': {
          if (session) throw new IngestError('ALREADY_STARTED', 'this stream has already started');
          const start = msg.start ?? {};
          const params = start.customParameters ?? {};
          const format = start.mediaFormat ?? {};
          if (format.encoding !== undefined && format.encoding !== 'audio/x-mulaw') {
            throw new IngestError('UNSUPPORTED_ENCODING', `Twilio media encoding "${format.encoding}" is not supported; expected audio/x-mulaw`);
          }
          if (format.sampleRate !== undefined && format.sampleRate !== TWILIO_RATE_HZ) {
            throw new IngestError('UNSUPPORTED_SAMPLE_RATE', 'Twilio media must be 8000 Hz');
          }
          const agentId = params.agentId;
          if (typeof agentId !== 'string' || !agentId) throw new IngestError('BAD_START', 'start.customParameters.agentId is required');
          const language = params.language ?? 'auto';
          if (language !== 'auto' && !(LANGUAGES as readonly unknown[]).includes(language)) {
            throw new IngestError('UNSUPPORTED_LANGUAGE', `language "${String(language)}" is not supported; use en, es, zh or auto`);
          }
          const tracks = (start.tracks ?? ['inbound']).filter((t): t is Track => t === 'inbound' || t === 'outbound');
          if (tracks.length === 0) throw new IngestError('BAD_START', 'start.tracks must include inbound and/or outbound');
          trackIndex = new Map(tracks.map((t, i) => [t, i]));
          const callId = typeof params.callId === 'string' ? params.callId : start.callSid ?? start.streamSid;
          if (!callId) throw new IngestError('BAD_START', 'start.callSid is required');
          session = deps.registry.start({
            callId,
            agentId,
            language: language as Language | 'auto',
            encoding: 'mulaw',
            sampleRateHz: TWILIO_RATE_HZ,
            roles: tracks.map((t) => roleOf(t, opts)),
            protocol: 'twilio',
            metadata: { ...params, streamSid: start.streamSid },
          });
          startedAt = performance.now();
          session.flow = { pause: () => socket.pause(), resume: () => socket.resume() };
          void session.finished.then(() => {
            if (!stopped && socket.readyState === socket.OPEN) socket.close(CLOSE.goingAway, 'server stopping');
          });
          return;
        }
        case 'media': {
          if (!session) throw new IngestError('NOT_STARTED', 'media arrived before start');
          const media = msg.media ?? {};
          const track: Track = media.track === 'outbound' ? 'outbound' : 'inbound';
          const index = trackIndex.get(track);
          if (index === undefined) return; // a track the start did not announce
          if (typeof media.payload !== 'string') throw new IngestError('BAD_MESSAGE', 'media.payload must be base64 mu-law audio');
          const pcm = decodeToPcm16('mulaw', Buffer.from(media.payload, 'base64'));
          const at = Number(media.timestamp);
          const position = session.positionMs(index);
          const gapMs = Number.isFinite(at) ? at - position : 0;
          const fillMs = Math.min(gapMs, performance.now() - startedAt + GAP_SLACK_MS - position);
          if (gapMs > 40 && fillMs > 0) session.push(index, new Int16Array(Math.round((fillMs * TWILIO_RATE_HZ) / 1000)));
          session.push(index, pcm);
          return;
        }
        case 'stop': {
          stopped = true;
          if (session) void deps.registry.end(session).then(() => socket.close(1000, 'stopped'));
          else socket.close(1000, 'stopped');
          return;
        }
        default:
          throw new IngestError('BAD_MESSAGE', `unknown Twilio event "${String(msg.event)}"`);
      }
    } catch (err) {
      refuse(socket, err, deps.metrics);
      if (session) void deps.registry.end(session);
    }
  });
  socket.on('close', () => {
    if (session) void deps.registry.end(session);
  });
  socket.on('error', () => {});
}
