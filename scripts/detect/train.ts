// npm run train: trains the per-language fastText classifiers from the corpus train split, the
// hand-written training lines (src/detect/data/*-<lang>.jsonl, corpus.ts loadExtra) and the dev
// rounds already read (corpus.ts TRAINED_DEV_FILES), and chooses, out of fold by family, how
// each category's probability combines with the rules.
// Reproducible: fixed seed, one thread, a fresh WebAssembly instance per model.
// Writes models/detector/<lang>.bin and models/detector/meta.json. Never reads split=test.
import { mkdirSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { repoModel } from '../../src/paths.js';
import { averagedProbabilities, classifierLine, classifierTokens, knownShareFrom, lawfulOutscores, type ClassifierScores, type DetectorMeta, type LawfulVeto, type Policy } from '../../src/detect/classifier.js';
import { DetectorImpl } from '../../src/detect/detector.js';
import type { CueState } from '../../src/detect/scope.js';
import { loadFastTextModel, trainSupervised, type FtModel, type TrainOptions } from '../../src/detect/fasttext.js';
import { normalize } from '../../src/detect/normalize.js';
import { CATEGORIES, LANGUAGES, type Category, type DetectLanguage } from '../../src/detect/types.js';
import { FOLDS, foldOf, loadCorpus, loadExtra, loadTrainedDev, type Utterance } from './corpus.js';
import { add, emptyCounts, prf } from './metrics.js';

const BASE_OPTIONS: TrainOptions = {
  lr: 0.5, epoch: 30, dim: 16, wordNgrams: 2, minCount: 1, bucket: 16384, minn: 0, maxn: 0, loss: 'ova', seed: 7,
};
/** Per language; chosen on dev (classifier-alone precision/recall): character n-grams of the
 *  segmented Chinese words help there, and cost precision in English and Spanish. */
export const TRAIN_OPTIONS: Record<DetectLanguage, TrainOptions> = {
  en: BASE_OPTIONS,
  es: BASE_OPTIONS,
  zh: { ...BASE_OPTIONS, minn: 2, maxn: 4, bucket: 40000, dim: 12, epoch: 50 },
};
/** Models trained beside the word model on the same lines, their probabilities averaged with its
 *  (classifier.ts averagedProbabilities). Spanish: a model of character 3-5-grams ranks unseen
 *  wording better than either alone. Leaving each dev round out in turn (classifier alone, the
 *  gates each chose): threat average precision 0.939 → 0.955, F1 threat 0.854 → 0.858, insult
 *  0.850 → 0.860, disclosure 0.895 → 0.927, false_legal 0.835 → 0.831, lawful lines flagged 19 → 16
 *  of 1,772 (full detector 26 → 23). English, tried then, lost threat recall at a cue-less tier
 *  that started at 0.95 (averaged probabilities reach it less often); with the tier's grid down
 *  to 0.8 (tenth round) it gains: each dev round left out in turn, threat average precision 0.959
 *  → 0.964, full detector F1 threat 0.960 → 0.963, false_legal 0.960 → 0.969, lawful lines
 *  flagged 30 → 28 of 2,229; on dev11 (not trained on) threat 0.860 → 0.862, insult 0.916 →
 *  0.927, false_legal 0.786 → 0.800, lawful the same. Mandarin's model already reads characters. */
const CHARS_MODEL = { name: 'chars', options: { ...BASE_OPTIONS, minn: 3, maxn: 5, bucket: 40000 } };
export const ALSO_MODELS: Partial<Record<DetectLanguage, Array<{ name: string; options: TrainOptions }>>> = {
  en: [CHARS_MODEL],
  es: [CHARS_MODEL],
};
// Rules are written to be precise and must keep working on text unlike the corpus, so the
// classifier may not veto them by its category's probability alone (a veto tuned on in-domain
// dev lines silenced rule hits on other text); it may silence one only in a denial it is sure is
// lawful (LAWFUL_VETO). It adds findings when the category's cue words occur
// (rules/<lang>/cues.json), at a threshold chosen out of fold (see choosePolicy), and without
// them only when very sure (UNCUED_GRID, ADD_SCOPED).
// (Dev F1 of rules + classifier is reported too, but the rules were written looking at all of
// train, dev included, so on dev they look better than they are on unseen families.)
const ADD_GRID = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];
/** A threshold whose out-of-fold classifier-alone precision is below this is never chosen. */
const MIN_PRECISION = 0.85;
const MIN_DEV_HITS = 3;
/** Lowest add threshold per language and category, over the out-of-fold choice (choosePolicy). English insult's
 *  cue list is the second person itself, so its cue gate passes nearly every line; after the
 *  hand-written sarcasm lines ("are you drunk right now") it read bland "you are all set" / "are
 *  you the account holder" at 0.67-0.73, out-of-fold lines holding too few such courtesy lines to
 *  show it (test/detect/lawful-asr.test.ts). */
const ADD_FLOOR: Partial<Record<DetectLanguage, Partial<Record<Category, number>>>> = { en: { insult: 0.75 } };
/** Share of an utterance's words the model must know before it may speak. Chosen on dev data:
 *  on the HateCheck/MHC dev-half templates, classifier-only findings on non-hateful cases fell
 *  from 41 to 10 (es) and 25 to 6 (zh) of 450 going from 0.7 to 0.8, while 88-90% (zh 78%) of
 *  out-of-fold corpus violations still pass. */
export const MIN_KNOWN_SHARE = 0.8;
/** A classifier finding without any of the category's cue words (Policy.addUncued) needs this
 *  probability and this share of known words. Chosen on the dev rounds (corpus/<lang>/dev*.jsonl,
 *  never trained on), where the cue gate held back about a third of the veiled threats the
 *  classifier alone found ("People who stiff us tend to have bad luck. Tires, windows"): at 0.95
 *  it adds 64 / 50 / 67 (en / es / zh) of 227-229 dev threats for 2 / 4 / 0 of about 1,100 lawful
 *  lines. The stricter share keeps out-of-domain HateCheck/MHC dev-half templates silent (es "Tú y
 *  todos los otros … son una bendición" drew 0.95+ at 0.8). Each category takes the lowest
 *  threshold of the grid whose out-of-fold findings pass MIN_UNCUED_PRECISION and
 *  MAX_UNCUED_LAWFUL_SHARE. The grid went down to 0.8 in the tenth round (it started at 0.95),
 *  decided on dev10 before it was trained on: 4 more dev10 violations found (an English threat,
 *  two Mandarin false legal claims, a Mandarin disclosure), no lawful line more flagged, one more
 *  Mandarin non-hateful HateCheck/MHC dev-half case of 565; out of fold, English threat takes 0.8
 *  and finds 39 more for 12 more wrong lines. */
const UNCUED_GRID = [0.8, 0.85, 0.9, 0.95, 0.98, 0.99];
export const MIN_KNOWN_SHARE_UNCUED = 0.9;
/** Where every cue word of a category stands negated or reported, the cue-less tier needs at
 *  least this. Chosen on dev8 (before it was trained on or its rules fitted): 0.98 adds 5 right
 *  findings there ("Ni para pagarle al veterinario de tu propio perro sirves", "没见过你这么下贱的")
 *  and no wrong one; 0.95 also flagged an English reassurance. */
export const ADD_SCOPED = 0.98;
/** The lawful veto (classifier.ts LawfulVeto), asked only where the utterance holds a negator.
 *  Chosen on dev8 (before it was trained on or its rules fitted): it silences 6 rule findings on
 *  lawful denials the negation window missed ("Nadie le va a embargar nada mañana. Para un
 *  embargo primero tiene que haber un juicio…", "没有哪条法律说还不上钱就要抓人") for 1 right
 *  one; without the negator condition it also silenced "Usted va a ir a prisión por esto, se lo
 *  aseguro". */
export const LAWFUL_VETO: LawfulVeto = { none: 0.9, category: 0.1 };
/** What the cue-less tier must show out of fold, or the category keeps the cue gate alone:
 *  this precision, counting a line of another category as a miss, and at most this share of the
 *  lawful lines flagged (a false alarm, the cost collectors feel). Until the ninth round one
 *  precision bar did both jobs, at 0.95 (0.9 before the eighth round), and most of what it held
 *  back was other violations: Spanish threat at 0.95 drew 22 wrong lines, 3 of them lawful (of
 *  about 5,800). Decided on dev9 before it was trained on: these bars open the 0.95 tier to
 *  Spanish threat (was 0.99), insult (was none) and false_legal (was 0.98), and there it finds 8
 *  more of 135 violations for no more lawful lines flagged. The lawful share is a twelfth of the
 *  3% target per category; out of fold every tier chosen stays under 0.1%. */
const MIN_UNCUED_PRECISION = 0.9;
const MAX_UNCUED_LAWFUL_SHARE = 0.0025;
const MIN_UNCUED_HITS = 10;
/** Categories that keep the cue gate whatever the classifier says. English insult's cue is the
 *  second person minus courtesy phrases ("you're all set", "you're two days behind"), so a line
 *  without it is mostly one of those exceptions (test/detect/lawful-asr.test.ts). */
const CUE_ALWAYS: Partial<Record<DetectLanguage, Category[]>> = { en: ['insult'] };

function fastTextLine(u: Utterance): string {
  const labels = u.labels.length ? u.labels.map((l) => `__label__${l}`) : ['__label__none'];
  return `${labels.join(' ')} ${classifierLine(normalize(u.text), u.lang, u.rightParty)}`;
}

/** Training lines: agent speech only (customer words are never scored). Never add a fresh
 *  held-out round (loadFreshHoldout) or a dev round not yet in TRAINED_DEV_FILES here: they are
 *  the unseen evaluation sets. */
export function trainingRows(lang: DetectLanguage): Utterance[] {
  return [...loadCorpus(lang).filter((u) => u.split === 'train'), ...loadExtra(lang), ...loadTrainedDev(lang)].filter((u) => u.speaker === 'agent');
}

/** cue: where each category's cue words stand (scope.ts cueState). */
interface Scored { u: Utterance; rule: Set<Category>; cue: Record<Category, CueState>; share: number; p: ClassifierScores }

/** The classifier's own say at threshold t: reached, and not outscored by the lawful label. */
function speaks(s: Scored, cat: Category, t: number): boolean {
  return s.p[cat] >= t && !lawfulOutscores(s.p, cat);
}

function classifierAdds(s: Scored, cat: Category, t: number): boolean {
  if (cat === 'third_party_disclosure' && s.u.rightParty !== false) return false;
  return !s.rule.has(cat) && s.cue[cat] === 'live' && speaks(s, cat, t);
}

function combinedF1(scored: Scored[], cat: Category, t: number): number {
  const c = emptyCounts();
  for (const s of scored) {
    const gated = cat === 'third_party_disclosure' && s.u.rightParty === true;
    add(c, !gated && (s.rule.has(cat) || classifierAdds(s, cat, t)), s.u.labels.includes(cat));
  }
  return prf(c).f1;
}

/** Classifier alone (cue words present, any line) out of fold at threshold t. */
function classifierAlone(scored: Scored[], cat: Category, t: number): { p: number; r: number; f1: number; tp: number } {
  const c = emptyCounts();
  for (const s of scored) {
    const gated = cat === 'third_party_disclosure' && s.u.rightParty !== false;
    add(c, !gated && s.cue[cat] === 'live' && speaks(s, cat, t), s.u.labels.includes(cat));
  }
  const m = prf(c);
  return { p: m.p, r: m.r, f1: m.f1, tp: c.tp };
}

/** Classifier alone on lines without the category's cue words, out of fold, at threshold t. */
function classifierUncued(scored: Scored[], cat: Category, t: number): { p: number; tp: number; fp: number; lawfulShare: number } {
  const c = emptyCounts();
  let lawful = 0;
  let lawfulFlagged = 0;
  for (const s of scored) {
    const gated = (cat === 'third_party_disclosure' && s.u.rightParty !== false) || s.cue[cat] !== 'absent' || s.share < MIN_KNOWN_SHARE_UNCUED;
    const says = !gated && speaks(s, cat, t);
    add(c, says, s.u.labels.includes(cat));
    if (s.u.labels.length === 0) {
      lawful++;
      if (says) lawfulFlagged++;
    }
  }
  return { p: prf(c).p, tp: c.tp, fp: c.fp, lawfulShare: lawful === 0 ? 0 : lawfulFlagged / lawful };
}

/**
 * The rules were written looking at all of train, so out of fold they miss almost nothing and
 * cannot show what the classifier adds on unseen wording. The threshold is therefore chosen on
 * the classifier's own out-of-fold scores (cue words present, any line): the one that maximises
 * its F1 averaged with its grid neighbours (a plateau, not a spike), among thresholds at least
 * MIN_PRECISION precise; ties go to the higher threshold. 1.01 (rules only) if none qualifies.
 * (An earlier criterion, the lowest threshold at 95% precision, sat on a cliff: 35 more training
 * lines moved English false_legal from 0.80 to 0.98 and switched the Spanish threat model off.)
 */
function choosePolicy(scored: Scored[], cat: Category, floor = 0): { policy: Policy; f1: number; rulesF1: number; precision: number; recall: number; curve: string } {
  const rulesF1 = combinedF1(scored, cat, 2);
  const at = ADD_GRID.map((t) => classifierAlone(scored, cat, t));
  const curve = ADD_GRID.map((t, i) => `${t}:${at[i]!.p.toFixed(2)}/${at[i]!.r.toFixed(2)}`).join(' ');
  let best = -1;
  let bestScore = -1;
  for (let i = 0; i < ADD_GRID.length; i++) {
    const m = at[i]!;
    if (m.tp < MIN_DEV_HITS || m.p < MIN_PRECISION) continue;
    const nb = [at[i - 1], m, at[i + 1]].filter((x): x is typeof m => x !== undefined);
    const score = nb.reduce((s, x) => s + x.f1, 0) / nb.length;
    if (score >= bestScore) {
      bestScore = score;
      best = i;
    }
  }
  if (best < 0) return { policy: { add: 1.01 }, f1: rulesF1, rulesF1, precision: 0, recall: 0, curve };
  const t = Math.max(ADD_GRID[best]!, floor);
  const m = t === ADD_GRID[best] ? at[best]! : classifierAlone(scored, cat, t);
  return { policy: { add: t }, f1: combinedF1(scored, cat, t), rulesF1, precision: m.p, recall: m.r, curve };
}

// Stability checks and option trials, which only report the out-of-fold policy and write
// nothing: DETECT_TRAIN_SEED=<n> (another seed), DETECT_TRAIN_LANGS=en,zh (some languages),
// DETECT_TRAIN_OPTIONS='{"dim":32}' (options over the shipped ones), DETECT_TRAIN_DRY=1.
const SEED = process.env.DETECT_TRAIN_SEED ? Number(process.env.DETECT_TRAIN_SEED) : null;
const ONLY = process.env.DETECT_TRAIN_LANGS ? process.env.DETECT_TRAIN_LANGS.split(',') : null;
const TRIAL = process.env.DETECT_TRAIN_OPTIONS ? JSON.parse(process.env.DETECT_TRAIN_OPTIONS) as Partial<TrainOptions> : null;
const DRY = process.env.DETECT_TRAIN_DRY === '1' || SEED !== null || ONLY !== null || TRIAL !== null;

function optionsFor(lang: DetectLanguage): TrainOptions {
  return { ...TRAIN_OPTIONS[lang], ...(TRIAL ?? {}), ...(SEED === null ? {} : { seed: SEED }) };
}

/** The word model (<lang>.bin), then the models beside it (<lang>-<name>.bin, ALSO_MODELS). */
function ensemble(lang: DetectLanguage): Array<{ file: string; options: TrainOptions }> {
  const also = (ALSO_MODELS[lang] ?? []).map((m) => ({ file: `${lang}-${m.name}.bin`, options: SEED === null ? m.options : { ...m.options, seed: SEED } }));
  return [{ file: `${lang}.bin`, options: optionsFor(lang) }, ...also];
}

async function main(): Promise<void> {
  const outDir = repoModel('detector');
  mkdirSync(outDir, { recursive: true });
  const rules = new DetectorImpl({ lid: null, classifiers: new Map(), rulesOnly: true });
  const meta: DetectorMeta = { version: 1, minKnownShare: MIN_KNOWN_SHARE, minKnownShareUncued: MIN_KNOWN_SHARE_UNCUED, lawfulVeto: LAWFUL_VETO, addScoped: ADD_SCOPED, languages: {} };
  const report: Record<string, unknown> = {};
  for (const lang of LANGUAGES) {
    if (ONLY && !ONLY.includes(lang)) continue;
    const rows = trainingRows(lang);
    // Each row's labelled line, normalised once for the folds and the final models.
    const lineOf = new Map(rows.map((u) => [u, fastTextLine(u)]));
    if (rows.length === 0) {
      console.error(`[${lang}] no training rows; skipped`);
      continue;
    }
    // 1. Out-of-fold probabilities: for each of FOLDS folds of train families, a model trained
    //    on the other folds scores this fold. Thresholds are chosen on these (never on test).
    const scored: Scored[] = [];
    for (let k = 0; k < FOLDS; k++) {
      const fit = rows.filter((u) => foldOf(u.family) !== k);
      const held = rows.filter((u) => foldOf(u.family) === k);
      if (held.length === 0) continue;
      const lines = fit.map((u) => lineOf.get(u)!);
      const models: FtModel[] = [];
      for (const { options } of ensemble(lang)) models.push(await loadFastTextModel(await trainSupervised(lines, options)));
      for (const u of held) {
        const norm = normalize(u.text);
        const rule = new Set(rules.ruleHits(norm, lang, u.rightParty).map((h) => h.rule.category));
        const cue = Object.fromEntries(CATEGORIES.map((c) => [c, rules.cueState(norm, lang, c)])) as Record<Category, CueState>;
        const tokens = classifierTokens(norm, lang);
        const share = knownShareFrom(models[0]!, tokens);
        const p = share >= MIN_KNOWN_SHARE
          ? averagedProbabilities(models, classifierLine(norm, lang, u.rightParty, tokens))
          : { threat: 0, insult: 0, false_legal: 0, third_party_disclosure: 0, none: 1 };
        scored.push({ u, rule, cue, share, p });
      }
    }
    const policy = {} as Record<Category, Policy>;
    const langReport: Record<string, unknown> = { outOfFoldRows: scored.length };
    for (const cat of CATEGORIES) {
      const r = choosePolicy(scored, cat, ADD_FLOOR[lang]?.[cat]);
      const uncuedAt = UNCUED_GRID.map((t) => classifierUncued(scored, cat, t));
      const pick = r.policy.add > 1 || CUE_ALWAYS[lang]?.includes(cat) ? -1 : uncuedAt.findIndex((m) => m.tp >= MIN_UNCUED_HITS && m.p >= MIN_UNCUED_PRECISION && m.lawfulShare <= MAX_UNCUED_LAWFUL_SHARE);
      const u = uncuedAt[Math.max(pick, 0)]!;
      policy[cat] = pick >= 0 ? { ...r.policy, addUncued: Math.max(UNCUED_GRID[pick]!, r.policy.add) } : r.policy;
      langReport[cat] = {
        classifierP: +r.precision.toFixed(3), classifierR: +r.recall.toFixed(3), rulesOnlyF1: +r.rulesF1.toFixed(3), combinedF1: +r.f1.toFixed(3), add: r.policy.add, curve: r.curve,
        uncued: { tp: u.tp, fp: u.fp, precision: +u.p.toFixed(3), lawfulShare: +u.lawfulShare.toFixed(4), addUncued: policy[cat].addUncued ?? null, curve: UNCUED_GRID.map((t, i) => `${t}:${uncuedAt[i]!.tp}/${uncuedAt[i]!.fp}`).join(' ') },
      };
    }
    if (DRY) {
      report[lang] = langReport;
      continue;
    }
    // 2. Final models on all of train (dev included), same options.
    const lines = rows.map((u) => lineOf.get(u)!);
    const files: string[] = [];
    let modelBytes = 0;
    for (const { file, options } of ensemble(lang)) {
      const bytes = await trainSupervised(lines, options);
      writeFileSync(`${outDir}/${file}`, bytes);
      files.push(file);
      modelBytes += bytes.length;
    }
    const [file, ...alsoFiles] = files as [string, ...string[]];
    meta.languages[lang] = alsoFiles.length ? { file, alsoFiles, policy } : { file, policy };
    langReport.modelBytes = modelBytes;
    langReport.trainRows = rows.length;
    report[lang] = langReport;
    console.error(`[${lang}] ${rows.length} rows, ${FOLDS}-fold out-of-fold scoring, ${files.length} model(s) ${(modelBytes / 1024).toFixed(0)} KiB`);
  }
  if (DRY) {
    console.log(JSON.stringify(report, null, 2));
    return;
  }
  writeFileSync(`${outDir}/meta.json`, JSON.stringify({ ...meta, trainOptions: TRAIN_OPTIONS, alsoModels: ALSO_MODELS }, null, 2) + '\n');
  console.log(JSON.stringify(report, null, 2));
}

// Run only as a script (eval and experiments import trainingRows).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
