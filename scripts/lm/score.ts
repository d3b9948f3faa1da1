/** Scoring: WER (CER for Mandarin), danger-word recall and invented danger words. */
import { dangerCounts } from '../../src/asr/lexicon/danger.js';
import type { Lang } from './corpus.js';
import { cleanHyp, editDistance } from './decode.js';
import type { Item } from './sets.js';

export interface Score {
  utterances: number;
  refUnits: number;
  errors: number;
  /** word error rate (character error rate for Mandarin), 0..1 */
  errorRate: number;
  dangerInRef: number;
  dangerRecalled: number;
  recall: number | null;
  /** danger words in the hypothesis beyond those in the reference */
  invented: number;
  examples: { ref: string; hyp: string }[];
}

export function hypText(lang: Lang, raw: string): string {
  const words = cleanHyp(raw);
  return lang === 'zh' ? words.join('') : words.join(' ');
}

function units(lang: Lang, text: string): string[] {
  if (lang === 'zh') return [...text.replace(/\s+/g, '')];
  return text.split(/\s+/).filter(Boolean);
}

export function score(lang: Lang, items: Item[], hyps: Map<string, string>): Score {
  const s: Score = {
    utterances: items.length, refUnits: 0, errors: 0, errorRate: 0, dangerInRef: 0, dangerRecalled: 0,
    recall: null, invented: 0, examples: [],
  };
  for (const it of items) {
    const hyp = hypText(lang, hyps.get(it.clip.id) ?? '');
    const r = units(lang, it.ref);
    s.refUnits += r.length;
    s.errors += editDistance(r, units(lang, hyp));
    const dr = dangerCounts(lang, it.ref);
    const dh = dangerCounts(lang, hyp);
    let miss = false;
    let inv = false;
    for (const [w, c] of dr) {
      s.dangerInRef += c;
      const got = Math.min(c, dh.get(w) ?? 0);
      s.dangerRecalled += got;
      if (got < c) miss = true;
    }
    for (const [w, c] of dh) {
      const extra = c - (dr.get(w) ?? 0);
      if (extra > 0) {
        s.invented += extra;
        inv = true;
      }
    }
    if ((miss || inv) && s.examples.length < 12) s.examples.push({ ref: it.ref, hyp });
  }
  s.errorRate = s.refUnits ? s.errors / s.refUnits : 0;
  s.recall = s.dangerInRef ? s.dangerRecalled / s.dangerInRef : null;
  return s;
}
