import { randomUUID } from 'node:crypto';
import { WebSocket } from 'ws';
import { createResampler } from '../audio/resampler.js';
import { encodeMulaw } from '../audio/codecs.js';
import { readWav, type PcmAudio } from '../audio/wav.js';

export interface ReplayOptions {
  file: string;
  url: string;
  protocol: 'native' | 'twilio';
  language: string;
  agentId: string;
  callId: string;
  /** 1 = real time; 10 = ten times faster (tests). */
  speed: number;
  chunkMs: number;
  token?: string;
  /** Milliseconds to keep listening for events after the stream ends. */
  lingerMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function withToken(url: string, token?: string): string {
  if (!token) return url;
  const u = new URL(url);
  u.searchParams.set('token', token);
  return u.toString();
}

function open(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** Mono 8 kHz mu-law as Twilio sends it (the first channel of the file). */
async function toTwilioAudio(audio: PcmAudio): Promise<Uint8Array> {
  const mono = new Int16Array(audio.samples.length / audio.channels);
  for (let i = 0; i < mono.length; i++) mono[i] = audio.samples[i * audio.channels]!;
  const rs = await createResampler(audio.sampleRateHz, 8000);
  const pcm8k = rs.process(mono);
  rs.close();
  return encodeMulaw(pcm8k);
}

/**
 * `earshot replay FILE.wav`: stream a recording to a server as a live call, at real-time pace,
 * printing every event the agent's event socket receives (one JSON per line).
 */
export async function runReplay(o: ReplayOptions, print: (line: string) => void = (l) => process.stdout.write(l + '\n')): Promise<void> {
  const audio = readWav(o.file);
  const base = o.url.replace(/\/$/, '');
  const events = await open(withToken(`${base}/v1/agents/${encodeURIComponent(o.agentId)}/events`, o.token));
  let ended!: () => void;
  const callEnded = new Promise<void>((r) => (ended = r));
  events.on('message', (data) => {
    const text = data.toString();
    print(text);
    try {
      const ev = JSON.parse(text) as { type?: string; callId?: string };
      if (ev.type === 'call.ended' && ev.callId === o.callId) ended();
    } catch {
      // printed as is
    }
  });

  if (o.protocol === 'native') {
    const ws = await open(withToken(`${base}/v1/ingest`, o.token));
    const started = new Promise<void>((resolve, reject) => {
      ws.once('message', (d) => {
        const m = JSON.parse(d.toString()) as { type: string; message?: string };
        if (m.type === 'started') resolve();
        else reject(new Error(`server refused the call: ${d.toString()}`));
      });
    });
    ws.send(
      JSON.stringify({
        type: 'start',
        callId: o.callId,
        agentId: o.agentId,
        language: o.language,
        encoding: 'pcm_s16le',
        sampleRate: audio.sampleRateHz,
        channels: audio.channels,
        channelRoles: audio.channels === 2 ? ['agent', 'customer'] : ['agent'],
      }),
    );
    await started;
    const frame = Math.round((audio.sampleRateHz * o.chunkMs) / 1000) * audio.channels;
    const t0 = performance.now();
    for (let off = 0, n = 0; off < audio.samples.length; off += frame, n++) {
      const chunk = audio.samples.slice(off, off + frame);
      ws.send(Buffer.from(chunk.buffer));
      const due = t0 + ((n + 1) * o.chunkMs) / o.speed;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
    }
    ws.send(JSON.stringify({ type: 'stop' }));
    await new Promise<void>((r) => ws.once('close', () => r()));
  } else {
    const ws = await open(withToken(`${base}/v1/twilio`, o.token));
    const streamSid = `MZ${randomUUID().replace(/-/g, '')}`;
    ws.send(JSON.stringify({ event: 'connected', protocol: 'Call', version: '1.0.0' }));
    ws.send(
      JSON.stringify({
        event: 'start',
        sequenceNumber: '1',
        streamSid,
        start: {
          streamSid,
          callSid: o.callId,
          tracks: ['outbound'],
          customParameters: { agentId: o.agentId, language: o.language },
          mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 },
        },
      }),
    );
    const mulaw = await toTwilioAudio(audio);
    const frame = Math.round((8000 * o.chunkMs) / 1000);
    const t0 = performance.now();
    for (let off = 0, n = 0; off < mulaw.length; off += frame, n++) {
      ws.send(
        JSON.stringify({
          event: 'media',
          sequenceNumber: String(n + 2),
          streamSid,
          media: { track: 'outbound', chunk: String(n + 1), timestamp: String(n * o.chunkMs), payload: Buffer.from(mulaw.subarray(off, off + frame)).toString('base64') },
        }),
      );
      const wait = t0 + ((n + 1) * o.chunkMs) / o.speed - performance.now();
      if (wait > 0) await sleep(wait);
    }
    ws.send(JSON.stringify({ event: 'stop', streamSid, stop: { callSid: o.callId } }));
    await new Promise<void>((r) => ws.once('close', () => r()));
  }
  // Wait for call.ended, but not forever (a server that never sends it); the timer must not hold the process.
  let linger: NodeJS.Timeout | undefined;
  await Promise.race([callEnded, new Promise<void>((r) => (linger = setTimeout(r, o.lingerMs)))]);
  clearTimeout(linger);
  events.close();
}
