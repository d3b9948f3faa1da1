/**
 * ASR worker thread: owns the recognisers of the channels the pool assigned to it, and decodes
 * their audio round-robin in short slices so that one busy channel cannot starve the others.
 */
import { parentPort } from 'node:worker_threads';
import { SileroModel } from '../src/audio/vad.js';
import { ChannelRecognizer } from '../src/asr/channel-recognizer.js';
import { DecoderPool } from '../src/asr/decoder-pool.js';
import { EngineError, type SpeechEngine } from '../src/asr/engine.js';
import type { FromWorker, ToWorker } from '../src/asr/messages.js';
import { pocketsphinxEngine } from '../src/asr/pocketsphinx/engine.js';
import type { TimedHypothesis } from '../src/asr/endpointer.js';

const engines: Record<string, SpeechEngine> = { pocketsphinx: pocketsphinxEngine };

/** Audio decoded per channel per turn of the round-robin. */
const SLICE_MS = 200;
/** Behind by more than this: skip partials (finals still come). */
const LAG_ON_MS = 1000;
const LAG_OFF_MS = 300;
/** Behind by more than this: drop the oldest audio, so memory stays bounded. */
const MAX_BACKLOG_MS = 30_000;
/**
 * Loading a channel's models blocks this thread (0.1-0.7 s), so live channels come first: a new
 * channel is opened when every live one is less than this far behind, or at the latest after
 * OPEN_AT_LEAST_EVERY_SLICES slices, so that a busy worker still takes new calls.
 */
const OPEN_WHEN_BEHIND_UNDER_MS = 500;
const OPEN_AT_LEAST_EVERY_SLICES = 8;

interface Channel {
  streamId: string;
  engine: string;
  recognizer?: ChannelRecognizer;
  queue: Int16Array[];
  queuedSamples: number;
  inputRateHz: number;
  finishing: boolean;
  closed: boolean;
  behind: boolean;
  droppedMs: number;
  /** Samples dropped and not yet skipped over on the recogniser's timeline (done between slices). */
  pendingSkip: number;
  /** Input samples taken off the queue so far, decoded or dropped (reported for backpressure). */
  consumed: number;
}

const port = parentPort!;
const channels = new Map<string, Channel>();
let order: string[] = [];
let next = 0;
let pumping = false;
/** Channels waiting for their models to be loaded, in arrival order. */
const pendingOpens: Extract<ToWorker, { type: 'open' }>[] = [];
let slicesSinceOpen = 0;
/** The channel whose slice is being decoded right now (its recogniser must not be freed mid-call). */
let current: Channel | undefined;
let busyMs = 0;
let audioMs = 0;
const vadReady = SileroModel.load();
const decoders = new DecoderPool();

function send(msg: FromWorker): void {
  port.postMessage(msg);
}

function backlogMs(ch: Channel): number {
  return (ch.queuedSamples * 1000) / ch.inputRateHz;
}

function emit(streamId: string, hyps: TimedHypothesis[]): void {
  for (const hyp of hyps) send({ type: 'hyp', streamId, hyp });
}

function take(ch: Channel, maxSamples: number): Int16Array {
  const parts: Int16Array[] = [];
  let n = 0;
  while (ch.queue.length && n < maxSamples) {
    const head = ch.queue[0]!;
    if (n + head.length <= maxSamples) {
      parts.push(head);
      n += head.length;
      ch.queue.shift();
    } else {
      const cut = maxSamples - n;
      parts.push(head.subarray(0, cut));
      ch.queue[0] = head.subarray(cut);
      n += cut;
    }
  }
  ch.queuedSamples -= n;
  if (parts.length === 1) return parts[0]!;
  const out = new Int16Array(n);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/** Drop queued audio from the head without copying it; returns how many samples went. */
function discard(ch: Channel, maxSamples: number): number {
  let n = 0;
  while (ch.queue.length && n < maxSamples) {
    const head = ch.queue[0]!;
    if (n + head.length <= maxSamples) {
      n += head.length;
      ch.queue.shift();
    } else {
      ch.queue[0] = head.subarray(maxSamples - n);
      n = maxSamples;
    }
  }
  ch.queuedSamples -= n;
  return n;
}

/** Keep the backlog under MAX_BACKLOG_MS (memory bound): the oldest audio goes, the timeline stays. */
function boundBacklog(ch: Channel): void {
  if (backlogMs(ch) <= MAX_BACKLOG_MS) return;
  const excess = ch.queuedSamples - Math.floor((MAX_BACKLOG_MS / 2 / 1000) * ch.inputRateHz);
  const dropped = discard(ch, excess);
  ch.droppedMs += (dropped * 1000) / ch.inputRateHz;
  ch.consumed += dropped;
  // The recogniser may be mid-slice (awaiting its VAD): it moves its timeline on before its next slice.
  ch.pendingSkip += dropped;
  reportLag(ch);
}

/** Between slices: apply dropped audio to the timeline, report lag. */
function updateLag(ch: Channel): void {
  boundBacklog(ch);
  if (ch.pendingSkip && ch.recognizer) {
    emit(ch.streamId, ch.recognizer.skip(ch.pendingSkip));
    ch.pendingSkip = 0;
  }
  reportLag(ch);
}

function reportLag(ch: Channel): void {
  const behindMs = backlogMs(ch);
  const now = ch.behind ? behindMs > LAG_OFF_MS : behindMs > LAG_ON_MS;
  if (now !== ch.behind) {
    ch.behind = now;
    if (ch.recognizer) ch.recognizer.endpointer.skipPartials = now;
    send({ type: 'lag', streamId: ch.streamId, behind: now, backlogMs: Math.round(behindMs), droppedMs: Math.round(ch.droppedMs) });
  }
}

async function pump(): Promise<void> {
  if (pumping) return;
  pumping = true;
  try {
    for (;;) {
      const ready = order.filter((id) => {
        const ch = channels.get(id);
        return ch?.recognizer && (ch.queuedSamples > 0 || ch.finishing);
      });
      if (pendingOpens.length > 0) {
        const liveBehindMs = Math.max(0, ...ready.map((id) => backlogMs(channels.get(id)!)));
        if (ready.length === 0 || liveBehindMs < OPEN_WHEN_BEHIND_UNDER_MS || slicesSinceOpen >= OPEN_AT_LEAST_EVERY_SLICES) {
          slicesSinceOpen = 0;
          await openChannel(pendingOpens.shift()!);
          continue;
        }
      }
      if (ready.length === 0) break;
      slicesSinceOpen++;
      next = next % ready.length;
      const ch = channels.get(ready[next]!)!;
      next++;
      const rec = ch.recognizer!;
      updateLag(ch);
      const pcm = take(ch, Math.round((SLICE_MS * ch.inputRateHz) / 1000));
      ch.consumed += pcm.length;
      const t0 = performance.now();
      current = ch;
      try {
        if (pcm.length) {
          emit(ch.streamId, await rec.push(pcm));
          send({ type: 'progress', streamId: ch.streamId, consumedSamples: ch.consumed });
        }
        if (ch.closed) rec.close(true);
        else if (ch.finishing && ch.queuedSamples === 0) {
          emit(ch.streamId, rec.finish());
          rec.close(true);
          channels.delete(ch.streamId);
          order = order.filter((id) => id !== ch.streamId);
          send({ type: 'finished', streamId: ch.streamId });
        }
      } catch (err) {
        fail(ch, err);
      } finally {
        current = undefined;
      }
      busyMs += performance.now() - t0;
      audioMs += (pcm.length * 1000) / ch.inputRateHz;
    }
  } finally {
    pumping = false;
  }
}

function fail(ch: Channel, err: unknown): void {
  const code = err instanceof EngineError ? err.code : 'ASR_FAILED';
  send({ type: 'error', streamId: ch.streamId, code, message: err instanceof Error ? err.message : String(err) });
  try {
    ch.recognizer?.close();
  } catch {
    // already failing; nothing more to free
  }
  channels.delete(ch.streamId);
  order = order.filter((id) => id !== ch.streamId);
}

/** Register a new channel at once (its audio queues) and load its models when the pump gets to it. */
function open(msg: Extract<ToWorker, { type: 'open' }>): void {
  const ch: Channel = {
    streamId: msg.streamId,
    engine: msg.engine,
    queue: [],
    queuedSamples: 0,
    inputRateHz: msg.inputRateHz,
    finishing: false,
    closed: false,
    behind: false,
    droppedMs: 0,
    pendingSkip: 0,
    consumed: 0,
  };
  channels.set(msg.streamId, ch);
  pendingOpens.push(msg);
  void pump();
}

async function openChannel(msg: Extract<ToWorker, { type: 'open' }>): Promise<void> {
  const ch = channels.get(msg.streamId);
  if (!ch) return; // closed before its turn: no model load at all
  try {
    const engine = engines[msg.engine];
    if (!engine) throw new EngineError('ENGINE_UNAVAILABLE', `speech engine "${msg.engine}" is not installed`);
    const vad = await vadReady;
    // A call dropped before its models were loaded costs nothing (200 sockets opened and dropped).
    if (!channels.has(msg.streamId)) return;
    if (ch.finishing && ch.queuedSamples === 0) {
      channels.delete(msg.streamId);
      send({ type: 'finished', streamId: msg.streamId });
      return;
    }
    const recognizer = await ChannelRecognizer.open(decoders, engine, vad, {
      language: msg.language,
      telephone: msg.telephone,
      inputRateHz: msg.inputRateHz,
      endpointer: msg.endpointer,
    });
    if (!channels.has(msg.streamId)) {
      recognizer.close(true); // closed while opening
      return;
    }
    ch.recognizer = recognizer;
    order.push(msg.streamId);
    send({ type: 'opened', streamId: msg.streamId, sampleRateHz: recognizer.sampleRateHz });
  } catch (err) {
    fail(ch, err);
  }
}

port.on('message', (msg: ToWorker) => {
  switch (msg.type) {
    case 'open':
      open(msg);
      return;
    case 'audio': {
      const ch = channels.get(msg.streamId);
      if (!ch || ch.finishing) return;
      ch.queue.push(msg.pcm);
      ch.queuedSamples += msg.pcm.length;
      boundBacklog(ch);
      void pump();
      return;
    }
    case 'finish': {
      const ch = channels.get(msg.streamId);
      if (!ch) return send({ type: 'finished', streamId: msg.streamId });
      ch.finishing = true;
      if (!ch.recognizer) return; // still opening: finishes once open
      void pump();
      return;
    }
    case 'close': {
      const ch = channels.get(msg.streamId);
      if (!ch) return;
      ch.closed = true;
      channels.delete(msg.streamId);
      order = order.filter((id) => id !== msg.streamId);
      // Mid-slice, the pump frees it when the slice ends; otherwise nothing is using it.
      if (current !== ch) ch.recognizer?.close(true);
      return;
    }
  }
});

setInterval(() => {
  send({
    type: 'stats',
    engine: 'pocketsphinx',
    busyMs,
    audioMs,
  });
  busyMs = 0;
  audioMs = 0;
}, 1000).unref();

void vadReady.then(() => send({ type: 'ready' }));
