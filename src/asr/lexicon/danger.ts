/**
 * Danger words: the words a compliance guard cannot afford to mishear (legal threats, arrest,
 * garnishment, debt, insults). Used to score recognisers (recall, invented words) and for keyword
 * spotting. Entries are normalised text (lower case; Mandarin without spaces); several words make a phrase.
 */
import type { Lang } from './normalize.js';

/** Danger concepts per language; each lists its surface forms (the first names the concept). */
export const DANGER_CONCEPTS: Record<Lang, string[][]> = {
  en: [
    ['arrest', 'arrested', 'arresting'], ['warrant', 'warrants'], ['police'], ['sheriff', "sheriff's"],
    ['sue', 'sued', 'suing'], ['lawsuit', 'lawsuits'], ['garnish', 'garnished', 'garnishing', 'garnishment'],
    ['owe', 'owes', 'owed', 'owing'], ['jail'], ['prison'], ['court'], ['judge'], ['criminal'], ['lawyer', 'lawyers'],
    ['attorney', 'attorneys'], ['deport', 'deported', 'deportation'], ['idiot'], ['stupid'], ['deadbeat'], ['loser'],
  ],
  es: [
    ['cárcel'], ['demanda', 'demandas', 'demandar', 'demandarlo', 'demandarla', 'demandaremos', 'demandamos'],
    ['embargo', 'embargar', 'embargaremos', 'embargamos', 'embargarle'], ['orden de aprehensión'], ['deuda', 'deudas'],
    ['policía'], ['arresto', 'arrestar', 'arrestado', 'arrestada'], ['detenido', 'detenida'], ['juez'], ['juzgado'],
    ['tribunal', 'tribunales'], ['prisión'], ['denuncia', 'denunciar'], ['fraude'], ['delito'], ['abogado', 'abogados'],
    ['idiota'], ['estúpido', 'estúpida'], ['inútil'],
  ],
  zh: [['拘留'], ['坐牢'], ['起诉'], ['公安'], ['法院'], ['警察'], ['逮捕'], ['判刑'], ['监狱'], ['律师'], ['欠款'], ['欠钱'], ['骗子'], ['通缉']],
};

/** Every surface form of every danger concept. */
export const DANGER_WORDS: Record<Lang, string[]> = {
  en: DANGER_CONCEPTS.en.flat(),
  es: DANGER_CONCEPTS.es.flat(),
  zh: DANGER_CONCEPTS.zh.flat(),
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

/**
 * Occurrences of each danger concept in a normalised text (words joined by spaces), keyed by the
 * concept's first form: "he owes" and "you owe" both count as "owe".
 */
export function dangerCounts(lang: Lang, text: string): Map<string, number> {
  const out = new Map<string, number>();
  if (lang === 'zh') {
    const s = text.replace(/\s+/g, '');
    for (const forms of DANGER_CONCEPTS.zh) {
      let n = 0;
      for (const d of forms) for (let i = s.indexOf(d); i >= 0; i = s.indexOf(d, i + d.length)) n++;
      if (n) out.set(forms[0]!, n);
    }
    return out;
  }
  const toks = text.toLowerCase().split(/\s+/).filter(Boolean);
  for (const forms of DANGER_CONCEPTS[lang]) {
    let n = 0;
    for (const d of forms) n += countPhrase(toks, d.split(' '));
    if (n) out.set(forms[0]!, n);
  }
  return out;
}
