/**
 * A real earshot server in the test process (fastify on an ephemeral port, real ASR workers),
 * and small WebSocket clients for the ingest and event endpoints.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket, type RawData } from 'ws';
import { EngineError, type Language } from '../../src/asr/engine.js';
import { selectProfile } from '../../src/asr/pocketsphinx/profiles.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { CallEvent, TranscriptEvent } from '../../src/events/types.js';
import { buildServer, type Server } from '../../src/server/app.js';

export type { CallEvent, TranscriptEvent };

export interface TestServer {
  server: Server;
  /** http://127.0.0.1:PORT */
  http: string;
  /** ws://127.0.0.1:PORT */
  ws: string;
  close(): Promise<void>;
}

/** A server on an ephemeral port with its own fresh data folder (unless `dataDir` is given). */
export async function startServer(overrides: Partial<Config> = {}): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), 'earshot-test-'));
  const server = await buildServer({ ...loadConfig({}), port: 0, logLevel: 'silent', asrWorkers: 2, dataDir, ...overrides });
  try {
    await server.app.listen({ port: 0, host: '127.0.0.1' });
  } catch (err) {
    await server.close();
    throw err;
  }
  const addr = server.app.server.address();
  if (!addr || typeof addr === 'string') throw new Error('server has no TCP address');
  const base = `127.0.0.1:${addr.port}`;
  return { server, http: `http://${base}`, ws: `ws://${base}`, close: () => server.close() };
}

/**
 * Why the pocketsphinx models for a language / audio kind cannot be loaded here, or undefined
 * when they are installed (the same check the server makes before it accepts a call).
 */
export function modelMissing(language: Language, telephone: boolean): string | undefined {
  try {
    selectProfile({ language, telephone });
    return undefined;
  } catch (err) {
    if (err instanceof EngineError) return err.message;
    throw err;
  }
}

export function openSocket(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => {
      ws.off('error', reject);
      resolve(ws);
    });
    ws.once('error', reject);
  });
}

export type Message = Record<string, unknown> & { type?: string };

/**
 * Everything a socket receives, parsed, in order, plus how it closed. Attach it right after the
 * socket opens, before anything can arrive.
 */
export class Inbox {
  readonly messages: Message[] = [];
  /** Text frames that were not JSON (a protocol violation by the server). */
  readonly unparsed: string[] = [];
  readonly binary: number[] = [];
  closed?: { code: number; reason: string };
  private waiters: (() => void)[] = [];
  readonly closedPromise: Promise<{ code: number; reason: string }>;

  constructor(readonly socket: WebSocket) {
    socket.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) this.binary.push(Buffer.isBuffer(data) ? data.length : 0);
      else {
        const text = data.toString();
        try {
          this.messages.push(JSON.parse(text) as Message);
        } catch {
          this.unparsed.push(text);
        }
      }
      this.wake();
    });
    this.closedPromise = new Promise((resolve) => {
      socket.on('close', (code, reason) => {
        this.closed = { code, reason: reason.toString() };
        this.wake();
        resolve(this.closed);
      });
    });
    socket.on('error', () => {
      // a refused or reset socket shows up as its close; the test asserts on that
    });
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** Resolves with the first message (already received or to come) that matches. */
  async waitFor(pred: (m: Message) => boolean, timeoutMs = 60_000, what = 'a message'): Promise<Message> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(pred);
      if (found) return found;
      if (this.closed) throw new Error(`socket closed (${this.closed.code}) before ${what}; got ${JSON.stringify(this.messages).slice(0, 2000)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(this.messages).slice(0, 2000)}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  async waitClosed(timeoutMs = 30_000): Promise<{ code: number; reason: string }> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`socket not closed after ${timeoutMs} ms; got ${JSON.stringify(this.messages).slice(0, 2000)}`)), timeoutMs);
    });
    try {
      return await Promise.race([this.closedPromise, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Messages of one call (event sockets carry every call of an agent or of the server). */
  ofCall(callId: string): Message[] {
    return this.messages.filter((m) => m.callId === callId);
  }

  transcripts(callId: string): TranscriptEvent[] {
    return this.ofCall(callId).filter((m) => m.type === 'transcript') as unknown as TranscriptEvent[];
  }
}

/**
 * Open a socket with its Inbox listening from the start. (Attaching a 'message' listener after
 * awaiting 'open' can lose what the server sends at once: ws delivers bytes that came with the
 * 101 response on a nextTick, before the awaiting code resumes.)
 */
export function connectInbox(url: string): Promise<Inbox> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const inbox = new Inbox(ws);
    ws.once('open', () => {
      ws.off('error', reject);
      resolve(inbox);
    });
    ws.once('error', reject);
  });
}

/** An event socket (/v1/live or /v1/agents/:agentId/events) with its inbox, ready to receive. */
export function eventSocket(t: TestServer, path: string): Promise<Inbox> {
  return connectInbox(`${t.ws}${path}`);
}

export function waitCallEnded(inbox: Inbox, callId: string, timeoutMs = 120_000): Promise<Message> {
  return inbox.waitFor((m) => m.type === 'call.ended' && m.callId === callId, timeoutMs, `call.ended of ${callId}`);
}

export interface StartFields {
  callId: string;
  agentId: string;
  language?: string;
  encoding: string;
  sampleRate: number;
  channels?: number;
  channelRoles?: string[];
  metadata?: Record<string, unknown>;
}

/**
 * One /v1/ingest call: start, audio as binary frames (no pacing unless `paceMs` is given: the
 * frame length in ms of audio to wait between frames, for 1x real time), stop; resolves when the
 * server has closed the connection.
 */
export async function ingestCall(
  t: TestServer,
  start: StartFields,
  bytes: Uint8Array,
  opts: { frameBytes?: number; paceMs?: number } = {},
): Promise<{ inbox: Inbox; started: Message; stopped: Message; close: { code: number; reason: string } }> {
  const inbox = await connectInbox(`${t.ws}/v1/ingest`);
  const ws = inbox.socket;
  ws.send(JSON.stringify({ type: 'start', ...start }));
  const started = await inbox.waitFor((m) => m.type === 'started' || m.type === 'error', 30_000, 'started');
  if (started.type !== 'started') throw new Error(`call refused: ${JSON.stringify(started)}`);
  await sendAudio(ws, bytes, opts);
  ws.send(JSON.stringify({ type: 'stop' }));
  const stopped = await inbox.waitFor((m) => m.type === 'stopped' || m.type === 'error', 180_000, 'stopped');
  const close = await inbox.waitClosed(30_000);
  return { inbox, started, stopped, close };
}

/** Send audio bytes as binary frames; without paceMs as fast as the socket takes them. */
export async function sendAudio(ws: WebSocket, bytes: Uint8Array, opts: { frameBytes?: number; paceMs?: number } = {}): Promise<void> {
  const frame = opts.frameBytes ?? 8000;
  for (let off = 0; off < bytes.length; off += frame) {
    if (ws.readyState !== ws.OPEN) return;
    await sendFrame(ws, bytes.subarray(off, Math.min(off + frame, bytes.length)));
    if (opts.paceMs) await new Promise((r) => setTimeout(r, opts.paceMs));
  }
}

/** Send one frame and wait until ws has handed it to the OS (keeps memory flat on long sends). */
export function sendFrame(ws: WebSocket, data: Uint8Array | string): Promise<void> {
  return new Promise((resolve, reject) => ws.send(data, (err) => (err ? reject(err) : resolve())));
}

export async function getJson(t: TestServer, path: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${t.http}${path}`);
  return { status: res.status, body: await res.json() };
}

export async function getText(t: TestServer, path: string): Promise<{ status: number; body: string }> {
  const res = await fetch(`${t.http}${path}`);
  return { status: res.status, body: await res.text() };
}

/** Sum of a Prometheus sample over all label sets matching `labels` (substring match of each k="v"). */
export function metricSum(text: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  let seen = false;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const m = /^([a-zA-Z_:][\w:]*)(\{[^}]*\})?\s+(\S+)/.exec(line);
    if (!m || m[1] !== name) continue;
    const lbl = m[2] ?? '';
    if (!Object.entries(labels).every(([k, v]) => lbl.includes(`${k}="${v}"`))) continue;
    sum += Number(m[3]);
    seen = true;
  }
  return seen ? sum : Number.NaN;
}

/** Lower-case words of a transcript. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w);
}

let seq = 0;
/** A callId unique in this process and run. */
export function newCallId(prefix = 'call'): string {
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${++seq}`;
}
