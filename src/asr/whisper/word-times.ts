import type { WordTiming } from '../engine.js';
import type { TextUnit } from './words.js';

/**
 * Word times for a Whisper final. The exported graphs have no cross-attention outputs (no DTW
 * alignment) and timestamp tokens cost decoding time for segment-level times only, so words are
 * laid over the utterance's voiced frames in proportion to their length: each word lands inside
 * the speech, in order, never in a pause or outside the utterance. Good enough to find a phrase in
 * the call audio (clips, QA replay); not a forced alignment.
 */
const FRAME_MS = 20;
/** A frame is voiced when its RMS is within this of the utterance's loudest frame. */
const VOICED_DB = 30;

export function estimateWordTimes(units: readonly TextUnit[], audio: Int16Array, sampleRateHz: number): WordTiming[] {
  if (units.length === 0) return [];
  const frame = Math.max(1, Math.round((sampleRateHz * FRAME_MS) / 1000));
  const frames = Math.max(1, Math.ceil(audio.length / frame));
  const rms = new Float64Array(frames);
  for (let f = 0; f < frames; f++) {
    let sum = 0;
    const end = Math.min(audio.length, (f + 1) * frame);
    for (let i = f * frame; i < end; i++) sum += audio[i]! * audio[i]!;
    rms[f] = Math.sqrt(sum / Math.max(1, end - f * frame));
  }
  const peak = rms.reduce((a, b) => Math.max(a, b), 0);
  const floor = peak / 10 ** (VOICED_DB / 20);
  let voiced: number[] = [];
  for (let f = 0; f < frames; f++) if (peak > 0 && rms[f]! >= floor) voiced.push(f);
  if (voiced.length === 0) voiced = Array.from({ length: frames }, (_, f) => f);
  // Weight: characters, plus one for the gap a spoken word leaves.
  const weights = units.map((u) => [...u.text].length + 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const frameMs = (frame * 1000) / sampleRateHz;
  const audioMs = (audio.length * 1000) / sampleRateHz;
  /** Voiced time (in frames, fractional) to utterance time (ms). */
  const at = (v: number): number => {
    const i = Math.min(voiced.length - 1, Math.floor(v));
    return Math.min(audioMs, (voiced[i]! + (v - i)) * frameMs);
  };
  const out: WordTiming[] = [];
  let cum = 0;
  for (let w = 0; w < units.length; w++) {
    const start = at((cum / total) * voiced.length);
    cum += weights[w]!;
    // The end is inside the word's last voiced frame, not at the start of the next voiced run.
    const endV = (cum / total) * voiced.length;
    const end = Math.max(start, at(Math.max(0, endV - 1e-6)));
    out.push({ word: units[w]!.text, startMs: start, endMs: end });
  }
  return out;
}
