/**
 * Frame levels and speech activity for the tone meter: cheap enough to run on the main thread for
 * every channel of every call (a one-pole filter and a sum of squares per sample, a few dozen
 * operations per 20 ms frame).
 */

/** Lowest level reported, in dBFS (digital silence). */
export const MIN_LEVEL_DB = -100;
/** dB of full scale for a mean square of 16-bit samples: 20·log10(32768). */
const FULL_SCALE_DB = 20 * Math.log10(32768);

/**
 * Cuts one channel's PCM into fixed frames on that channel's own timeline (frame k covers samples
 * [k·frameSamples, (k+1)·frameSamples)), whatever the chunk sizes it arrives in, and gives each
 * frame's level in dBFS after a one-pole high-pass (default 200 Hz: removes DC, hum and breath
 * thumps and leans the level towards the mid frequencies the ear weights most, a crude A-weighting
 * low end; telephone audio has nothing below 300 Hz anyway).
 */
export class FrameLevelMeter {
  readonly frameSamples: number;
  /** Frames completed so far. */
  frames = 0;
  private readonly a: number;
  private prevX = 0;
  private prevY = 0;
  private sumSq = 0;
  private inFrame = 0;

  constructor(
    readonly sampleRateHz: number,
    frameMs = 20,
    highPassHz = 200,
  ) {
    if (!(sampleRateHz > 0)) throw new RangeError(`sample rate must be positive, got ${sampleRateHz}`);
    this.frameSamples = Math.max(1, Math.round((sampleRateHz * frameMs) / 1000));
    const rc = 1 / (2 * Math.PI * Math.max(1, highPassHz));
    const dt = 1 / sampleRateHz;
    this.a = rc / (rc + dt);
  }

  /** Milliseconds on the channel's timeline at which frame `index` starts. */
  frameStartMs(index: number): number {
    return (index * this.frameSamples * 1000) / this.sampleRateHz;
  }

  /** Feed samples; `onFrame(levelDb, frameIndex)` is called for every frame completed. */
  push(pcm: Int16Array, onFrame: (levelDb: number, frameIndex: number) => void): void {
    const a = this.a;
    const n = this.frameSamples;
    let prevX = this.prevX;
    let prevY = this.prevY;
    let sumSq = this.sumSq;
    let inFrame = this.inFrame;
    for (let i = 0; i < pcm.length; i++) {
      const x = pcm[i]!;
      const y = a * (prevY + x - prevX);
      prevX = x;
      prevY = y;
      sumSq += y * y;
      if (++inFrame === n) {
        const meanSq = sumSq / n;
        const db = meanSq > 0 ? 10 * Math.log10(meanSq) - FULL_SCALE_DB : MIN_LEVEL_DB;
        // Keep the state in the object while the callback runs (it may read `frames`).
        this.prevX = prevX;
        this.prevY = prevY;
        this.sumSq = 0;
        this.inFrame = 0;
        sumSq = 0;
        inFrame = 0;
        onFrame(db < MIN_LEVEL_DB ? MIN_LEVEL_DB : db, this.frames++);
      }
    }
    this.prevX = prevX;
    this.prevY = prevY;
    this.sumSq = sumSq;
    this.inFrame = inFrame;
  }
}

/**
 * A histogram of levels in fixed dB bins over a sliding count of entries (the oldest is dropped
 * when full), for running quantiles in O(bins) without sorting. Bins are `binDb` wide from
 * MIN_LEVEL_DB to 0 dBFS.
 */
export class LevelHistogram {
  private readonly counts: Uint32Array;
  private readonly ring: Uint16Array;
  private head = 0;
  size = 0;

  constructor(
    readonly capacity: number,
    readonly binDb = 0.5,
  ) {
    this.counts = new Uint32Array(Math.ceil(-MIN_LEVEL_DB / binDb) + 1);
    this.ring = new Uint16Array(Math.max(1, capacity));
  }

  private bin(db: number): number {
    const b = Math.floor((db - MIN_LEVEL_DB) / this.binDb);
    return b < 0 ? 0 : b >= this.counts.length ? this.counts.length - 1 : b;
  }

  add(db: number): void {
    const b = this.bin(db);
    if (this.size === this.ring.length) {
      const old = this.ring[this.head]!;
      this.counts[old]!--;
    } else {
      this.size++;
    }
    this.ring[this.head] = b;
    this.counts[b]!++;
    this.head = (this.head + 1) % this.ring.length;
  }

  /** Remove the oldest entry (for windows that shrink as well as grow). */
  dropOldest(): void {
    if (this.size === 0) return;
    const tail = (this.head - this.size + this.ring.length) % this.ring.length;
    this.counts[this.ring[tail]!]!--;
    this.size--;
  }

  /** The level below which a fraction `q` of the entries lie (bin centre), or NaN when empty. */
  quantile(q: number): number {
    if (this.size === 0) return NaN;
    const target = Math.min(this.size - 1, Math.max(0, Math.floor(q * this.size)));
    let seen = 0;
    for (let b = 0; b < this.counts.length; b++) {
      seen += this.counts[b]!;
      if (seen > target) return MIN_LEVEL_DB + (b + 0.5) * this.binDb;
    }
    return 0;
  }

  clear(): void {
    this.counts.fill(0);
    this.head = 0;
    this.size = 0;
  }
}

export interface ActivitySettings {
  /** A frame is speech when its level is this far above the noise floor. */
  marginDb: number;
  /** ... and above this absolute level (idle codec noise, digital near-silence). */
  minLevelDb: number;
  /** The noise floor is the lowest frame level over this long (minimum statistics). */
  floorWindowMs: number;
  /** Frames below this are digital silence (muted line, zero padding): never speech, and left out
   *  of the floor so that a muted start does not pin the floor far below the line's real noise. */
  silenceBelowDb: number;
  /** A stretch of `stationaryMs` whose (60 ms smoothed) level stays within `stationaryRangeDb` is
   *  noise: the floor jumps up to it at once. */
  stationaryRangeDb: number;
  stationaryMs: number;
}

export const DEFAULT_ACTIVITY: ActivitySettings = {
  marginDb: 10,
  minLevelDb: -70,
  floorWindowMs: 4000,
  silenceBelowDb: -90,
  stationaryRangeDb: 6,
  stationaryMs: 400,
};

/**
 * Energy speech-activity detection against an adaptive noise floor. The floor is the minimum frame
 * level over the last few seconds (kept as minima of half-second blocks): speech always has gaps
 * between words that fall to the floor within that long, so the floor does not climb onto speech,
 * yet it follows a change of background noise or line gain within `floorWindowMs`.
 */
export class NoiseFloorActivity {
  private readonly blockFrames: number;
  private readonly blockMins: Float64Array;
  private blocksFilled = 0;
  private blockHead = 0;
  private blockMin = Infinity;
  /** Smoothed levels of the last stationaryMs (ring). */
  private readonly recent: Float64Array;
  private recentHead = 0;
  private recentFilled = 0;
  private inBlock = 0;
  private p0 = NaN;
  private p1 = NaN;
  private p2 = NaN;
  /** Current noise-floor estimate in dBFS (NaN before the first frame). */
  floorDb = NaN;

  constructor(
    frameMs: number,
    readonly settings: ActivitySettings = DEFAULT_ACTIVITY,
  ) {
    this.blockFrames = Math.max(1, Math.round(500 / frameMs));
    this.blockMins = new Float64Array(Math.max(1, Math.round(settings.floorWindowMs / 500)));
    this.recent = new Float64Array(Math.max(2, Math.round(settings.stationaryMs / frameMs)));
  }

  /** Update with one frame's level; true when the frame is speech. */
  frame(levelDb: number): boolean {
    const silent = levelDb < this.settings.silenceBelowDb;
    // The floor follows the level averaged over three frames (60 ms): one odd frame (a fade-in,
    // a codec start-up, a dropout) must not pin it for the whole window.
    const power = silent ? NaN : 10 ** (levelDb / 10);
    this.p2 = this.p1;
    this.p1 = this.p0;
    this.p0 = power;
    const smooth = (this.p0 + this.p1 + this.p2) / 3;
    if (smooth > 0) {
      const smoothDb = 10 * Math.log10(smooth);
      if (smoothDb < this.blockMin) this.blockMin = smoothDb;
      this.recent[this.recentHead] = smoothDb;
      this.recentHead = (this.recentHead + 1) % this.recent.length;
      if (this.recentFilled < this.recent.length) this.recentFilled++;
      if (this.recentFilled === this.recent.length) {
        let lo = Infinity;
        let hi = -Infinity;
        for (let i = 0; i < this.recent.length; i++) {
          const v = this.recent[i]!;
          if (v < lo) lo = v;
          if (v > hi) hi = v;
        }
        if (hi - lo < this.settings.stationaryRangeDb) {
          // A stretch that hardly moves is noise, not speech (which rises and falls by tens of dB
          // from syllable to syllable): the floor is at least this high now. Without this a muted
          // or idle start would hold the floor below the line's real noise for a whole window.
          // (A held vowel can pass for noise too: the next pause between words brings the floor back.)
          for (let i = 0; i < this.blocksFilled; i++) if (this.blockMins[i]! < lo) this.blockMins[i] = lo;
          if (this.blockMin < lo) this.blockMin = lo;
        }
      }
    } else {
      this.recentFilled = 0;
    }
    if (++this.inBlock === this.blockFrames) {
      this.blockMins[this.blockHead] = this.blockMin;
      this.blockHead = (this.blockHead + 1) % this.blockMins.length;
      if (this.blocksFilled < this.blockMins.length) this.blocksFilled++;
      this.blockMin = Infinity;
      this.inBlock = 0;
    }
    let floor = this.blockMin;
    for (let i = 0; i < this.blocksFilled; i++) if (this.blockMins[i]! < floor) floor = this.blockMins[i]!;
    if (floor !== Infinity) this.floorDb = floor;
    if (silent || !(floor < Infinity)) return false;
    return levelDb >= floor + this.settings.marginDb && levelDb >= this.settings.minLevelDb;
  }
}

/**
 * Turns per-frame speech activity into "talking" stretches: talking starts after `onsetFrames`
 * speech frames in a row (a click or a door is not talking) and goes on through gaps shorter than
 * `hangoverFrames` (the pauses between words and syllables).
 */
export class TalkState {
  talking = false;
  /** Frame index at which the current (or last) talking stretch started. */
  startFrame = -1;
  private run = 0;
  private sinceSpeech = Infinity;

  constructor(
    readonly onsetFrames: number,
    readonly hangoverFrames: number,
  ) {}

  frame(speech: boolean, index: number): boolean {
    if (speech) {
      this.run++;
      this.sinceSpeech = 0;
      if (!this.talking && this.run >= this.onsetFrames) {
        this.talking = true;
        this.startFrame = index - this.run + 1;
      }
    } else {
      this.run = 0;
      this.sinceSpeech++;
      if (this.talking && this.sinceSpeech > this.hangoverFrames) this.talking = false;
    }
    return this.talking;
  }
}
