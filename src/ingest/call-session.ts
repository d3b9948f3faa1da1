import type { Language } from '../asr/engine.js';
import type { TimedHypothesis } from '../asr/endpointer.js';
import type { AsrPool, AsrStream } from '../asr/pool.js';
import type { EventBus } from '../events/bus.js';
import type { CallStartedEvent, ChannelRole } from '../events/types.js';
import type { Metrics } from '../server/metrics.js';

export interface CallInfo {
  callId: string;
  agentId: string;
  language: Language;
  sampleRateHz: number;
  roles: ChannelRole[];
  telephone: boolean;
  engine: string;
  /** The call said "auto" and its engine identifies the language (Whisper); `language` is the fallback. */
  detectLanguage?: boolean;
  protocol: 'native' | 'twilio';
  metadata: Record<string, unknown>;
}

export interface SessionDeps {
  pool: AsrPool;
  bus: EventBus;
  metrics: Metrics;
  /** What else hears the call's audio as it arrives (clips and tone, recording). */
  taps?: AudioTapFactory[];
}

/** A listener on one call's PCM, opened before call.started goes out. */
export interface AudioTap {
  /** PCM of one channel at the call's rate, in arrival order; copy what you keep. */
  audio(channel: number, pcm: Int16Array): void;
  /** The call ended and its last finals are out. */
  end(): Promise<void> | void;
}

export interface AudioTapFactory {
  open(info: CallInfo): AudioTap | null;
}

/** How a protocol adapter stops and restarts reading its socket (TCP backpressure on the client). */
export interface FlowControl {
  pause(): void;
  resume(): void;
}

/**
 * A client sending faster than real time (a replay, a test, a catch-up after a network stall) is
 * slowed down by no longer reading its socket, rather than having audio dropped: above this much
 * undecoded audio on any channel reading pauses, below the second it resumes.
 */
const PAUSE_BACKLOG_MS = 10_000;
const RESUME_BACKLOG_MS = 3_000;

/** When each stretch of a channel's audio arrived, to measure audio-received → event-out. */
interface ArrivalMark {
  endMs: number;
  at: number;
}

class ChannelState {
  samples = 0;
  arrivals: ArrivalMark[] = [];
  behind = false;
  droppedMs = 0;
  constructor(
    readonly role: ChannelRole,
    readonly stream: AsrStream,
  ) {}

  /** Wall-clock time at which audio up to `ms` had been received. */
  receivedAt(ms: number): number | undefined {
    let found: number | undefined;
    while (this.arrivals.length && this.arrivals[0]!.endMs < ms - 1) this.arrivals.shift();
    if (this.arrivals.length) found = this.arrivals[0]!.at;
    return found;
  }
}

/**
 * One live call, whatever protocol brought it: one ASR stream per channel, transcript events
 * on the bus, latency metrics. Protocol adapters (native, Twilio) feed it per-channel PCM.
 */
export class CallSession {
  readonly startedAt = new Date();
  private readonly channels: ChannelState[];
  private ended?: Promise<void>;
  private paused = false;
  private readonly taps: AudioTap[];
  /** Set by the protocol adapter that owns the connection. */
  flow?: FlowControl;
  private resolveFinished!: () => void;
  /** Resolves once the call has ended (stop, disconnect, error or server shutdown) and its finals are out. */
  readonly finished = new Promise<void>((resolve) => (this.resolveFinished = resolve));

  constructor(
    readonly info: CallInfo,
    private readonly deps: SessionDeps,
  ) {
    this.channels = info.roles.map((role) => {
      let state!: ChannelState;
      const stream = deps.pool.open(
        { engine: info.engine, language: info.language, telephone: info.telephone, inputRateHz: info.sampleRateHz, detectLanguage: info.detectLanguage },
        {
          onHypothesis: (hyp) => this.onHypothesis(state, hyp),
          onProgress: () => {
            if (this.paused && this.maxBacklogMs() < RESUME_BACKLOG_MS) {
              this.paused = false;
              this.flow?.resume();
            }
          },
          onLag: ({ behind, backlogMs, droppedMs }) => {
            if (behind !== state.behind) deps.metrics.asrLagging.inc(behind ? 1 : -1);
            state.behind = behind;
            if (droppedMs > state.droppedMs) deps.metrics.asrDroppedAudio.inc((droppedMs - state.droppedMs) / 1000);
            state.droppedMs = droppedMs;
            deps.bus.publish({ type: 'asr.lag', callId: info.callId, agentId: info.agentId, channel: role, behind, backlogMs, droppedMs });
          },
          onError: (code, message) => {
            deps.bus.publish({ type: 'asr.error', callId: info.callId, agentId: info.agentId, channel: role, code, message });
          },
        },
      );
      state = new ChannelState(role, stream);
      return state;
    });
    this.taps = (deps.taps ?? []).flatMap((factory) => factory.open(info) ?? []);
    deps.metrics.activeCalls.inc();
    deps.metrics.activeChannels.inc(this.channels.length);
    deps.bus.publish(this.startedEvent());
  }

  /** The call.started event (also replayed to sockets that join mid-call). */
  startedEvent(): CallStartedEvent {
    const { callId, agentId, language } = this.info;
    return { type: 'call.started', callId, agentId, language, startedAt: this.startedAt.toISOString() };
  }

  get channelCount(): number {
    return this.channels.length;
  }

  /** Milliseconds of audio received so far on a channel. */
  positionMs(channel: number): number {
    const ch = this.channels[channel];
    return ch ? (ch.samples * 1000) / this.info.sampleRateHz : 0;
  }

  /** PCM for one channel at the call's sample rate. The buffer is handed over. */
  push(channel: number, pcm: Int16Array): void {
    const ch = this.channels[channel];
    if (!ch || this.ended || pcm.length === 0) return;
    ch.samples += pcm.length;
    ch.arrivals.push({ endMs: (ch.samples * 1000) / this.info.sampleRateHz, at: performance.now() });
    if (ch.arrivals.length > 10_000) ch.arrivals.splice(0, 5_000); // a stalled decoder must not grow this forever
    this.deps.metrics.audioSeconds.inc({ protocol: this.info.protocol }, pcm.length / this.info.sampleRateHz);
    for (const tap of this.taps) tap.audio(channel, pcm); // before the stream takes the buffer
    ch.stream.push(pcm);
    if (!this.paused && this.maxBacklogMs() > PAUSE_BACKLOG_MS) {
      this.paused = true;
      this.flow?.pause();
    }
  }

  private maxBacklogMs(): number {
    let max = 0;
    for (const ch of this.channels) max = Math.max(max, ch.stream.backlogSamples);
    return (max * 1000) / this.info.sampleRateHz;
  }

  private onHypothesis(ch: ChannelState, hyp: TimedHypothesis): void {
    const at = ch.receivedAt(hyp.decodedToMs);
    if (at !== undefined) {
      this.deps.metrics.transcriptLatency.observe(
        { stage: hyp.final ? 'final' : 'partial', engine: this.info.engine },
        (performance.now() - at) / 1000,
      );
    }
    this.deps.metrics.transcripts.inc({ final: String(hyp.final) });
    this.deps.bus.publish({
      type: 'transcript',
      callId: this.info.callId,
      agentId: this.info.agentId,
      channel: ch.role,
      final: hyp.final,
      text: hyp.text,
      startMs: Math.round(hyp.startMs),
      endMs: Math.round(hyp.endMs),
      ...(hyp.final ? { words: hyp.words.map((w) => ({ word: w.word, startMs: Math.round(w.startMs), endMs: Math.round(w.endMs) })) } : {}),
    });
  }

  /**
   * End the call: decode everything received, publish the last finals, then call.ended.
   * Used for a clean stop and for a dropped connection alike: audio already accepted is not lost.
   */
  end(): Promise<void> {
    this.ended ??= (async () => {
      if (this.paused) this.flow?.resume(); // a paused socket must still see its close
      await Promise.all(this.channels.map((ch) => ch.stream.finish()));
      for (const ch of this.channels) if (ch.behind) this.deps.metrics.asrLagging.dec();
      this.deps.metrics.activeCalls.dec();
      this.deps.metrics.activeChannels.dec(this.channels.length);
      // A tap that fails (a full disk under the recorder) must not keep the call from ending.
      await Promise.allSettled(this.taps.map(async (tap) => tap.end()));
      this.deps.bus.publish({ type: 'call.ended', callId: this.info.callId, agentId: this.info.agentId });
      this.resolveFinished();
    })();
    return this.ended;
  }
}
