/**
 * The last N seconds of one channel's 16-bit PCM, addressed by position on the call's audio
 * timeline, so an alert's [startMs, endMs] can be cut out with pre- and post-roll after the
 * fact. Memory is fixed at construction (capacity samples × 2 bytes) however long the call runs.
 */

/** Anything clips can be cut from: a window of samples on the call timeline. */
export interface PcmSource {
  readonly sampleRateHz: number;
  /** Timeline index (in samples) of the oldest sample still held. */
  readonly oldestSample: number;
  /** Timeline index one past the newest sample. */
  readonly endSample: number;
  /** Samples in [fromSample, toSample) ∩ what is held; `startSample` is where they begin. */
  read(fromSample: number, toSample: number): { startSample: number; samples: Int16Array };
}

export function msToSamples(ms: number, sampleRateHz: number): number {
  return Math.round((ms * sampleRateHz) / 1000);
}

export function samplesToMs(samples: number, sampleRateHz: number): number {
  return (samples * 1000) / sampleRateHz;
}

export class PcmRingBuffer implements PcmSource {
  readonly capacity: number;
  private readonly buf: Int16Array;
  /** Samples ever pushed. */
  private written = 0;
  private readonly firstSample: number;

  /**
   * @param sampleRateHz the channel's rate
   * @param capacityMs how much audio to keep (the longest clip: pre-roll + flagged span + post-roll)
   * @param startMs where on the call timeline this channel's first sample lies (0 for most calls)
   */
  constructor(
    readonly sampleRateHz: number,
    capacityMs: number,
    startMs = 0,
  ) {
    if (!(sampleRateHz > 0) || !(capacityMs > 0)) throw new RangeError('sample rate and capacity must be positive');
    this.capacity = Math.max(1, msToSamples(capacityMs, sampleRateHz));
    this.buf = new Int16Array(this.capacity);
    this.firstSample = msToSamples(startMs, sampleRateHz);
  }

  get endSample(): number {
    return this.firstSample + this.written;
  }

  get oldestSample(): number {
    return this.endSample - Math.min(this.written, this.capacity);
  }

  /** Timeline position (ms) just after the newest sample. */
  get endMs(): number {
    return samplesToMs(this.endSample, this.sampleRateHz);
  }

  get oldestMs(): number {
    return samplesToMs(this.oldestSample, this.sampleRateHz);
  }

  push(samples: Int16Array): void {
    let src = samples;
    if (src.length > this.capacity) {
      // Only the tail survives; skip the rest but count it on the timeline.
      this.written += src.length - this.capacity;
      src = src.subarray(src.length - this.capacity);
    }
    const at = this.written % this.capacity;
    const first = Math.min(src.length, this.capacity - at);
    this.buf.set(src.subarray(0, first), at);
    if (first < src.length) this.buf.set(src.subarray(first), 0);
    this.written += src.length;
  }

  /** Advances the timeline with silence (a gap in the stream), keeping later audio aligned. */
  pushSilence(count: number): void {
    let left = Math.max(0, Math.floor(count));
    const zeros = new Int16Array(Math.min(left, this.capacity));
    while (left > 0) {
      const n = Math.min(left, zeros.length);
      this.push(zeros.subarray(0, n));
      left -= n;
    }
  }

  read(fromSample: number, toSample: number): { startSample: number; samples: Int16Array } {
    const from = Math.max(Math.floor(fromSample), this.oldestSample);
    const to = Math.min(Math.ceil(toSample), this.endSample);
    if (to <= from) return { startSample: from, samples: new Int16Array(0) };
    const out = new Int16Array(to - from);
    const offset = from - this.firstSample;
    const at = offset % this.capacity;
    const first = Math.min(out.length, this.capacity - at);
    out.set(this.buf.subarray(at, at + first), 0);
    if (first < out.length) out.set(this.buf.subarray(0, out.length - first), first);
    return { startSample: from, samples: out };
  }

  readMs(fromMs: number, toMs: number): { startMs: number; samples: Int16Array } {
    const r = this.read(msToSamples(fromMs, this.sampleRateHz), msToSamples(toMs, this.sampleRateHz));
    return { startMs: samplesToMs(r.startSample, this.sampleRateHz), samples: r.samples };
  }
}

/** A fixed array of samples as a PcmSource (tests, recordings already in memory). */
export function pcmSource(samples: Int16Array, sampleRateHz: number, startMs = 0): PcmSource {
  const first = msToSamples(startMs, sampleRateHz);
  return {
    sampleRateHz,
    oldestSample: first,
    endSample: first + samples.length,
    read(fromSample, toSample) {
      const from = Math.max(Math.floor(fromSample), first);
      const to = Math.min(Math.ceil(toSample), first + samples.length);
      if (to <= from) return { startSample: from, samples: new Int16Array(0) };
      return { startSample: from, samples: samples.slice(from - first, to - first) };
    },
  };
}
