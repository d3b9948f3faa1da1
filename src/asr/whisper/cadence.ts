/**
 * How often one stream's open utterance is re-decoded. Every decode costs the same fixed part
 * (encoder over 30 s of frames) however little audio is new, so the step is in speech: a partial
 * decode is due once `stride` of new speech has come in. When decodes start late (the worker is
 * busy with other streams), the stride grows, so the stream asks for fewer decodes; when they
 * start on time again it shrinks back. The stream is "behind" while its stride is above the base:
 * it says so (asr.lag) rather than queueing work without end.
 */
export class DecodeCadence {
  private stride: number;
  private onTimeRun = 0;

  constructor(
    readonly baseMs: number,
    readonly maxMs: number,
  ) {
    this.stride = baseMs;
  }

  get strideMs(): number {
    return this.stride;
  }

  get behind(): boolean {
    return this.stride > this.baseMs;
  }

  /** A partial decode is due once this much speech has come in since the last one. */
  isDue(newSpeechMs: number): boolean {
    return newSpeechMs >= this.stride;
  }

  /**
   * A partial decode starts with `newSpeechMs` of speech not decoded yet; anything beyond the
   * stride is how late it starts. Late by a whole stride: double it (up to the maximum). On time
   * (late by under a quarter) three times running: shrink it by a quarter (down to the base).
   */
  started(newSpeechMs: number): void {
    const late = newSpeechMs - this.stride;
    if (late >= this.stride) {
      this.stride = Math.min(this.maxMs, this.stride * 2);
      this.onTimeRun = 0;
    } else if (late < this.stride / 4) {
      if (++this.onTimeRun >= 3) {
        this.stride = Math.max(this.baseMs, Math.round(this.stride * 0.75));
        this.onTimeRun = 0;
      }
    } else this.onTimeRun = 0;
  }
}
