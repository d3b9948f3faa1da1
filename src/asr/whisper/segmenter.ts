import type { SileroModel } from '../../audio/vad.js';
import { DEFAULT_ENDPOINTER, Endpointer, type EndpointerSettings } from '../endpointer.js';
import type { UtteranceDecoder, WordTiming } from '../engine.js';

/** One utterance's audio, at the segmenter's rate, and where it sits on the channel's timeline. */
export interface Utterance {
  /** First sample, counted from the channel's first sample. */
  readonly startSample: number;
  /** The audio so far (a view: copy what must outlive the next push). */
  readonly audio: Int16Array;
  /** Closed by the endpointer (silence, length limit, end of audio). */
  readonly closed: boolean;
}

/**
 * Cuts a channel into utterances with the same endpointer every engine uses (Silero VAD,
 * pre-roll, hysteresis, end silence, length limit), for engines that decode whole windows.
 * The endpointer drives an utterance decoder; here that "decoder" only records the audio it is
 * fed. The endpointer feeds every VAD window of an open utterance as soon as it has its
 * probability, so the open utterance's last sample is always the VAD's position: its first sample
 * is that position less what it holds.
 */
export class UtteranceSegmenter {
  private readonly recorder = new UtteranceRecorder();
  private readonly endpointer: Endpointer;
  /** Samples the VAD has scored, plus audio passed over without it (end of audio, drops). */
  private position = 0;
  private pushed = 0;
  private closedQueue: Utterance[] = [];

  constructor(
    vad: SileroModel,
    readonly sampleRateHz: 8000 | 16000,
    settings: Partial<EndpointerSettings> = {},
  ) {
    const stream = vad.createStream(sampleRateHz);
    const score = stream.probability.bind(stream);
    // Count what the VAD scores: that is the endpointer's position (it keeps it to itself).
    stream.probability = (window: Int16Array): Promise<number> => {
      this.position += window.length;
      return score(window);
    };
    this.recorder.sampleRateHz = sampleRateHz;
    this.recorder.onClose = (audio) => this.closedQueue.push({ startSample: this.position - audio.length, audio, closed: true });
    this.endpointer = new Endpointer(this.recorder, stream, {
      ...DEFAULT_ENDPOINTER,
      // The recorder keeps every sample of the utterance (Whisper decodes it whole, times included).
      decodeSilenceMs: Number.POSITIVE_INFINITY,
      ...settings,
    });
  }

  /** Feed mono PCM at sampleRateHz. */
  async push(pcm: Int16Array): Promise<void> {
    this.pushed += pcm.length;
    await this.endpointer.push(pcm);
  }

  /** End of audio: the open utterance (if any) closes with what is left. */
  finish(): void {
    this.position = this.pushed; // the endpointer feeds its unscored remainder before closing
    this.endpointer.finish();
  }

  /** Audio dropped upstream: close the open utterance and move the timeline on. */
  skip(samples: number): void {
    this.finish();
    this.endpointer.advance(samples);
    this.pushed += samples;
    this.position = this.pushed;
  }

  /** The utterance still open, if any. */
  get open(): Utterance | undefined {
    const audio = this.recorder.current();
    if (!audio) return undefined;
    return { startSample: this.position - audio.length, audio, closed: false };
  }

  /** Utterances closed since the last call, in order. */
  takeClosed(): Utterance[] {
    const out = this.closedQueue;
    this.closedQueue = [];
    return out;
  }
}

/** An UtteranceDecoder that decodes nothing: it keeps each utterance's audio for a window engine. */
class UtteranceRecorder implements UtteranceDecoder {
  sampleRateHz = 16000;
  onClose: (audio: Int16Array) => void = () => undefined;
  private buffer = new Int16Array(16000 * 4);
  private length = 0;
  private recording = false;

  current(): Int16Array | undefined {
    return this.recording ? this.buffer.subarray(0, this.length) : undefined;
  }

  begin(): void {
    this.recording = true;
    this.length = 0;
  }

  process(pcm: Int16Array): void {
    if (!this.recording) return;
    if (this.length + pcm.length > this.buffer.length) {
      const grown = new Int16Array(Math.max(this.buffer.length * 2, this.length + pcm.length));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    this.buffer.set(pcm, this.length);
    this.length += pcm.length;
  }

  partialText(): string {
    return ''; // no partials from the endpointer: the window engine makes its own
  }

  end(): WordTiming[] {
    if (this.recording) this.onClose(this.buffer.slice(0, this.length));
    this.recording = false;
    this.length = 0;
    return []; // no words, no partial: the endpointer emits nothing for this utterance
  }

  reset(): void {
    this.recording = false;
    this.length = 0;
  }

  close(): void {
    this.reset();
  }
}
