/**
 * Cuts each alert's audio clip out of the call's recent audio once the post-roll has arrived
 * (or the call ended), both channels side by side. Holds a fixed window per channel, sized for
 * the pre-roll, the longest utterance, the post-roll and how far the recogniser may lag.
 */
import { PcmRingBuffer } from '../audio/ring-buffer.js';
import { buildClip, clipReadyAtMs, type ClipAudio, type ClipOptions } from '../store/clip.js';

/** Longest utterance (the endpointer's cap) plus the recogniser's backlog bound, with margin. */
const SPAN_AND_LAG_MS = 15_000 + 30_000 + 5_000;

interface PendingClip {
  alertId: string;
  startMs: number;
  endMs: number;
  readyAtMs: number;
}

export class ClipCapture {
  private readonly buffers: PcmRingBuffer[];
  private pending: PendingClip[] = [];

  constructor(
    sampleRateHz: number,
    channels: number,
    private readonly options: Required<ClipOptions>,
    private readonly save: (alertId: string, clip: ClipAudio) => void,
  ) {
    const capacityMs = options.preRollMs + options.postRollMs + SPAN_AND_LAG_MS;
    this.buffers = Array.from({ length: channels }, () => new PcmRingBuffer(sampleRateHz, capacityMs));
  }

  audio(channel: number, pcm: Int16Array): void {
    const buffer = this.buffers[channel];
    if (!buffer) return;
    buffer.push(pcm);
    if (this.pending.length) this.cutReady(false);
  }

  /** Cut the clip of [startMs, endMs] once the audio after it (post-roll) is in. */
  request(alertId: string, startMs: number, endMs: number): void {
    this.pending.push({ alertId, startMs, endMs, readyAtMs: clipReadyAtMs(endMs, this.options) });
    this.cutReady(false);
  }

  /** A retracted alert needs no clip. */
  cancel(alertId: string): void {
    this.pending = this.pending.filter((p) => p.alertId !== alertId);
  }

  /** The call ended: cut what is pending with the audio there is. */
  flush(): void {
    this.cutReady(true);
  }

  private cutReady(all: boolean): void {
    const heardMs = Math.min(...this.buffers.map((b) => b.endMs));
    const keep: PendingClip[] = [];
    for (const p of this.pending) {
      if (!all && p.readyAtMs > heardMs) {
        keep.push(p);
        continue;
      }
      const clip = buildClip(this.buffers, p.startMs, p.endMs, this.options);
      if (clip) this.save(p.alertId, clip);
    }
    this.pending = keep;
  }
}
