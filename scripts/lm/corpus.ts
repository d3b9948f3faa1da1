/** The project's corpus (corpus/<lang>/utterances.jsonl) and its tokenisation into decoder words. */
import { readFileSync } from 'node:fs';
import { normalizeText, type Lang } from '../../src/asr/lexicon/normalize.js';
import { spanishDictSpelling } from '../../src/asr/lexicon/es-g2p.js';
import type { Segmenter } from '../../src/asr/lexicon/zh-seg.js';

export type { Lang };

export interface Utterance {
  id: string;
  lang: Lang;
  speaker: 'agent' | 'customer';
  text: string;
  labels: string[];
  split: 'train' | 'test';
  family?: string;
  hard?: boolean;
}

export function readCorpus(path: string): Utterance[] {
  const out: Utterance[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const u = JSON.parse(line) as Utterance;
      if (typeof u.text === 'string' && (u.split === 'train' || u.split === 'test')) out.push(u);
    } catch {
      /* a line being written */
    }
  }
  return out;
}

/** Words as the decoder spells them: English lower case; Spanish the VoxForge spelling (CáRCEL); Mandarin dictionary words. */
export function tokenizeForLm(lang: Lang, text: string, seg?: Segmenter): string[] {
  const toks = normalizeText(lang, text);
  if (lang === 'en') return toks;
  if (lang === 'es') return toks.map(spanishDictSpelling);
  if (!seg) throw new Error('Mandarin needs a segmenter');
  return toks.flatMap((p) => seg.segment(p));
}

/** Reference text for scoring: normalised, lower case, words joined by spaces (Mandarin: characters). */
export function scoringText(lang: Lang, text: string): string {
  const toks = normalizeText(lang, text);
  if (lang === 'zh') return toks.join('');
  return toks.join(' ');
}
