// Chinese helpers: Traditional -> Simplified (opencc-js, one character at a time so that
// offsets stay one-to-one; results cached by the caller) and word segmentation.
import * as OpenCC from 'opencc-js';

let t2s: ((s: string) => string) | null = null;

export function toSimplifiedChar(ch: string): string {
  const convert = (t2s ??= OpenCC.Converter({ from: 't', to: 'cn' }));
  const out = convert(ch);
  return [...out].length === [...ch].length ? out : ch;
}

let segmenter: Intl.Segmenter | null = null;

/** Word tokens of a (normalised) Chinese string; Latin runs and numbers stay whole. */
export function segmentChinese(text: string): string[] {
  if (!segmenter) segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const out: string[] = [];
  for (const seg of segmenter.segment(text)) {
    if (seg.isWordLike) out.push(seg.segment);
  }
  return out;
}

const tradCache = new Map<string, boolean>();

/** True when the character is Traditional-only (its Simplified form differs). */
function isTraditional(ch: string): boolean {
  let t = tradCache.get(ch);
  if (t === undefined) {
    t = toSimplifiedChar(ch) !== ch;
    tradCache.set(ch, t);
  }
  return t;
}

/**
 * Phrase-level Traditional -> Simplified for text that holds Traditional characters (等著 ->
 * 等着, which one character at a time cannot do). Returns null when there is nothing to do or
 * the conversion would change the length (offsets must stay one-to-one).
 */
export function toSimplifiedPhrases(text: string): string | null {
  let found = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x3400 && c <= 0x9fff && isTraditional(text[i] as string)) { found = true; break; }
  }
  if (!found) return null;
  const convert = (t2s ??= OpenCC.Converter({ from: 't', to: 'cn' }));
  const out = convert(text);
  return out.length === text.length ? out : null;
}
