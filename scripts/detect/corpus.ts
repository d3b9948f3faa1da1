// Reads the labelled corpus (corpus/<lang>/utterances.jsonl) and this detector's extra
// training lines (src/detect/data/<EXTRA_FILES>-<lang>.jsonl, train only), and carves
// cross-validation folds from train by family (never from test).
// The hand-written sets are written in rounds:
// - corpus/<lang>/dev*.jsonl (DEV_FILES, split "dev"): their errors may be read to improve the
//   detector; while a round's decisions are taken on it, it is listed in UNTRAINED_DEV_FILES,
//   and once they are made it leaves that list and becomes training lines too (TRAINED_DEV_FILES:
//   it no longer measures anything, its wording still teaches);
// - corpus/<lang>/fresh*-holdout.jsonl (FRESH_FILES, split "fresh"): never read, never trained
//   on; only eval.ts may call loadFreshHoldout, and only for aggregates.
// (test/detect/fresh-holdout.test.ts checks that training lines hold none of their texts.)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../src/paths.js';
import { isCategory, type Category, type DetectLanguage } from '../../src/detect/types.js';

export interface Utterance {
  id: string;
  lang: DetectLanguage;
  speaker: 'agent' | 'customer';
  text: string;
  labels: Category[];
  split: 'train' | 'test' | 'dev' | 'fresh';
  rightParty: boolean | null;
  family: string;
  hard?: boolean;
}

function readJsonl(path: string, lang: DetectLanguage, forceSplit?: 'train' | 'dev' | 'fresh'): Utterance[] {
  if (!existsSync(path)) return [];
  const out: Utterance[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as Partial<Utterance>;
    if (typeof r.text !== 'string') continue;
    out.push({
      id: String(r.id ?? ''),
      lang,
      speaker: r.speaker === 'customer' ? 'customer' : 'agent',
      text: r.text,
      labels: (Array.isArray(r.labels) ? r.labels : []).filter(isCategory),
      split: forceSplit ?? (r.split === 'test' ? 'test' : 'train'),
      rightParty: r.rightParty === true || r.rightParty === false ? r.rightParty : null,
      family: String(r.family ?? 'extra'),
      hard: r.hard === true ? true : undefined,
    });
  }
  return out;
}

export function loadCorpus(lang: DetectLanguage): Utterance[] {
  return readJsonl(join(repoRoot, 'corpus', lang, 'utterances.jsonl'), lang);
}

/** What counts as the same text across sets: NFKC, case and spacing folded. */
export function textKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The hand-written sets, one file per round; a set's id prefix is its file name's stem
 *  (`dev2.jsonl` → `dev2-<lang>-0001`, `fresh2-holdout.jsonl` → `fresh2-<lang>-0001`). */
export const DEV_FILES = ['dev.jsonl', 'dev2.jsonl', 'dev3.jsonl', 'dev4.jsonl', 'dev5.jsonl', 'dev6.jsonl', 'dev7.jsonl', 'dev8.jsonl', 'dev9.jsonl', 'dev10.jsonl', 'dev11.jsonl', 'dev12.jsonl', 'dev13.jsonl', 'dev14.jsonl'] as const;
export const FRESH_FILES = ['fresh-holdout.jsonl', 'fresh2-holdout.jsonl', 'fresh3-holdout.jsonl', 'fresh4-holdout.jsonl', 'fresh5-holdout.jsonl', 'fresh6-holdout.jsonl', 'fresh7-holdout.jsonl', 'fresh8-holdout.jsonl', 'fresh9-holdout.jsonl', 'fresh10-holdout.jsonl', 'fresh11-holdout.jsonl', 'fresh12-holdout.jsonl', 'fresh13-holdout.jsonl', 'fresh14-holdout.jsonl', 'fresh15-holdout.jsonl'] as const;
export type DevFile = (typeof DEV_FILES)[number];
export type HandSetFile = DevFile | (typeof FRESH_FILES)[number];
/** The dev round the current round's gates and training lines are being decided on: listed in
 *  DEV_FILES, kept out of training until the decisions are made (empty between rounds). */
export const UNTRAINED_DEV_FILES: readonly DevFile[] = [];
/** Dev rounds the classifier trains on (eighth round on): every listed round but the one being
 *  decided on. Their errors were read and the rules fitted to them, or the round's gates and
 *  training lines were decided on them, so their scores had stopped measuring anything. On
 *  dev6-7, which it had not seen, a classifier that also learned dev1-5 flagged fewer lawful lines
 *  (en 8 to 4 of 444) and found more threats and false-legal claims alone (corpus/README.md
 *  § Eighth round). */
export const TRAINED_DEV_FILES: readonly DevFile[] = DEV_FILES.filter((f) => !UNTRAINED_DEV_FILES.includes(f));

export function handSetPrefix(file: HandSetFile): string {
  return file.replace(/(-holdout)?\.jsonl$/, '');
}

/** A fresh held-out set (all rounds when no file is named), written by hand after the rules.
 *  Evaluation only (eval.ts); never call it from training, threshold choice or any script that
 *  prints lines. */
export function loadFreshHoldout(lang: DetectLanguage, file?: (typeof FRESH_FILES)[number]): Utterance[] {
  return readRounds(lang, file ? [file] : FRESH_FILES, 'fresh');
}

/** A hand-written development set (all rounds when no file is named): evaluation only, but its
 *  errors may be read (eval --errors). */
export function loadDev(lang: DetectLanguage, file?: DevFile): Utterance[] {
  return readRounds(lang, file ? [file] : DEV_FILES, 'dev');
}

/** The dev rounds that are training lines too (TRAINED_DEV_FILES). */
export function loadTrainedDev(lang: DetectLanguage): Utterance[] {
  return readRounds(lang, TRAINED_DEV_FILES, 'dev');
}

function readRounds(lang: DetectLanguage, files: readonly HandSetFile[], split: 'dev' | 'fresh'): Utterance[] {
  return files.flatMap((f) => readJsonl(join(repoRoot, 'corpus', lang, f), lang, split));
}

/** Training lines beside the corpus: extra-<lang> (written while building the rules) and
 *  hand-<lang> … hand9-<lang> (written by hand without reading the rules, for varied wording;
 *  corpus/README.md § Dev set, § Later rounds, § Seventh and § Eighth round); hand10-es …
 *  hand15-es are Spanish only, six writers on veiled threats and their lawful twins (§ Ninth round);
 *  hand16-<lang> and hand17-es, friendly remarks about family, job, car or church beside their
 *  menacing twins (§ Tenth round); hand18 is English only, threats carried by intent beside lawful
 *  lines on the same situations (§ Eleventh round: its Spanish and Mandarin twins did not help). */
export const EXTRA_FILES = ['extra', 'hand', 'hand2', 'hand3', 'hand4', 'hand5', 'hand6', 'hand7', 'hand8', 'hand9', 'hand10', 'hand11', 'hand12', 'hand13', 'hand14', 'hand15', 'hand16', 'hand17', 'hand18'] as const;

export function loadExtra(lang: DetectLanguage): Utterance[] {
  return EXTRA_FILES.flatMap((name) => readJsonl(join(repoRoot, 'src', 'detect', 'data', `${name}-${lang}.jsonl`), lang, 'train')
    .map((u, i) => ({ ...u, id: u.id || `${name}-${lang}-${i}`, family: u.family === 'extra' ? `${name}-${lang}-${i}` : u.family })));
}

function hash(s: string): number {
  let h = 2166136261 >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h >>> 0;
}

export const FOLDS = 5;

/** Cross-validation fold of a train family (a disclosure's lawful twin follows it). */
export function foldOf(family: string): number {
  const base = family.replace(/-rp$/, '');
  return hash(`earshot-dev:${base}`) % FOLDS;
}
