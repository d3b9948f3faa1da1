// The trained classifier beside the rules: fastText supervised models per language
// (models/detector/<lang>.bin, and for English and Spanish a character n-gram model beside it
// whose probabilities are averaged in; trained by `npm run train`) and, in meta.json, how the
// probabilities combine with the rules, chosen out of fold on the training lines.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { segmentChinese } from './chinese.js';
import { loadFastTextModel, type FtModel } from './fasttext.js';
import type { Normalized } from './normalize.js';
import { CATEGORIES, type Category, type DetectLanguage } from './types.js';

/** How one category's classifier probability combines with its rules. */
export interface Policy {
  /** The classifier alone raises a finding at or above this when one of the category's cue
   *  words occurs (> 1: never). */
  add: number;
  /** ... and at or above this when none occurs (absent or > 1: never). Veiled threats often
   *  carry no cue word ("People who stiff us tend to have bad luck"). */
  addUncued?: number;
}

/** When the classifier may silence a rule finding: the utterance holds a negator, the lawful
 *  label is at least `none` and the finding's category below `category`. The rules' negation
 *  scope is a window; a reassurance negates further away ("Nadie le va a embargar nada mañana.
 *  Para un embargo primero tiene que haber un juicio…"). */
export interface LawfulVeto { none: number; category: number }

export interface DetectorMeta {
  version: number;
  /** The classifier only speaks when at least this share of the utterance's words is in its
   *  vocabulary: it was trained on collection calls and guesses wildly on other text. */
  minKnownShare?: number;
  /** The stricter share a finding without the category's cue words needs (Policy.addUncued):
   *  out-of-domain sentences (HateCheck templates) drew confident guesses at the lower one. */
  minKnownShareUncued?: number;
  /** Rule findings the classifier may silence (absent: none). */
  lawfulVeto?: LawfulVeto;
  /** Where every cue word of a category is negated or reported, the classifier may still add a
   *  finding of a category that has a cue-less tier, at this or addUncued, whichever is higher,
   *  with minKnownShareUncued ("Ni para pagarle al veterinario de tu propio perro sirves":
   *  the negator is not a denial). Absent: never. */
  addScoped?: number;
  languages: Partial<Record<DetectLanguage, LanguageEntry>>;
}

export interface LanguageEntry {
  /** The word model: its vocabulary decides the known share. */
  file: string;
  /** Further models over the same lines (character n-grams); their probabilities are averaged
   *  with the word model's. */
  alsoFiles?: string[];
  policy: Record<Category, Policy>;
}

export function rightPartyToken(rp: boolean | null | undefined): string {
  return rp === true ? '__rp_true' : rp === false ? '__rp_false' : '__rp_unknown';
}

/** Tokens the classifier sees: normalised words (zh: segmented), digits folded. */
export function classifierTokens(norm: Normalized, lang: DetectLanguage): string[] {
  const words = lang === 'zh' ? segmentChinese(norm.text) : norm.text.split(' ');
  const out: string[] = [];
  for (const w of words) {
    if (w.length === 0) continue;
    out.push(/[0-9]/.test(w) ? w.replace(/[0-9]+/g, '0') : w);
  }
  return out;
}

export function classifierLine(norm: Normalized, lang: DetectLanguage, rp: boolean | null | undefined, tokens?: string[]): string {
  const toks = tokens ?? classifierTokens(norm, lang);
  return `${toks.join(' ')} ${rightPartyToken(rp)}`;
}

export interface LanguageClassifier {
  lang: DetectLanguage;
  policy: Record<Category, Policy>;
  minKnownShare: number;
  minKnownShareUncued: number;
  lawfulVeto: LawfulVeto | null;
  addScoped: number;
  probabilities(line: string): ClassifierScores;
  knownShare(tokens: string[]): number;
}

export function knownShareFrom(model: FtModel, tokens: string[]): number {
  if (tokens.length === 0) return 0;
  let known = 0;
  for (const t of tokens) if (model.knows(t)) known++;
  return known / tokens.length;
}

/** Per-category probabilities (one-vs-all, independent) and, where the model has it, that of
 *  the lawful label `none`. */
export type ClassifierScores = Record<Category, number> & { none?: number };

/** The labels a model scores: the categories and the lawful `none`. */
const SCORED_LABELS: readonly (Category | 'none')[] = [...CATEGORIES, 'none'];

export function probabilitiesFrom(model: FtModel, line: string): ClassifierScores {
  const out: ClassifierScores = { threat: 0, insult: 0, false_legal: 0, third_party_disclosure: 0, none: 0 };
  for (const [label, p] of model.predict(line, -1)) {
    if ((SCORED_LABELS as readonly string[]).includes(label)) out[label as Category | 'none'] = p;
  }
  return out;
}

/** Each label's probability averaged over models trained on the same lines with other features. */
export function averagedProbabilities(models: readonly FtModel[], line: string): ClassifierScores {
  if (models.length === 1) return probabilitiesFrom(models[0]!, line);
  const out: ClassifierScores = { threat: 0, insult: 0, false_legal: 0, third_party_disclosure: 0, none: 0 };
  for (const model of models) {
    const p = probabilitiesFrom(model, line);
    for (const label of SCORED_LABELS) out[label] = (out[label] ?? 0) + (p[label] ?? 0) / models.length;
  }
  return out;
}

/** The lawful label outscores the category: the model reads the line as lawful talk that shares
 *  the category's words (reassurances, negations: "no enviamos gestores a domicilio"). */
export function lawfulOutscores(scores: ClassifierScores, cat: Category): boolean {
  return scores[cat] < (scores.none ?? 0);
}

/** The model is sure enough the line is lawful to silence a rule finding of `cat` (the detector
 *  asks only where the utterance holds a negator). */
export function lawfulVetoes(scores: ClassifierScores, cat: Category, veto: LawfulVeto | null): boolean {
  return veto !== null && (scores.none ?? 0) >= veto.none && scores[cat] < veto.category;
}

export async function loadClassifiers(modelDir: string): Promise<Map<DetectLanguage, LanguageClassifier>> {
  const out = new Map<DetectLanguage, LanguageClassifier>();
  const metaPath = join(modelDir, 'meta.json');
  if (!existsSync(metaPath)) return out;
  const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as DetectorMeta;
  for (const [lang, entry] of Object.entries(meta.languages) as Array<[DetectLanguage, LanguageEntry]>) {
    const paths = [entry.file, ...(entry.alsoFiles ?? [])].map((f) => join(modelDir, f));
    if (!paths.every((p) => existsSync(p))) continue;
    const models: FtModel[] = [];
    for (const p of paths) models.push(await loadFastTextModel(readFileSync(p)));
    const model = models[0]!;
    out.set(lang, {
      lang,
      policy: entry.policy,
      minKnownShare: meta.minKnownShare ?? 0,
      minKnownShareUncued: meta.minKnownShareUncued ?? 1,
      lawfulVeto: meta.lawfulVeto ?? null,
      addScoped: meta.addScoped ?? Infinity,
      probabilities: (line) => averagedProbabilities(models, line),
      knownShare: (tokens) => knownShareFrom(model, tokens),
    });
  }
  return out;
}
