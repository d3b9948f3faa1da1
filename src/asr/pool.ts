import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { EndpointerSettings, TimedHypothesis } from './endpointer.js';
import type { Language } from './engine.js';
import { engineWorker } from './engines.js';
import type { FromWorker, ToWorker } from './messages.js';
import { loadWhisperSettings } from './whisper/settings.js';

export interface StreamHandlers {
  onOpened?(sampleRateHz: number): void;
  onHypothesis(hyp: TimedHypothesis): void;
  onLag?(info: { behind: boolean; backlogMs: number; droppedMs: number }): void;
  onError(code: string, message: string): void;
  onFinished?(): void;
  /** The worker took more of this stream's audio; its backlog shrank. */
  onProgress?(): void;
}

export interface StreamRequest {
  engine: string;
  language: Language;
  telephone: boolean;
  inputRateHz: number;
  endpointer?: Partial<EndpointerSettings>;
  /** The call said "auto" and the engine identifies languages (Whisper). */
  detectLanguage?: boolean;
}

export interface AsrStream {
  readonly streamId: string;
  /** Input samples pushed but not yet taken by the worker (queued there or in flight). */
  readonly backlogSamples: number;
  push(pcm: Int16Array): void;
  /** Decode what is queued, close the open utterance, and resolve when its final is out. */
  finish(): Promise<void>;
  /** Drop the stream now (disconnect): no flush. */
  close(): void;
}

type WorkerKind = 'asr' | 'whisper';

interface WorkerSlot {
  kind: WorkerKind;
  worker: Worker;
  streams: Set<string>;
  ready: Promise<void>;
}

interface StreamEntry {
  slot: WorkerSlot;
  handlers: StreamHandlers;
  finished?: () => void;
  pushed: number;
  consumed: number;
}

export interface PoolStats {
  /** Decode time over audio time, per engine, over the last report. */
  realTimeFactor: Record<string, number>;
}

const WORKER_SCRIPT: Record<WorkerKind, string> = { asr: 'asr-worker', whisper: 'whisper-worker' };

/** The worker: built JS beside dist/src, or, when running from src/ (tests, tsx), the TypeScript through tsx. */
function startWorker(kind: WorkerKind): Worker {
  const script = WORKER_SCRIPT[kind];
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL(`../../workers/${script}.js`, import.meta.url));
  const url = new URL(`../../workers/${script}.ts`, import.meta.url).href;
  // Node 20 workers ignore --import loaders from execArgv; register tsx inside the thread instead.
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url)}); })`;
  return new Worker(boot, { eval: true });
}

/**
 * ASR worker threads. Each channel is owned by one worker for its life (decoders keep state);
 * a new channel goes to the worker with the fewest channels. pocketsphinx channels go to the ASR
 * workers (started at once); Whisper channels to Whisper workers, started when the first Whisper
 * call comes (EARSHOT_WHISPER_WORKERS of them, each loading the model once), so that a Whisper
 * decode (half a second or more) never holds up the pocketsphinx channels' round-robin.
 */
export class AsrPool {
  private readonly slots: WorkerSlot[] = [];
  private readonly whisperSlots: WorkerSlot[] = [];
  private readonly streams = new Map<string, StreamEntry>();
  private seq = 0;
  private stopping = false;
  readonly stats: PoolStats = { realTimeFactor: {} };
  private readonly busy = new Map<WorkerSlot, { engine: string; busyMs: number; audioMs: number }>();

  constructor(readonly size = Math.max(1, availableParallelism())) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn('asr'));
  }

  async ready(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.ready));
  }

  get activeStreams(): number {
    return this.streams.size;
  }

  private spawn(kind: WorkerKind): WorkerSlot {
    const worker = startWorker(kind);
    let resolveReady!: () => void;
    let rejectReady!: (err: Error) => void;
    let isReady = false;
    const slot: WorkerSlot = {
      kind,
      worker,
      streams: new Set(),
      ready: new Promise<void>((resolve, reject) => {
        resolveReady = resolve;
        rejectReady = reject;
      }),
    };
    worker.on('message', (msg: FromWorker) => {
      if (msg.type === 'ready') {
        isReady = true;
        return resolveReady();
      }
      if (msg.type === 'stats') return this.onStats(slot, msg);
      const entry = this.streams.get(msg.streamId);
      if (!entry) return;
      switch (msg.type) {
        case 'opened':
          entry.handlers.onOpened?.(msg.sampleRateHz);
          return;
        case 'hyp':
          entry.handlers.onHypothesis(msg.hyp);
          return;
        case 'lag':
          entry.handlers.onLag?.(msg);
          return;
        case 'progress':
          entry.consumed = msg.consumedSamples;
          entry.handlers.onProgress?.();
          return;
        case 'error':
          this.forget(msg.streamId);
          entry.handlers.onError(msg.code, msg.message);
          entry.finished?.();
          return;
        case 'finished':
          this.forget(msg.streamId);
          entry.handlers.onFinished?.();
          entry.finished?.();
          return;
      }
    });
    const onDeath = (why: string): void => {
      const slots = kind === 'asr' ? this.slots : this.whisperSlots;
      const i = slots.indexOf(slot);
      if (i < 0) return;
      for (const id of slot.streams) {
        const entry = this.streams.get(id);
        this.streams.delete(id);
        entry?.handlers.onError('ASR_WORKER_FAILED', `the speech worker stopped (${why}); this channel's transcription ended`);
        entry?.finished?.();
      }
      if (this.stopping) return;
      // A worker that never came up would fail again: report instead of respawning in a loop.
      if (!isReady) {
        if (kind === 'whisper') slots.splice(i, 1); // the next Whisper call tries a fresh one
        return rejectReady(new Error(`speech worker failed to start: ${why}`));
      }
      slots[i] = this.spawn(kind);
    };
    worker.on('error', (err) => onDeath(err.message));
    worker.on('exit', (code) => onDeath(`exit code ${code}`));
    return slot;
  }

  private onStats(slot: WorkerSlot, msg: Extract<FromWorker, { type: 'stats' }>): void {
    this.busy.set(slot, { engine: msg.engine, busyMs: msg.busyMs, audioMs: msg.audioMs });
    const byEngine = new Map<string, { busy: number; audio: number }>();
    for (const b of this.busy.values()) {
      const e = byEngine.get(b.engine) ?? { busy: 0, audio: 0 };
      e.busy += b.busyMs;
      e.audio += b.audioMs;
      byEngine.set(b.engine, e);
    }
    for (const [engine, e] of byEngine) this.stats.realTimeFactor[engine] = e.audio > 0 ? e.busy / e.audio : 0;
  }

  private forget(streamId: string): void {
    const entry = this.streams.get(streamId);
    entry?.slot.streams.delete(streamId);
    this.streams.delete(streamId);
  }

  private post(slot: WorkerSlot, msg: ToWorker, transfer?: ArrayBuffer[]): void {
    slot.worker.postMessage(msg, transfer);
  }

  /** Ties between equally loaded workers broken so far (see leastLoaded). */
  private ties = 0;

  open(request: StreamRequest, handlers: StreamHandlers): AsrStream {
    const streamId = `s${++this.seq}`;
    const slots = engineWorker(request.engine) === 'whisper' ? this.whisperWorkers() : this.slots;
    const slot = leastLoaded(slots, () => this.ties++);
    slot.streams.add(streamId);
    const entry: StreamEntry = { slot, handlers, pushed: 0, consumed: 0 };
    this.streams.set(streamId, entry);
    this.post(slot, { type: 'open', streamId, ...request });
    let done: Promise<void> | undefined;
    return {
      streamId,
      get backlogSamples() {
        return entry.pushed - entry.consumed;
      },
      push: (pcm: Int16Array) => {
        if (!this.streams.has(streamId) || pcm.length === 0) return;
        entry.pushed += pcm.length;
        // Transfer, not copy: the caller hands the buffer over.
        const owned = pcm.byteOffset === 0 && pcm.byteLength === pcm.buffer.byteLength ? pcm : pcm.slice();
        this.post(slot, { type: 'audio', streamId, pcm: owned }, [owned.buffer as ArrayBuffer]);
      },
      finish: () => {
        done ??= this.streams.has(streamId)
          ? new Promise<void>((resolve) => {
              entry.finished = resolve;
              this.post(slot, { type: 'finish', streamId });
            })
          : Promise.resolve();
        return done;
      },
      close: () => {
        if (!this.streams.has(streamId)) return;
        this.forget(streamId);
        this.post(slot, { type: 'close', streamId });
        entry.finished?.();
      },
    };
  }

  /** The Whisper worker threads, started on first use. */
  private whisperWorkers(): WorkerSlot[] {
    if (this.whisperSlots.length === 0) {
      const { workers } = loadWhisperSettings();
      for (let i = 0; i < workers; i++) {
        const slot = this.spawn('whisper');
        slot.ready.catch(() => undefined); // its streams hear of a failed start through onError
        this.whisperSlots.push(slot);
      }
    }
    return this.whisperSlots;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all([...this.slots, ...this.whisperSlots].map((s) => s.worker.terminate()));
  }
}

/**
 * The worker with the fewest streams; ties go to each tied worker in turn. Breaking ties always
 * toward the first worker put every call's first channel (the agent, who talks most) on worker 0
 * and every second channel on worker 1: measured, 8 two-channel calls then had all their agents
 * on one core and fell 7 s behind (`npm run bench:alerts`).
 */
function leastLoaded<T extends { streams: Set<string> }>(slots: readonly T[], nextTie: () => number): T {
  const fewest = Math.min(...slots.map((s) => s.streams.size));
  const tied = slots.filter((s) => s.streams.size === fewest);
  return tied.length === 1 ? tied[0]! : tied[nextTie() % tied.length]!;
}
