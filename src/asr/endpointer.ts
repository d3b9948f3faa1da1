import type { SileroStream } from '../audio/vad.js';
import type { Hypothesis, UtteranceDecoder } from './engine.js';

export interface EndpointerSettings {
  /** Speech probability at or above which a window counts as speech. */
  speechThreshold: number;
  /** Probability below which a window counts as silence while in speech (hysteresis). */
  silenceThreshold: number;
  /** Speech needed to open an utterance. */
  startSpeechMs: number;
  /** Audio kept before the trigger and fed to the decoder, so onsets are not clipped. */
  preRollMs: number;
  /** Silence that closes an utterance (the endpoint: a final is emitted). */
  endSilenceMs: number;
  /** Longest utterance before a final is forced; bounds latency of finals and decoder memory. */
  maxUtteranceMs: number;
  /** Partial hypotheses at least this often, in ms of audio, while speech goes on. */
  partialEveryMs: number;
  /**
   * Silence fed to the decoder before the endpoint; the rest of the endpoint wait is held back and
   * only decoded if speech resumes (decoding silence that ends the utterance anyway is wasted CPU).
   */
  decodeSilenceMs: number;
}

export const DEFAULT_ENDPOINTER: EndpointerSettings = {
  speechThreshold: 0.5,
  silenceThreshold: 0.35,
  startSpeechMs: 64,
  preRollMs: 320,
  endSilenceMs: 480,
  maxUtteranceMs: 15_000,
  partialEveryMs: 160,
  decodeSilenceMs: 200,
};

/** A hypothesis plus how far into the channel's audio the recogniser had read when it was made. */
export interface TimedHypothesis extends Hypothesis {
  /** Audio consumed when this hypothesis was produced, ms on the call timeline. */
  decodedToMs: number;
}

/**
 * Voice-activity endpointing around an utterance decoder, for one channel: speech opens an
 * utterance (with pre-roll), silence closes it with a final, partials come in between.
 * Times are on the channel's audio timeline, counted in samples at the decoder's rate.
 */
export class Endpointer {
  private readonly rate: number;
  private readonly window: number;
  private pending = new Int16Array(0);
  /** Samples (at the decoder rate) consumed by the VAD so far. */
  private position = 0;
  private preRoll: Int16Array[] = [];
  private preRollSamples = 0;
  private speechRun = 0;
  private silenceRun = 0;
  private inSpeech = false;
  private utteranceStart = 0;
  private sincePartial = 0;
  private lastPartial = '';
  /** Silence windows inside the utterance not yet decoded (see decodeSilenceMs). */
  private heldSilence: Int16Array[] = [];
  /** Set by the scheduler when this channel is behind real time: partials are skipped, finals kept. */
  skipPartials = false;

  constructor(
    private readonly decoder: UtteranceDecoder,
    private readonly vad: SileroStream,
    private readonly settings: EndpointerSettings = DEFAULT_ENDPOINTER,
    /** Where this channel's audio starts on the call timeline (ms). */
    private readonly offsetMs = 0,
  ) {
    this.rate = decoder.sampleRateHz;
    this.window = vad.windowSamples;
  }

  private ms(samples: number): number {
    return this.offsetMs + (samples * 1000) / this.rate;
  }

  /** Feed mono PCM at the decoder's rate; returns the hypotheses it completed. */
  async push(pcm: Int16Array): Promise<TimedHypothesis[]> {
    const buf = new Int16Array(this.pending.length + pcm.length);
    buf.set(this.pending);
    buf.set(pcm, this.pending.length);
    const out: TimedHypothesis[] = [];
    let off = 0;
    for (; off + this.window <= buf.length; off += this.window) {
      const w = buf.subarray(off, off + this.window);
      const p = await this.vad.probability(w);
      this.step(w, p, out);
    }
    this.pending = buf.slice(off);
    return out;
  }

  /** End of audio: decode what is left and close the open utterance. */
  finish(): TimedHypothesis[] {
    const out: TimedHypothesis[] = [];
    if (this.inSpeech) {
      this.decoder.process(this.pending);
      this.position += this.pending.length;
      this.pending = new Int16Array(0);
      this.closeUtterance(out);
    }
    return out;
  }

  /** Move the timeline on without decoding (audio that was dropped). Call after finish(). */
  advance(samples: number): void {
    this.position += this.pending.length + samples;
    this.pending = new Int16Array(0);
    this.preRoll = [];
    this.preRollSamples = 0;
    this.speechRun = 0;
  }

  private step(w: Int16Array, p: number, out: TimedHypothesis[]): void {
    const s = this.settings;
    const start = this.position;
    this.position += w.length;
    if (!this.inSpeech) {
      this.preRoll.push(w.slice());
      this.preRollSamples += w.length;
      const keep = (s.preRollMs * this.rate) / 1000;
      while (this.preRollSamples - this.preRoll[0]!.length >= keep) this.preRollSamples -= this.preRoll.shift()!.length;
      this.speechRun = p >= s.speechThreshold ? this.speechRun + w.length : 0;
      if ((this.speechRun * 1000) / this.rate >= s.startSpeechMs) this.openUtterance();
      return;
    }
    const silent = p < s.silenceThreshold;
    if (silent && (this.silenceRun * 1000) / this.rate >= s.decodeSilenceMs) this.heldSilence.push(w.slice());
    else {
      // Speech again: the held silence is part of the utterance after all, in order.
      for (const h of this.heldSilence) this.decoder.process(h);
      this.heldSilence = [];
      this.decoder.process(w);
    }
    this.silenceRun = silent ? this.silenceRun + w.length : 0;
    this.sincePartial += w.length;
    const length = this.position - this.utteranceStart;
    if ((this.silenceRun * 1000) / this.rate >= s.endSilenceMs || (length * 1000) / this.rate >= s.maxUtteranceMs) {
      this.closeUtterance(out);
      return;
    }
    if ((this.sincePartial * 1000) / this.rate >= s.partialEveryMs) {
      this.sincePartial = 0;
      if (this.skipPartials) return;
      const text = this.decoder.partialText();
      if (text && text !== this.lastPartial) {
        this.lastPartial = text;
        out.push({
          final: false,
          text,
          startMs: this.ms(this.utteranceStart),
          endMs: this.ms(start + w.length),
          words: [],
          decodedToMs: this.ms(this.position),
        });
      }
    }
  }

  private openUtterance(): void {
    this.inSpeech = true;
    this.utteranceStart = this.position - this.preRollSamples;
    this.decoder.begin();
    for (const w of this.preRoll) this.decoder.process(w);
    this.preRoll = [];
    this.preRollSamples = 0;
    this.speechRun = 0;
    this.silenceRun = 0;
    this.sincePartial = 0;
    this.lastPartial = '';
  }

  private closeUtterance(out: TimedHypothesis[]): void {
    const startMs = this.ms(this.utteranceStart);
    const words = this.decoder.end().map((w) => ({ word: w.word, startMs: startMs + w.startMs, endMs: startMs + w.endMs }));
    const hadPartial = this.lastPartial !== '';
    this.heldSilence = [];
    this.inSpeech = false;
    this.silenceRun = 0;
    this.lastPartial = '';
    if (words.length === 0 && !hadPartial) return;
    out.push({
      final: true,
      text: words.map((w) => w.word).join(' '),
      startMs,
      endMs: words.length ? words[words.length - 1]!.endMs : this.ms(this.position),
      words,
      decodedToMs: this.ms(this.position),
    });
  }
}
