import type { Resampler } from '../../audio/resampler.js';
import type { TimedHypothesis } from '../endpointer.js';
import type { Language, WindowTranscriber } from '../engine.js';
import { DecodeCadence } from './cadence.js';
import { LocalAgreement } from './local-agreement.js';
import type { Utterance, UtteranceSegmenter } from './segmenter.js';
import { estimateWordTimes } from './word-times.js';
import { joinUnits, splitUnits } from './words.js';

/** The open utterance as this stream decodes it. */
interface OpenUtterance {
  startSample: number;
  agreement: LocalAgreement;
  /** Samples of it covered by the last partial decode. */
  decodedSamples: number;
  lastPartial: string;
  /** For "auto" calls: the language the first decode identified, kept for the whole utterance. */
  language?: Language;
}

/** A closed utterance waiting for its final decode. */
interface PendingFinal {
  utterance: Utterance;
  agreement: LocalAgreement;
  hadPartial: boolean;
  language?: Language;
  /** performance.now() when it closed: finals are decoded oldest first across streams. */
  closedAt: number;
}

export interface WhisperStreamOptions {
  language: Language | 'auto';
  stepMs: number;
  maxStepMs: number;
}

/**
 * One call channel on a window engine (Whisper): input PCM → resampler → the shared endpointer
 * (UtteranceSegmenter) → utterances. The open utterance is re-decoded from its start as it grows
 * (when the cadence says so) and its words committed by LocalAgreement-2; each closed utterance gets
 * one final decode of all its audio. Decoding is driven from outside (the worker decides whose turn
 * it is), so this class never queues decodes: at most the open utterance's next one, and the finals
 * of utterances already closed.
 */
export class WhisperStream {
  readonly cadence: DecodeCadence;
  private openUtterance?: OpenUtterance;
  private readonly finals: PendingFinal[] = [];

  constructor(
    private readonly transcriber: WindowTranscriber,
    private readonly segmenter: UtteranceSegmenter,
    private readonly resampler: Resampler,
    private readonly options: WhisperStreamOptions,
  ) {
    this.cadence = new DecodeCadence(options.stepMs, options.maxStepMs);
  }

  get inputRateHz(): number {
    return this.resampler.inputRateHz;
  }

  private get rate(): number {
    return this.segmenter.sampleRateHz;
  }

  private ms(samples: number): number {
    return (samples * 1000) / this.rate;
  }

  /** Feed input-rate PCM (cheap: resampling and VAD; no decoding). */
  async push(pcm: Int16Array): Promise<void> {
    await this.segmenter.push(this.resampler.process(pcm));
    this.collect();
  }

  /** End of audio: the open utterance closes and waits for its final. */
  finish(): void {
    this.segmenter.finish();
    this.collect();
  }

  /** Input audio was dropped (too far behind): close the open utterance, move the timeline on. */
  skip(inputSamples: number): void {
    this.segmenter.skip(Math.round((inputSamples * this.rate) / this.resampler.inputRateHz));
    this.collect();
  }

  private collect(): void {
    for (const utterance of this.segmenter.takeClosed()) {
      const own = this.openUtterance?.startSample === utterance.startSample ? this.openUtterance : undefined;
      if (own) this.openUtterance = undefined;
      this.finals.push({
        utterance,
        agreement: own?.agreement ?? new LocalAgreement(),
        hadPartial: Boolean(own?.lastPartial),
        language: own?.language,
        closedAt: performance.now(),
      });
    }
    const open = this.segmenter.open;
    if (!open) this.openUtterance = undefined;
    else if (this.openUtterance?.startSample !== open.startSample) {
      this.openUtterance = { startSample: open.startSample, agreement: new LocalAgreement(), decodedSamples: 0, lastPartial: '' };
    }
  }

  /** Closed utterances waiting for a final decode, and their audio. */
  get pendingFinals(): number {
    return this.finals.length;
  }

  get pendingFinalMs(): number {
    return this.ms(this.finals.reduce((n, f) => n + f.utterance.audio.length, 0));
  }

  /** When the oldest waiting final closed (performance.now()), if any waits. */
  get oldestFinalAt(): number | undefined {
    return this.finals[0]?.closedAt;
  }

  /** Speech of the open utterance not covered by a decode yet (ms). */
  get undecodedMs(): number {
    const open = this.segmenter.open;
    if (!open || !this.openUtterance) return 0;
    return this.ms(open.audio.length - this.openUtterance.decodedSamples);
  }

  get partialDue(): boolean {
    return this.openUtterance !== undefined && this.cadence.isDue(this.undecodedMs);
  }

  /** Decode the oldest closed utterance: its final, with word times on the call timeline. */
  async decodeFinal(): Promise<TimedHypothesis | undefined> {
    const f = this.finals.shift();
    if (!f) return undefined;
    const { utterance } = f;
    const result = await this.transcriber.transcribe(toFloat(utterance.audio), { language: f.language ?? this.options.language });
    const units = f.agreement.finish(splitUnits(result.text));
    if (units.length === 0 && !f.hadPartial) return undefined;
    const startMs = this.ms(utterance.startSample);
    const endOfAudioMs = this.ms(utterance.startSample + utterance.audio.length);
    const words = estimateWordTimes(units, utterance.audio, this.rate).map((w) => ({ word: w.word, startMs: startMs + w.startMs, endMs: startMs + w.endMs }));
    return {
      final: true,
      text: joinUnits(units),
      startMs,
      endMs: words.length ? words[words.length - 1]!.endMs : endOfAudioMs,
      words,
      decodedToMs: endOfAudioMs,
    };
  }

  /** Re-decode the open utterance from its start: a partial (committed words, then the tentative tail) if the text changed. */
  async decodePartial(): Promise<TimedHypothesis | undefined> {
    const open = this.segmenter.open;
    const state = this.openUtterance;
    if (!open || !state) return undefined;
    this.cadence.started(this.undecodedMs);
    const samples = open.audio.length;
    const audio = toFloat(open.audio); // a copy: the segmenter's buffer moves on
    const result = await this.transcriber.transcribe(audio, { language: state.language ?? this.options.language });
    if (this.options.language === 'auto') state.language ??= result.language;
    const step = state.agreement.update(splitUnits(result.text));
    state.decodedSamples = samples;
    // Closed while decoding: its final comes next and carries what was committed here.
    if (this.openUtterance !== state) return undefined;
    const text = joinUnits([...step.committed, ...step.tail]);
    if (!text || text === state.lastPartial) return undefined;
    state.lastPartial = text;
    const startMs = this.ms(state.startSample);
    const endMs = this.ms(state.startSample + samples);
    return { final: false, text, startMs, endMs, words: [], decodedToMs: endMs };
  }

  close(): void {
    this.resampler.close();
  }
}

function toFloat(pcm: Int16Array): Float32Array {
  const out = new Float32Array(pcm.length);
  for (let i = 0; i < pcm.length; i++) out[i] = pcm[i]! / 32768;
  return out;
}
