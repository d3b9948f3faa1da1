import type { WebSocket } from 'ws';
import { deinterleave } from '../audio/channels.js';
import { bytesPerSample, decodeToPcm16, type Encoding } from '../audio/codecs.js';
import type { Metrics } from '../server/metrics.js';
import type { CallSession } from './call-session.js';
import { CLOSE, IngestError } from './errors.js';
import { parseClientMessage } from './protocol.js';
import type { CallRegistry } from './registry.js';
import { closeNormally, frameBytes, refuse, sendJson } from './socket.js';

export interface IngestDeps {
  registry: CallRegistry;
  metrics: Metrics;
  maxAudioFrameBytes: number;
}

/** One /v1/ingest connection: start → binary audio → stop (design.md § Wire protocol). */
export function handleNativeIngest(socket: WebSocket, deps: IngestDeps): void {
  let session: CallSession | undefined;
  let encoding: Encoding = 'pcm_s16le';
  let frameAlign = 2;
  let stopping = false;

  const fail = (err: unknown): void => {
    refuse(socket, err, deps.metrics);
    if (session) void deps.registry.end(session);
  };

  socket.on('message', (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
    try {
      if (stopping) return;
      if (isBinary) {
        const bytes = frameBytes(data);
        if (!session) throw new IngestError('NOT_STARTED', 'audio arrived before a start message; send start first');
        if (bytes.length > deps.maxAudioFrameBytes) {
          throw new IngestError('FRAME_TOO_LARGE', `audio frames may be at most ${deps.maxAudioFrameBytes} bytes; this one is ${bytes.length}`);
        }
        if (bytes.length % frameAlign !== 0) {
          throw new IngestError('PARTIAL_SAMPLE', `audio frames must hold whole samples of every channel (${frameAlign} bytes each); this one is ${bytes.length} bytes`);
        }
        const pcm = decodeToPcm16(encoding, bytes);
        const perChannel = deinterleave(pcm, session.channelCount);
        perChannel.forEach((ch, i) => session!.push(i, ch));
        return;
      }
      const text = Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(frameBytes(data)).toString('utf8');
      if (text.length > deps.maxAudioFrameBytes) throw new IngestError('FRAME_TOO_LARGE', 'control messages may be at most 64 KiB');
      const msg = parseClientMessage(text);
      if (msg.type === 'start') {
        if (session) throw new IngestError('ALREADY_STARTED', `call ${session.info.callId} is already started on this connection`);
        session = deps.registry.start({
          callId: msg.callId,
          agentId: msg.agentId,
          language: msg.language,
          encoding: msg.encoding,
          sampleRateHz: msg.sampleRate,
          roles: msg.channelRoles,
          protocol: 'native',
          metadata: msg.metadata,
        });
        encoding = msg.encoding;
        frameAlign = bytesPerSample(msg.encoding) * msg.channels;
        sendJson(socket, { type: 'started', callId: msg.callId });
        const started = session;
        started.flow = { pause: () => socket.pause(), resume: () => socket.resume() };
        // Ended by the server (shutdown) rather than by this client: say so, then go away.
        void started.finished.then(() => {
          if (stopping || socket.readyState !== socket.OPEN) return;
          sendJson(socket, { type: 'stopped', callId: started.info.callId });
          socket.close(CLOSE.goingAway, 'server stopping');
        });
        return;
      }
      // stop
      if (!session) throw new IngestError('NOT_STARTED', 'stop arrived before start');
      stopping = true;
      const s = session;
      void deps.registry.end(s).then(() => {
        sendJson(socket, { type: 'stopped', callId: s.info.callId });
        closeNormally(socket);
      });
    } catch (err) {
      fail(err);
    }
  });

  // A dropped connection ends the call the same way a stop does: what was received is decoded.
  socket.on('close', () => {
    if (session) void deps.registry.end(session);
  });
  socket.on('error', (err: Error & { code?: string }) => {
    if (err.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') deps.metrics.ingestErrors.inc({ code: 'FRAME_TOO_LARGE' });
  });
}
