/**
 * Full-call recording (off by default; EARSHOT_RECORD_CALLS=1): hears each call's channels as
 * they arrive, interleaves them frame by frame and streams them into the call's WAV file.
 * Channels arrive separately (Twilio sends each track on its own), so the one ahead waits for
 * the other, up to MAX_SKEW_MS; beyond that the silent one is filled with silence.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { AudioTap, AudioTapFactory, CallInfo } from '../ingest/call-session.js';
import { CallRecorder } from '../store/recorder.js';
import type { Store } from '../store/index.js';

const MAX_SKEW_MS = 10_000;

class Interleaver {
  private readonly queues: Int16Array[][];
  private readonly queued: number[];

  constructor(
    private readonly channels: number,
    private readonly maxSkew: number,
  ) {
    this.queues = Array.from({ length: channels }, () => []);
    this.queued = new Array<number>(channels).fill(0);
  }

  push(channel: number, pcm: Int16Array): Int16Array | null {
    if (channel >= this.channels) return null;
    this.queues[channel]!.push(pcm.slice());
    this.queued[channel]! += pcm.length;
    const ahead = Math.max(...this.queued);
    // A channel gone quiet (no frames at all) must not hold the others' audio forever.
    const frames = ahead - Math.min(...this.queued) > this.maxSkew ? ahead - this.maxSkew : Math.min(...this.queued);
    return frames > 0 ? this.take(frames) : null;
  }

  /** Whatever is left, the shorter channels padded with silence. */
  drain(): Int16Array | null {
    const frames = Math.max(...this.queued);
    return frames > 0 ? this.take(frames) : null;
  }

  private take(frames: number): Int16Array {
    const out = new Int16Array(frames * this.channels);
    for (let ch = 0; ch < this.channels; ch++) {
      const queue = this.queues[ch]!;
      let at = 0;
      while (at < frames && queue.length) {
        const head = queue[0]!;
        const n = Math.min(head.length, frames - at);
        for (let i = 0; i < n; i++) out[(at + i) * this.channels + ch] = head[i]!;
        at += n;
        if (n === head.length) queue.shift();
        else queue[0] = head.subarray(n);
      }
      this.queued[ch] = Math.max(0, this.queued[ch]! - frames);
    }
    return out;
  }
}

export class RecordingTaps implements AudioTapFactory {
  /**
   * @param after runs a store write after the call's writes already queued (the archive's
   * chain): the recording is linked to a call row that must exist first.
   */
  constructor(
    private readonly store: Store,
    private readonly after: (callId: string, write: () => Promise<unknown>) => void,
    private readonly log: FastifyBaseLogger,
  ) {}

  open(info: CallInfo): AudioTap {
    const channels = info.roles.length;
    const interleaver = new Interleaver(channels, Math.round((MAX_SKEW_MS * info.sampleRateHz) / 1000));
    // Opened once call.started (published right after the taps open) has queued the call's row.
    const recorder = new Promise<CallRecorder>((resolve, reject) =>
      queueMicrotask(() =>
        this.after(info.callId, () =>
          CallRecorder.open(this.store, info.callId, { sampleRate: info.sampleRateHz, channels }).then(resolve, reject),
        ),
      ),
    );
    const fail = (err: unknown): void => this.log.error({ err, callId: info.callId }, 'call recording failed');
    let chain: Promise<unknown> = recorder.catch(fail);
    const write = (frames: Int16Array | null): void => {
      if (!frames) return;
      chain = chain.then(async () => (await recorder).write(frames)).catch(fail);
    };
    return {
      audio: (channel, pcm) => write(interleaver.push(channel, pcm)),
      end: async () => {
        write(interleaver.drain());
        await chain;
        try {
          await (await recorder).close();
        } catch (err) {
          fail(err);
        }
      },
    };
  }
}
