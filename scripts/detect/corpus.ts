// Reads the labelled corpus (corpus/<lang>/utterances.jsonl) and this detector's extra
// training lines (src/detect/data/extra-<lang>.jsonl, train only), and carves a dev split
// from train by family (never from test).
// corpus/<lang>/fresh-holdout.jsonl (split "fresh") is evaluation only: loadCorpus and
// loadExtra never read it, and only eval.ts may call loadFreshHoldout
// (test/detect/fresh-holdout.test.ts checks that training lines hold none of its texts).
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
  split: 'train' | 'test' | 'fresh';
  rightParty: boolean | null;
  family: string;
  hard?: boolean;
}

function readJsonl(path: string, lang: DetectLanguage, forceSplit?: 'train' | 'fresh'): Utterance[] {
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

/** The fresh held-out set, written by hand after the rules. Evaluation only (eval.ts); never
 *  call it from training, threshold choice or any script that prints lines. */
export function loadFreshHoldout(lang: DetectLanguage): Utterance[] {
  return readJsonl(join(repoRoot, 'corpus', lang, 'fresh-holdout.jsonl'), lang, 'fresh');
}

export function loadExtra(lang: DetectLanguage): Utterance[] {
  return readJsonl(join(repoRoot, 'src', 'detect', 'data', `extra-${lang}.jsonl`), lang, 'train').map((u, i) => ({ ...u, id: u.id || `extra-${lang}-${i}`, family: u.family === 'extra' ? `extra-${lang}-${i}` : u.family }));
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

/** Fold 0 doubles as the single dev split where one is enough. */
export function isDevFamily(family: string): boolean {
  return foldOf(family) === 0;
}
