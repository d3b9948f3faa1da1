/**
 * Speaking rate for the tone meter's fast_speech, from the recogniser's word times.
 *
 * Why words from the ASR and not syllable nuclei from the envelope: the recogniser already runs on
 * every agent channel and gives word times for free; envelope peak-picking on 8 kHz G.711 audio
 * miscounts (merged syllables in fast speech, split ones on noise) by more than the margin between
 * normal and fast speech, and per-language thresholds are needed either way. Word errors of the
 * recogniser mostly substitute a word for another, which leaves the count alone.
 *
 * The rate is an articulation rate: units (words; characters for Mandarin, whose recognisers emit
 * multi-character words or single characters depending on the model, while one character is one
 * syllable) per second of talking, pauses of `pauseMs` or more left out, so pausing between
 * sentences does not excuse rushing through them.
 */

export type RateUnit = 'words/s' | 'chars/s';

/**
 * Default maximum articulation rate per language (measured in bench/README.md, "Tone meter"):
 * normal conversational English is about 2.5–3 words/s with pauses, 3–4 without, and the shipped
 * recogniser measures LibriVox read English at up to 3.5; the same speech 1.5× faster at 4.7–5.1.
 * 4.5 words/s (270 words a minute of talking) is past any normal pace. Spanish puts more, shorter
 * syllables into words of about the same duration (Pellegrino et al. 2011: ~7.8 syllables/s read
 * against English ~6.2, ~1.9 syllables a word against ~1.5), so its words per second come out near
 * English's: the same 4.5. Mandarin: about 4–5 characters (syllables) a second in normal speech
 * (the recogniser measures the AISHELL news clip at 4.5, 5.8 at 1.5×, 7.0 at 1.8×); 6.5 is rushed,
 * and high enough that the weak Mandarin recogniser's miscounts do not cross it.
 */
export const FAST_SPEECH_MAX_RATE: Record<'en' | 'es' | 'zh', number> = {
  en: 4.5,
  es: 4.5,
  zh: 6.5,
};

export function rateUnit(language: 'en' | 'es' | 'zh'): RateUnit {
  return language === 'zh' ? 'chars/s' : 'words/s';
}

/** Recogniser tokens that are not speech: silence, noise, fillers. */
const NON_WORD = /^(<[^>]*>|\[[^\]]*\]|\+\+.*\+\+|\(.*\))$/;
const HAN = /\p{Script=Han}/gu;
const WORDLIKE = /[\p{L}\p{N}]/u;

/** How many rate units a recognised token is: 1 per word, or per Han character for Mandarin; 0 for non-speech. */
export function countRateUnits(token: string, language: 'en' | 'es' | 'zh'): number {
  const t = token.trim();
  if (!t || NON_WORD.test(t)) return 0;
  if (language === 'zh') {
    const han = t.match(HAN)?.length ?? 0;
    if (han > 0) return han;
  }
  return WORDLIKE.test(t) ? 1 : 0;
}

export interface RateMeasure {
  /** Units per second of talking. */
  rate: number;
  units: number;
  /** Talking time in the window: word spans joined across gaps shorter than pauseMs. */
  speechMs: number;
  /** Start of the first word in the window. */
  startMs: number;
  endMs: number;
}

/** The agent's words of the last `windowMs` (of the call timeline, back from the latest word). */
export class SpeechRateWindow {
  private starts: number[] = [];
  private ends: number[] = [];
  private units: number[] = [];
  private head = 0;

  constructor(
    readonly windowMs: number,
    readonly pauseMs: number,
  ) {}

  /** Add a word; false (ignored) when it starts before the last word added (a repeated final). */
  add(startMs: number, endMs: number, units: number): boolean {
    const n = this.starts.length;
    if (n > this.head && startMs < this.starts[n - 1]!) return false;
    this.starts.push(startMs);
    this.ends.push(endMs);
    this.units.push(units);
    while (this.head < this.starts.length && this.ends[this.head]! < endMs - this.windowMs) this.head++;
    if (this.head > 256) {
      this.starts = this.starts.slice(this.head);
      this.ends = this.ends.slice(this.head);
      this.units = this.units.slice(this.head);
      this.head = 0;
    }
    return true;
  }

  measure(): RateMeasure {
    let units = 0;
    let speechMs = 0;
    let runStart = NaN;
    let runEnd = NaN;
    const n = this.starts.length;
    for (let i = this.head; i < n; i++) {
      const s = this.starts[i]!;
      const e = this.ends[i]!;
      units += this.units[i]!;
      if (Number.isNaN(runStart)) {
        runStart = s;
        runEnd = e;
      } else if (s - runEnd >= this.pauseMs) {
        speechMs += runEnd - runStart;
        runStart = s;
        runEnd = e;
      } else if (e > runEnd) {
        runEnd = e;
      }
    }
    if (!Number.isNaN(runStart)) speechMs += runEnd - runStart;
    const first = n > this.head ? this.starts[this.head]! : NaN;
    return { rate: speechMs > 0 ? (units * 1000) / speechMs : 0, units, speechMs, startMs: first, endMs: runEnd };
  }
}
