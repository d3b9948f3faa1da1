import { createResampler } from '../../audio/resampler.js';
import type { SileroModel } from '../../audio/vad.js';
import type { TimedHypothesis } from '../endpointer.js';
import { EngineError, type WindowTranscriber } from '../engine.js';
import type { FromWorker, ToWorker } from '../messages.js';
import { UtteranceSegmenter } from './segmenter.js';
import type { WhisperSettings } from './settings.js';
import { WhisperStream } from './stream.js';

/** Behind by more than this much input (not yet through the VAD), or decoding less often: asr.lag. */
const LAG_ON_MS = 1000;
const LAG_OFF_MS = 300;
/** Input kept at most; beyond it the oldest audio goes (memory bound), as on the pocketsphinx workers. */
const MAX_BACKLOG_MS = 30_000;
/**
 * Closed utterances may wait for their finals up to this much audio per stream; past it, that
 * stream's input waits in its queue (its client is slowed down by the pool's backpressure, or its
 * oldest audio is dropped past MAX_BACKLOG_MS).
 */
const MAX_PENDING_FINAL_MS = 20_000;
/** Input handed to the VAD in one go. */
const INGEST_SLICE_MS = 1000;

interface Channel {
  streamId: string;
  inputRateHz: number;
  stream?: WhisperStream;
  queue: Int16Array[];
  queuedSamples: number;
  finishing: boolean;
  /** stream.finish() has been called (after the last queued audio went in). */
  flushed: boolean;
  behind: boolean;
  droppedMs: number;
  /** Input samples dropped and not yet skipped on the stream's timeline. */
  pendingSkip: number;
  consumed: number;
}

type Job = { channel: Channel; kind: 'final' | 'partial' };

/**
 * The inside of a Whisper worker thread (workers/whisper-worker.ts posts its messages here): the
 * channels assigned to this thread, one Whisper model they share, and one loop that takes new
 * audio into every channel's VAD, then runs one decode, the most urgent (a waiting final, oldest
 * first; else the partial most overdue), and again. One decode at a time per thread: the model's
 * onnxruntime threads do the parallel part.
 */
export class WhisperWorker {
  private readonly channels = new Map<string, Channel>();
  private pumping = false;
  private wanted = false;
  private busyMs = 0;
  private audioMs = 0;

  constructor(
    private readonly send: (msg: FromWorker) => void,
    private readonly vad: Promise<SileroModel>,
    private readonly transcriber: Promise<WindowTranscriber>,
    private readonly settings: Pick<WhisperSettings, 'stepMs' | 'maxStepMs'>,
  ) {
    // A model that fails to load fails the streams that wait for it, not the thread.
    transcriber.catch(() => undefined);
  }

  handle(msg: ToWorker): void {
    switch (msg.type) {
      case 'open':
        void this.open(msg);
        return;
      case 'audio': {
        const ch = this.channels.get(msg.streamId);
        if (!ch || ch.finishing) return;
        ch.queue.push(msg.pcm);
        ch.queuedSamples += msg.pcm.length;
        this.boundBacklog(ch);
        void this.pump();
        return;
      }
      case 'finish': {
        const ch = this.channels.get(msg.streamId);
        if (!ch) return this.send({ type: 'finished', streamId: msg.streamId });
        ch.finishing = true;
        void this.pump();
        return;
      }
      case 'close': {
        const ch = this.channels.get(msg.streamId);
        if (!ch) return;
        this.channels.delete(msg.streamId);
        ch.stream?.close();
        return;
      }
    }
  }

  /** Decode time and audio taken in since the last call (for the pool's real-time factor). */
  takeStats(): { busyMs: number; audioMs: number } {
    const stats = { busyMs: this.busyMs, audioMs: this.audioMs };
    this.busyMs = 0;
    this.audioMs = 0;
    return stats;
  }

  private async open(msg: Extract<ToWorker, { type: 'open' }>): Promise<void> {
    const ch: Channel = {
      streamId: msg.streamId,
      inputRateHz: msg.inputRateHz,
      queue: [],
      queuedSamples: 0,
      finishing: false,
      flushed: false,
      behind: false,
      droppedMs: 0,
      pendingSkip: 0,
      consumed: 0,
    };
    this.channels.set(msg.streamId, ch);
    try {
      const [vad, transcriber] = await Promise.all([this.vad, this.transcriber]);
      const language = msg.detectLanguage ? 'auto' : msg.language;
      if (language !== 'auto' && !transcriber.languages.includes(language)) {
        throw new EngineError('LANGUAGE_UNSUPPORTED', `the Whisper model does not transcribe "${language}"`);
      }
      const rate = transcriber.sampleRateHz;
      if (rate !== 16000) throw new EngineError('MODEL_MISSING', `the Whisper model wants ${rate} Hz audio; the VAD runs at 16 kHz`);
      const resampler = await createResampler(msg.inputRateHz, rate);
      if (this.channels.get(msg.streamId) !== ch) return resampler.close(); // closed while opening
      const segmenter = new UtteranceSegmenter(vad, rate, msg.endpointer);
      ch.stream = new WhisperStream(transcriber, segmenter, resampler, { language, stepMs: this.settings.stepMs, maxStepMs: this.settings.maxStepMs });
      this.send({ type: 'opened', streamId: msg.streamId, sampleRateHz: rate });
      void this.pump();
    } catch (err) {
      this.fail(ch, err);
    }
  }

  private backlogMs(ch: Channel): number {
    return (ch.queuedSamples * 1000) / ch.inputRateHz;
  }

  /** Keep queued input under MAX_BACKLOG_MS: the oldest goes, the timeline stays. */
  private boundBacklog(ch: Channel): void {
    if (this.backlogMs(ch) <= MAX_BACKLOG_MS) return;
    let drop = ch.queuedSamples - Math.floor((MAX_BACKLOG_MS / 2 / 1000) * ch.inputRateHz);
    let dropped = 0;
    while (drop > 0 && ch.queue.length) {
      const head = ch.queue[0]!;
      if (head.length <= drop) {
        ch.queue.shift();
        drop -= head.length;
        dropped += head.length;
      } else {
        ch.queue[0] = head.subarray(drop);
        dropped += drop;
        drop = 0;
      }
    }
    ch.queuedSamples -= dropped;
    ch.consumed += dropped;
    ch.pendingSkip += dropped;
    ch.droppedMs += (dropped * 1000) / ch.inputRateHz;
    this.send({ type: 'progress', streamId: ch.streamId, consumedSamples: ch.consumed });
    this.reportLag(ch); // what is left is still 15 s behind: said at once, with what was dropped
  }

  private take(ch: Channel, maxSamples: number): Int16Array {
    const parts: Int16Array[] = [];
    let n = 0;
    while (ch.queue.length && n < maxSamples) {
      const head = ch.queue[0]!;
      const want = maxSamples - n;
      if (head.length <= want) {
        parts.push(head);
        ch.queue.shift();
        n += head.length;
      } else {
        parts.push(head.subarray(0, want));
        ch.queue[0] = head.subarray(want);
        n += want;
      }
    }
    ch.queuedSamples -= n;
    const out = new Int16Array(n);
    let off = 0;
    for (const p of parts) {
      out.set(p, off);
      off += p.length;
    }
    return out;
  }

  /** Every channel's queued audio through its VAD (a channel with too many finals waiting keeps its queue). */
  private async ingest(): Promise<void> {
    for (const ch of [...this.channels.values()]) {
      const stream = ch.stream;
      if (!stream) continue;
      let took = false;
      for (;;) {
        // Audio dropped from the queue's head (even while the last slice was in the VAD) comes
        // before what is taken next: the timeline skips over it first.
        if (ch.pendingSkip) {
          stream.skip(ch.pendingSkip);
          ch.pendingSkip = 0;
        }
        if (ch.queuedSamples === 0 || stream.pendingFinalMs >= MAX_PENDING_FINAL_MS || this.channels.get(ch.streamId) !== ch) break;
        const pcm = this.take(ch, Math.round((INGEST_SLICE_MS * ch.inputRateHz) / 1000));
        const t0 = performance.now();
        await stream.push(pcm);
        this.busyMs += performance.now() - t0;
        this.audioMs += (pcm.length * 1000) / ch.inputRateHz;
        ch.consumed += pcm.length;
        took = true;
      }
      if (took) this.send({ type: 'progress', streamId: ch.streamId, consumedSamples: ch.consumed });
      if (ch.finishing && !ch.flushed && ch.queuedSamples === 0) {
        stream.finish();
        ch.flushed = true;
      }
      this.reportLag(ch);
    }
  }

  private reportLag(ch: Channel): void {
    const backlog = this.backlogMs(ch);
    const late = Boolean(ch.stream?.cadence.behind);
    const behind = late || (ch.behind ? backlog > LAG_OFF_MS : backlog > LAG_ON_MS);
    if (behind === ch.behind) return;
    ch.behind = behind;
    const backlogMs = Math.round(Math.max(backlog, ch.stream?.undecodedMs ?? 0));
    this.send({ type: 'lag', streamId: ch.streamId, behind, backlogMs, droppedMs: Math.round(ch.droppedMs) });
  }

  /** The most urgent decode: the oldest waiting final, else the most overdue partial. */
  private nextJob(): Job | undefined {
    let final: Channel | undefined;
    let partial: Channel | undefined;
    let overdue = -Infinity;
    for (const ch of this.channels.values()) {
      const s = ch.stream;
      if (!s) continue;
      const at = s.oldestFinalAt;
      if (at !== undefined && (!final || at < final.stream!.oldestFinalAt!)) final = ch;
      // A finishing channel wants its finals, not partials of audio that is about to close.
      if (!ch.finishing && s.partialDue) {
        const by = s.undecodedMs / s.cadence.strideMs;
        if (by > overdue) {
          overdue = by;
          partial = ch;
        }
      }
    }
    if (final) return { channel: final, kind: 'final' };
    if (partial) return { channel: partial, kind: 'partial' };
    return undefined;
  }

  private async pump(): Promise<void> {
    this.wanted = true;
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (;;) {
        // Messages that arrive while this loop awaits set `wanted` again: it goes round once more.
        this.wanted = false;
        await this.ingest();
        this.finishDrained();
        const job = this.nextJob();
        if (job) await this.run(job);
        else if (!this.wanted) break;
      }
    } finally {
      this.pumping = false;
    }
  }

  private async run({ channel: ch, kind }: Job): Promise<void> {
    const t0 = performance.now();
    let hyp: TimedHypothesis | undefined;
    try {
      hyp = kind === 'final' ? await ch.stream!.decodeFinal() : await ch.stream!.decodePartial();
    } catch (err) {
      if (this.channels.get(ch.streamId) === ch) this.fail(ch, err);
      return;
    } finally {
      this.busyMs += performance.now() - t0;
    }
    if (hyp && this.channels.get(ch.streamId) === ch) this.send({ type: 'hyp', streamId: ch.streamId, hyp });
  }

  /** Channels whose audio is all in and whose finals are all out are done. */
  private finishDrained(): void {
    for (const ch of [...this.channels.values()]) {
      if (!ch.finishing || !ch.stream || !ch.flushed || ch.queuedSamples > 0 || ch.stream.pendingFinals > 0) continue;
      ch.stream.close();
      this.channels.delete(ch.streamId);
      this.send({ type: 'finished', streamId: ch.streamId });
    }
  }

  private fail(ch: Channel, err: unknown): void {
    const code = err instanceof EngineError ? err.code : 'ASR_FAILED';
    this.send({ type: 'error', streamId: ch.streamId, code, message: err instanceof Error ? err.message : String(err) });
    ch.stream?.close();
    this.channels.delete(ch.streamId);
  }
}
