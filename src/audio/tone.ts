/**
 * The tone meter (issue 5): coaching signals from the call audio itself, for the agent only.
 *
 * - raised_voice: the level of the agent's speech over the last second (the 80th percentile of
 *   its 20 ms speech-frame levels: the vowels, where vocal effort shows; high-passed at 200 Hz),
 *   against the agent's own running baseline (the same percentile over the last minutes of the
 *   agent's speech in this call, so line gain and codec do not matter), at least `thresholdDb`
 *   above it for `minDurationMs`. Speech frames come from an energy detector over an adaptive
 *   noise floor (src/audio/loudness.ts).
 * - overtalk: the agent and the customer both talking (two channels), without a break, for
 *   `minOverlapMs`, whoever started; backchannels ("mm-hm", "yeah") and the overlaps of ordinary
 *   turn-taking are shorter.
 * - fast_speech: the agent's articulation rate (words per second of talking, pauses left out;
 *   characters per second for Mandarin) from the recogniser's final word times, over at least
 *   `minSpeechMs` of talking, above the language's `maxRate`.
 *
 * One ToneMeter per call, fed on the main thread: push() each channel's PCM in arrival order (a
 * channel's timeline position is the samples pushed on it so far), observeWords() the finals'
 * words. Findings come back from those calls and through `onFinding`. Each kind has its own
 * threshold and cool-down. Costs a few operations per sample (see bench/tone.ts).
 */
import {
  DEFAULT_ACTIVITY,
  FrameLevelMeter,
  LevelHistogram,
  NoiseFloorActivity,
  TalkState,
  type ActivitySettings,
} from './loudness.js';
import { countRateUnits, FAST_SPEECH_MAX_RATE, rateUnit, SpeechRateWindow, type RateUnit } from './tone-rate.js';

export type ToneRole = 'agent' | 'customer';
export type ToneKind = 'raised_voice' | 'overtalk' | 'fast_speech';
export type ToneLanguage = 'en' | 'es' | 'zh';

/** A recognised word on the call's audio timeline (as the ASR's finals carry them). */
export interface ToneWord {
  word: string;
  startMs: number;
  endMs: number;
}

export interface ToneFinding {
  kind: ToneKind;
  /** Only the agent's behaviour raises findings. */
  channel: 'agent';
  /** Call audio timeline (ms from the call's first sample). */
  startMs: number;
  endMs: number;
  /** dB above the agent's baseline (raised_voice), ms of overlap (overtalk), words or characters per second (fast_speech). */
  measure: number;
  unit: 'dB' | 'ms' | RateUnit;
  /** The threshold `measure` went over (same unit). */
  threshold: number;
  /** One line for the collector: what happened. */
  explanation: string;
  /** One line for the collector: what to do instead. */
  suggestion: string;
}

export interface RaisedVoiceOptions {
  enabled: boolean;
  /** dB above the agent's baseline that counts as raised. */
  thresholdDb: number;
  /** The raised level must last this long (pauses shorter than maxGapMs do not break it). */
  minDurationMs: number;
  cooldownMs: number;
  /** The baseline is the median level of the agent's speech frames over this much of the agent's speech. */
  baselineWindowMs: number;
  /** No finding until this much of the agent's speech has built the baseline. */
  warmupMs: number;
  /** The current level is the median of the speech frames within this long. */
  shortWindowMs: number;
  /** ...when at least this fraction of that window is speech. */
  minSpeechFraction: number;
  /** Which quantile of the speech-frame levels is "the level", for the baseline and the short window alike. */
  levelQuantile: number;
  /** A raised stretch survives pauses (too little speech to judge) up to this long. */
  maxGapMs: number;
}

export interface OvertalkOptions {
  enabled: boolean;
  /** Both talking, without a break, for this long. */
  minOverlapMs: number;
  cooldownMs: number;
  /** Talking starts after this much speech in a row (clicks and knocks are not talking). */
  onsetMs: number;
  /** Talking goes on through pauses up to this long (between words). */
  hangoverMs: number;
  /** A channel more than this far ahead of the other stops waiting for it: the missing audio counts as silence. */
  maxSkewMs: number;
}

export interface FastSpeechOptions {
  enabled: boolean;
  /** Words per second (characters per second for zh) of talking; default per language, FAST_SPEECH_MAX_RATE. */
  maxRate: number;
  /** The rate is measured over the words of the last windowMs of the call... */
  windowMs: number;
  /** ...that hold at least this much talking (pauses left out)... */
  minSpeechMs: number;
  /** ...and at least this many words (characters). */
  minUnits: number;
  /** Gaps between words at least this long are pauses, not talking. */
  pauseMs: number;
  cooldownMs: number;
}

export interface ToneSettings {
  /** Analysis frame, ms. */
  frameMs: number;
  /** High-pass corner of the level meter, Hz. */
  highPassHz: number;
  activity: ActivitySettings;
  raisedVoice: RaisedVoiceOptions;
  overtalk: OvertalkOptions;
  fastSpeech: FastSpeechOptions;
}

export interface ToneOptions {
  frameMs?: number;
  highPassHz?: number;
  activity?: Partial<ActivitySettings>;
  raisedVoice?: Partial<RaisedVoiceOptions>;
  overtalk?: Partial<OvertalkOptions>;
  fastSpeech?: Partial<FastSpeechOptions>;
}

/** Defaults; the reasons and the measurements behind them are in bench/README.md ("Tone meter"). */
export const DEFAULT_RAISED_VOICE: RaisedVoiceOptions = {
  enabled: true,
  thresholdDb: 8,
  minDurationMs: 1500,
  cooldownMs: 30_000,
  baselineWindowMs: 180_000,
  warmupMs: 8000,
  shortWindowMs: 1000,
  minSpeechFraction: 0.3,
  levelQuantile: 0.8,
  maxGapMs: 600,
};

export const DEFAULT_OVERTALK: OvertalkOptions = {
  enabled: true,
  minOverlapMs: 1500,
  cooldownMs: 20_000,
  onsetMs: 60,
  hangoverMs: 300,
  maxSkewMs: 5000,
};

export const DEFAULT_FAST_SPEECH: Omit<FastSpeechOptions, 'maxRate'> = {
  enabled: true,
  windowMs: 15_000,
  minSpeechMs: 6000,
  minUnits: 15,
  pauseMs: 300,
  cooldownMs: 60_000,
};

export function toneSettings(language: ToneLanguage = 'en', options: ToneOptions = {}): ToneSettings {
  return {
    frameMs: options.frameMs ?? 20,
    highPassHz: options.highPassHz ?? 200,
    activity: { ...DEFAULT_ACTIVITY, ...options.activity },
    raisedVoice: { ...DEFAULT_RAISED_VOICE, ...options.raisedVoice },
    overtalk: { ...DEFAULT_OVERTALK, ...options.overtalk },
    fastSpeech: { ...DEFAULT_FAST_SPEECH, maxRate: FAST_SPEECH_MAX_RATE[language], ...options.fastSpeech },
  };
}

export interface ToneMeterConfig {
  sampleRateHz: number;
  /** Role of each channel, in channel order (one or two channels). */
  roles: readonly ToneRole[];
  /** Language of the call: picks the fast-speech rate. Default en. */
  language?: ToneLanguage;
  options?: ToneOptions;
  /** Called for every finding, as it is made (they are also returned by push/observeWords/finish). */
  onFinding?: (finding: ToneFinding) => void;
}

/** What the meter currently believes, for logs, tests and tuning. */
export interface ToneSnapshot {
  /** Per channel: ms of audio pushed, noise floor (dBFS), ms of speech seen, talking now. */
  channels: { role: ToneRole; positionMs: number; noiseFloorDb: number; speechMs: number; talking: boolean }[];
  /** The agent's baseline speech level (dBFS), NaN before any speech. */
  agentBaselineDb: number;
  /** Whether the baseline has had its warm-up. */
  baselineReady: boolean;
  /** The agent's current short-window speech level (dBFS), NaN when too little speech. */
  agentLevelDb: number;
  /** The agent's last measured rate (unit per language), NaN before enough words. */
  agentRate: number;
  /** ms up to which both channels have been compared for overtalk. */
  overtalkPositionMs: number;
}

const NO_FINDINGS: readonly ToneFinding[] = Object.freeze([]);
/** Per-frame flags of a channel kept for the overtalk comparison. */
const TALKING = 1;
const SPEECH = 2;

/** One kind's cool-down and once-per-episode bookkeeping. */
class Gate {
  private until = -Infinity;
  constructor(readonly cooldownMs: number) {}
  open(atMs: number): boolean {
    return atMs >= this.until;
  }
  fired(atMs: number): void {
    this.until = atMs + this.cooldownMs;
  }
}

class ChannelMeter {
  readonly levels: FrameLevelMeter;
  readonly activity: NoiseFloorActivity;
  readonly talk: TalkState;
  speechFrames = 0;
  /** TALKING | SPEECH flags per frame, kept until both channels have been compared (overtalk). */
  readonly talkRing: Uint8Array;

  constructor(
    readonly role: ToneRole,
    sampleRateHz: number,
    s: ToneSettings,
    ringFrames: number,
  ) {
    this.levels = new FrameLevelMeter(sampleRateHz, s.frameMs, s.highPassHz);
    this.activity = new NoiseFloorActivity(s.frameMs, s.activity);
    this.talk = new TalkState(
      Math.max(1, Math.round(s.overtalk.onsetMs / s.frameMs)),
      Math.max(0, Math.round(s.overtalk.hangoverMs / s.frameMs)),
    );
    this.talkRing = new Uint8Array(ringFrames);
  }
}

export class ToneMeter {
  readonly settings: ToneSettings;
  readonly language: ToneLanguage;
  private readonly channels: ChannelMeter[];
  private readonly agent: number;
  private readonly customer: number;
  private readonly onFinding?: (finding: ToneFinding) => void;
  /** Frame length in ms as the frames actually fall on the samples. */
  private readonly frameMs: number;
  private out: ToneFinding[] | null = null;

  // raised voice
  private readonly baseline: LevelHistogram;
  private readonly warmupFrames: number;
  private baselineDb = NaN;
  private baselineAge = 0;
  private readonly shortFrames: number;
  private readonly shortLevels: Float32Array;
  private readonly shortSpeech: Uint8Array;
  private readonly shortHist: LevelHistogram;
  private readonly minShortSpeech: number;
  private shortDb = NaN;
  private raisedStart = -1;
  private raisedLast = -1;
  private raisedEmitted = false;
  /** Sum and count of the judged excess (dB) over the current raised stretch: its mean is the measure. */
  private raisedSum = 0;
  private raisedCount = 0;
  private readonly raisedGate: Gate;

  // overtalk
  private readonly ringFrames: number;
  private readonly skewFrames: number;
  private joint = 0;
  private readonly jointTalking: [boolean, boolean] = [false, false];
  private readonly jointSince: [number, number] = [0, 0];
  private readonly lastSpeech: [number, number] = [-1, -1];
  private overlapStart = -1;
  private overlapEmitted = false;
  private readonly overtalkGate: Gate;

  // fast speech
  private readonly rate: SpeechRateWindow;
  private readonly rateUnit: RateUnit;
  private lastRate = NaN;
  private fastStart = -1;
  private fastEmitted = false;
  private readonly fastGate: Gate;

  constructor(config: ToneMeterConfig) {
    const { sampleRateHz, roles } = config;
    if (!Number.isFinite(sampleRateHz) || sampleRateHz <= 0) throw new RangeError(`bad sample rate ${sampleRateHz}`);
    if (roles.length < 1) throw new RangeError('a call has at least one channel');
    this.language = config.language ?? 'en';
    const s = (this.settings = toneSettings(this.language, config.options));
    this.onFinding = config.onFinding;
    const frameSamples = Math.max(1, Math.round((sampleRateHz * s.frameMs) / 1000));
    this.frameMs = (frameSamples * 1000) / sampleRateHz;
    const frames = (ms: number): number => Math.max(1, Math.round(ms / this.frameMs));

    this.skewFrames = frames(s.overtalk.maxSkewMs);
    this.ringFrames = this.skewFrames + 2;
    this.channels = roles.map((role) => new ChannelMeter(role, sampleRateHz, s, this.ringFrames));
    this.agent = roles.indexOf('agent');
    this.customer = roles.indexOf('customer');

    const rv = s.raisedVoice;
    this.baseline = new LevelHistogram(frames(rv.baselineWindowMs));
    this.warmupFrames = frames(rv.warmupMs);
    this.shortFrames = frames(rv.shortWindowMs);
    this.shortLevels = new Float32Array(this.shortFrames);
    this.shortSpeech = new Uint8Array(this.shortFrames);
    this.shortHist = new LevelHistogram(this.shortFrames);
    this.minShortSpeech = Math.max(1, Math.ceil(rv.minSpeechFraction * this.shortFrames));
    this.raisedGate = new Gate(rv.cooldownMs);
    this.overtalkGate = new Gate(s.overtalk.cooldownMs);

    const fs = s.fastSpeech;
    this.rateUnit = rateUnit(this.language);
    this.rate = new SpeechRateWindow(fs.windowMs, fs.pauseMs);
    this.fastGate = new Gate(fs.cooldownMs);
  }

  /** Mono 16-bit PCM of one channel, next in that channel's arrival order. */
  push(channelIndex: number, pcm: Int16Array): readonly ToneFinding[] {
    const ch = this.channels[channelIndex];
    if (!ch) throw new RangeError(`no channel ${channelIndex} (call has ${this.channels.length})`);
    this.out = null;
    const isAgent = channelIndex === this.agent;
    const overtalk = this.overtalkOn();
    ch.levels.push(pcm, (db, index) => {
      const speech = ch.activity.frame(db);
      if (speech) ch.speechFrames++;
      ch.talkRing[index % this.ringFrames] = (ch.talk.frame(speech, index) ? TALKING : 0) | (speech ? SPEECH : 0);
      if (isAgent && this.settings.raisedVoice.enabled) this.raisedFrame(db, speech, index);
      // Frame by frame, so a big chunk cannot run further ahead than the ring holds.
      if (overtalk) this.advanceOvertalk(false);
    });
    return this.take();
  }

  /** The words of a final transcript of one channel (call timeline ms). Only the agent's count. */
  observeWords(role: ToneRole, words: readonly ToneWord[]): readonly ToneFinding[] {
    if (role !== 'agent' || !this.settings.fastSpeech.enabled || words.length === 0) return NO_FINDINGS;
    this.out = null;
    const fs = this.settings.fastSpeech;
    const sorted = [...words].sort((a, b) => a.startMs - b.startMs);
    for (const w of sorted) {
      const units = countRateUnits(w.word, this.language);
      if (units === 0 || !(w.endMs >= w.startMs)) continue;
      if (!this.rate.add(w.startMs, w.endMs, units)) continue;
      const m = this.rate.measure();
      const enough = m.speechMs >= fs.minSpeechMs && m.units >= fs.minUnits;
      this.lastRate = enough ? m.rate : NaN;
      if (enough && m.rate >= fs.maxRate) {
        if (this.fastStart < 0) {
          this.fastStart = m.startMs;
          this.fastEmitted = false;
        }
        if (!this.fastEmitted && this.fastGate.open(w.endMs)) {
          this.fastEmitted = true;
          this.fastGate.fired(w.endMs);
          this.emit(this.fastFinding(this.fastStart, w.endMs, m.rate));
        }
      } else {
        this.fastStart = -1;
      }
    }
    return this.take();
  }

  /**
   * The call ended: compare what one channel has that the other never sent (as silence), so an
   * overlap at the very end is judged too. Findings still open are not extended.
   */
  finish(): readonly ToneFinding[] {
    this.out = null;
    if (this.overtalkOn()) this.advanceOvertalk(true);
    return this.take();
  }

  snapshot(): ToneSnapshot {
    const agentCh = this.agent >= 0 ? this.channels[this.agent] : undefined;
    return {
      channels: this.channels.map((c) => ({
        role: c.role,
        positionMs: c.levels.frames * this.frameMs,
        noiseFloorDb: c.activity.floorDb,
        speechMs: c.speechFrames * this.frameMs,
        talking: c.talk.talking,
      })),
      agentBaselineDb: this.baseline.size ? this.baseline.quantile(this.settings.raisedVoice.levelQuantile) : NaN,
      baselineReady: !!agentCh && agentCh.speechFrames >= this.warmupFrames,
      agentLevelDb: this.shortDb,
      agentRate: this.lastRate,
      overtalkPositionMs: this.joint * this.frameMs,
    };
  }

  // ---- raised voice ----

  private raisedFrame(db: number, speech: boolean, index: number): void {
    const rv = this.settings.raisedVoice;
    if (speech) {
      this.baseline.add(db);
      // The median over minutes moves slowly: recomputing it every half second is plenty.
      if (++this.baselineAge >= 25 || Number.isNaN(this.baselineDb)) {
        this.baselineAge = 0;
        this.baselineDb = this.baseline.quantile(rv.levelQuantile);
      }
    }
    // Short window: the speech-frame levels of the last shortWindowMs.
    const slot = index % this.shortFrames;
    if (index >= this.shortFrames && this.shortSpeech[slot] === 1) this.shortHist.dropOldest();
    this.shortSpeech[slot] = speech ? 1 : 0;
    this.shortLevels[slot] = db;
    if (speech) this.shortHist.add(db);
    this.shortDb = this.shortHist.size >= this.minShortSpeech ? this.shortHist.quantile(rv.levelQuantile) : NaN;

    const ready = this.channels[this.agent]!.speechFrames >= this.warmupFrames;
    const endMs = (index + 1) * this.frameMs;
    const excess = this.shortDb - this.baselineDb;
    if (ready && excess >= rv.thresholdDb) {
      if (this.raisedStart < 0) {
        this.raisedStart = this.firstLoudFrameMs(index, this.baselineDb + rv.thresholdDb);
        this.raisedEmitted = false;
        this.raisedSum = 0;
        this.raisedCount = 0;
      }
      this.raisedLast = endMs;
      this.raisedSum += excess;
      this.raisedCount++;
    } else if (this.raisedStart >= 0 && (endMs - this.raisedLast > rv.maxGapMs || (!Number.isNaN(excess) && excess < rv.thresholdDb))) {
      // Ended: too long without enough speech to judge, or judged and no longer raised.
      this.raisedStart = -1;
    }
    if (
      this.raisedStart >= 0 &&
      !this.raisedEmitted &&
      this.raisedLast === endMs &&
      endMs - this.raisedStart >= rv.minDurationMs &&
      this.raisedGate.open(endMs)
    ) {
      this.raisedEmitted = true;
      this.raisedGate.fired(endMs);
      this.emit(this.raisedFinding(this.raisedStart, endMs, this.raisedSum / this.raisedCount));
    }
  }

  /** Where the loud stretch began: the earliest speech frame in the short window above `levelDb`. */
  private firstLoudFrameMs(index: number, levelDb: number): number {
    const n = Math.min(this.shortFrames, index + 1);
    for (let k = index - n + 1; k <= index; k++) {
      const slot = k % this.shortFrames;
      if (this.shortSpeech[slot] === 1 && this.shortLevels[slot]! >= levelDb) return k * this.frameMs;
    }
    return index * this.frameMs;
  }

  // ---- overtalk ----

  private overtalkOn(): boolean {
    return this.settings.overtalk.enabled && this.agent >= 0 && this.customer >= 0;
  }

  /** Compare the two channels frame by frame as far as both have audio (or, past the skew limit / at the end, one has). */
  private advanceOvertalk(final: boolean): void {
    const a = this.channels[this.agent]!;
    const c = this.channels[this.customer]!;
    const both = Math.min(a.levels.frames, c.levels.frames);
    const ahead = Math.max(a.levels.frames, c.levels.frames);
    const until = final ? ahead : Math.max(both, ahead - this.skewFrames);
    const ot = this.settings.overtalk;
    const onset = a.talk.onsetFrames - 1;
    for (; this.joint < until; this.joint++) {
      const j = this.joint;
      const av = j < a.levels.frames ? a.talkRing[j % this.ringFrames]! : 0;
      const cv = j < c.levels.frames ? c.talkRing[j % this.ringFrames]! : 0;
      const agentTalking = (av & TALKING) !== 0;
      const customerTalking = (cv & TALKING) !== 0;
      // Talking is confirmed `onset` frames after it began: date it back.
      if (agentTalking && !this.jointTalking[0]) this.jointSince[0] = j - onset;
      if (customerTalking && !this.jointTalking[1]) this.jointSince[1] = j - onset;
      this.jointTalking[0] = agentTalking;
      this.jointTalking[1] = customerTalking;
      if (av & SPEECH) this.lastSpeech[0] = j;
      if (cv & SPEECH) this.lastSpeech[1] = j;
      if (agentTalking && customerTalking) {
        if (this.overlapStart < 0) {
          this.overlapStart = Math.max(this.jointSince[0], this.jointSince[1]);
          this.overlapEmitted = false;
        }
        // The overlap runs from the later start to the last frame both were actually speaking:
        // the hangover that bridges pauses between words is not counted at the end.
        const lastBoth = Math.min(this.lastSpeech[0], this.lastSpeech[1]);
        const overlapMs = (lastBoth + 1 - this.overlapStart) * this.frameMs;
        const nowMs = (j + 1) * this.frameMs;
        if (!this.overlapEmitted && overlapMs >= ot.minOverlapMs && this.overtalkGate.open(nowMs)) {
          this.overlapEmitted = true;
          this.overtalkGate.fired(nowMs);
          const agentCutIn = this.jointSince[0] > this.jointSince[1];
          this.emit(this.overtalkFinding(this.overlapStart * this.frameMs, (lastBoth + 1) * this.frameMs, Math.round(overlapMs), agentCutIn));
        }
      } else {
        this.overlapStart = -1;
      }
    }
  }

  // ---- findings ----

  private emit(f: ToneFinding): void {
    (this.out ??= []).push(f);
    this.onFinding?.(f);
  }

  private take(): readonly ToneFinding[] {
    const out = this.out;
    this.out = null;
    return out ?? NO_FINDINGS;
  }

  private raisedFinding(startMs: number, endMs: number, excessDb: number): ToneFinding {
    const db = Math.round(excessDb * 10) / 10;
    return {
      kind: 'raised_voice',
      channel: 'agent',
      startMs: Math.round(startMs),
      endMs: Math.round(endMs),
      measure: db,
      unit: 'dB',
      threshold: this.settings.raisedVoice.thresholdDb,
      explanation: `Your voice is much louder than your usual level (+${Math.round(db)} dB) — lower it`,
      suggestion: 'Speak at your normal level and take a breath; a calm voice keeps the customer listening.',
    };
  }

  private overtalkFinding(startMs: number, endMs: number, overlapMs: number, agentCutIn: boolean): ToneFinding {
    const seconds = (overlapMs / 1000).toFixed(1);
    return {
      kind: 'overtalk',
      channel: 'agent',
      startMs: Math.round(startMs),
      endMs: Math.round(endMs),
      measure: overlapMs,
      unit: 'ms',
      threshold: this.settings.overtalk.minOverlapMs,
      explanation: agentCutIn
        ? `You started talking while the customer was speaking (${seconds} s over them)`
        : `You kept talking while the customer was trying to speak (${seconds} s over them)`,
      suggestion: 'Stop, let the customer finish, then answer what they said.',
    };
  }

  private fastFinding(startMs: number, endMs: number, rate: number): ToneFinding {
    const r = Math.round(rate * 10) / 10;
    const what = this.rateUnit === 'chars/s' ? 'characters' : 'words';
    return {
      kind: 'fast_speech',
      channel: 'agent',
      startMs: Math.round(startMs),
      endMs: Math.round(endMs),
      measure: r,
      unit: this.rateUnit,
      threshold: this.settings.fastSpeech.maxRate,
      explanation: `You are speaking very fast (${r} ${what} a second) — the customer may not follow`,
      suggestion: 'Slow down and pause between sentences, above all when reading disclosures and amounts.',
    };
  }
}
