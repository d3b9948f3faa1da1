// Keeps the labelled sets apart after a new one is written, comparing texts with NFKC, case and
// spacing folded:
// - an evaluation line (scored fresh rounds, then dev rounds, then sets not listed yet) whose
//   text is already in the corpus or in an earlier evaluation set is dropped, so no line read in
//   a dev set is also counted as unseen in a fresh set;
// - a hand-written training line (src/detect/data/<name>-<lang>.jsonl) whose text is in an
//   evaluation set or in the corpus test split is dropped from training: evaluation sets win.
// Sets on disk that have not joined DEV_FILES / FRESH_FILES / EXTRA_FILES yet (a fresh set joins
// when it is first scored) are kept apart too, after every listed set.
// Prints only ids and counts, never a fresh line's text.
// Usage: tsx scripts/detect/dedupe-sets.ts [--write]   (without --write it only reports)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../src/paths.js';
import { LANGUAGES } from '../../src/detect/types.js';
import { DEV_FILES, EXTRA_FILES, FRESH_FILES, loadCorpus, textKey as key } from './corpus.js';

const write = process.argv.includes('--write');

/** Files on disk in `dir` matching `pattern` that are not in `listed` yet, in round order. */
function pending(listed: readonly string[], dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).filter((f) => pattern.test(f) && !listed.includes(f)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

function readLines(path: string): string[] {
  try { return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()); } catch { return []; }
}

/** Drops from `path` the lines whose text is in `taken`; with `claim`, adds the kept ones to it. */
function dedupe(lang: string, path: string, label: string, taken: Set<string>, claim: boolean): void {
  const kept: string[] = [];
  const keptKeys: string[] = [];
  const dropped: string[] = [];
  for (const line of readLines(path)) {
    const row = JSON.parse(line) as { id?: string; text: string };
    const k = key(row.text);
    if (taken.has(k)) dropped.push(row.id ?? `line ${kept.length + dropped.length + 1}`);
    else { kept.push(line); keptKeys.push(k); }
  }
  // Claimed only after the file is read: repeats inside one file are its writer's business.
  if (claim) for (const k of keptKeys) taken.add(k);
  if (dropped.length === 0) return;
  console.log(`${lang} ${label}: ${dropped.length} line(s) already in an earlier or evaluation set: ${dropped.join(' ')}`);
  if (write) writeFileSync(path, kept.join('\n') + '\n');
}

for (const lang of LANGUAGES) {
  const corpus = loadCorpus(lang);
  const taken = new Set(corpus.map((u) => key(u.text)));
  const corpusDir = join(repoRoot, 'corpus', lang);
  // Scored fresh rounds keep their lines against every dev round (a dev round listed while it is
  // decided on must not take lines away from a fresh round already scored), and sets that have
  // joined keep theirs against sets that have not.
  const evalFiles = [...FRESH_FILES, ...DEV_FILES, ...pending(DEV_FILES, corpusDir, /^dev\d*\.jsonl$/), ...pending(FRESH_FILES, corpusDir, /^fresh\d*-holdout\.jsonl$/)];
  for (const file of evalFiles) dedupe(lang, join(corpusDir, file), file, taken, true);
  // Training lines may repeat corpus train lines (harmless), never an evaluation or test text.
  const corpusTrain = new Set(corpus.filter((u) => u.split === 'train').map((u) => key(u.text)));
  const evalOrTest = new Set([...taken].filter((k) => !corpusTrain.has(k)));
  const dataDir = join(repoRoot, 'src', 'detect', 'data');
  const listedTraining = EXTRA_FILES.map((name) => `${name}-${lang}.jsonl`);
  const trainingFiles = [...listedTraining, ...pending(listedTraining, dataDir, new RegExp(`^(?:extra|hand\\d*)-${lang}\\.jsonl$`))];
  for (const file of trainingFiles) dedupe(lang, join(dataDir, file), file, evalOrTest, false);
}
