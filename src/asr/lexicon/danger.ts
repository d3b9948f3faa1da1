/**
 * Danger words: the words a compliance guard cannot afford to mishear (legal threats, arrest,
 * garnishment, debt, insults). Used to score recognisers (recall, invented words) and for keyword
 * spotting. Entries are normalised text (lower case; Mandarin without spaces); several words make a phrase.
 */
import type { Lang } from './normalize.js';

export const DANGER_WORDS: Record<Lang, string[]> = {
  en: [
    'arrest', 'arrested', 'warrant', 'police', 'sheriff', 'sue', 'sued', 'suing', 'lawsuit', 'garnish',
    'garnished', 'garnishment', 'owe', 'owes', 'owed', 'jail', 'prison', 'court', 'judge', 'criminal',
    'lawyer', 'attorney', 'deport', 'deported', 'idiot', 'stupid', 'deadbeat', 'loser',
  ],
  es: [
    'cárcel', 'demanda', 'demandar', 'demandarlo', 'demandarla', 'embargo', 'embargar', 'orden de aprehensión',
    'deuda', 'policía', 'arresto', 'arrestar', 'detenido', 'juez', 'juzgado', 'tribunal', 'prisión', 'denuncia',
    'fraude', 'delito', 'abogado', 'idiota', 'estúpido', 'inútil',
  ],
  zh: ['拘留', '坐牢', '起诉', '公安', '法院', '警察', '逮捕', '判刑', '监狱', '律师', '欠款', '欠钱', '骗子', '通缉'],
};

function countPhrase(tokens: string[], phrase: string[]): number {
  let n = 0;
  for (let i = 0; i + phrase.length <= tokens.length; i++) {
    let ok = true;
    for (let j = 0; j < phrase.length; j++) if (tokens[i + j] !== phrase[j]) ok = false;
    if (ok) n++;
  }
  return n;
}

/** Occurrences of each danger word/phrase in a normalised text (words joined by spaces). */
export function dangerCounts(lang: Lang, text: string): Map<string, number> {
  const out = new Map<string, number>();
  if (lang === 'zh') {
    const s = text.replace(/\s+/g, '');
    for (const d of DANGER_WORDS.zh) {
      let n = 0;
      for (let i = s.indexOf(d); i >= 0; i = s.indexOf(d, i + d.length)) n++;
      if (n) out.set(d, n);
    }
    return out;
  }
  const toks = text.toLowerCase().split(/\s+/).filter(Boolean);
  for (const d of DANGER_WORDS[lang]) {
    const n = countPhrase(toks, d.split(' '));
    if (n) out.set(d, n);
  }
  return out;
}
