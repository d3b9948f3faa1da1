// Chinese helpers: Traditional -> Simplified (opencc-js, one character at a time so that
// offsets stay one-to-one; results cached by the caller) and word segmentation.
import * as OpenCC from 'opencc-js';

let t2s: ((s: string) => string) | null = null;

export function toSimplifiedChar(ch: string): string {
  if (!t2s) t2s = OpenCC.Converter({ from: 't', to: 'cn' });
  const out = t2s(ch);
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
