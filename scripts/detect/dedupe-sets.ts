// Keeps the labelled sets apart after a new one is written: a line whose text (NFKC, case and
// spacing folded) is already in an earlier set is dropped from the later one, so no text is
// both trained on and scored, nor read in a dev set and counted as unseen in a fresh set.
// Precedence: corpus + training lines (src/detect/data), then dev rounds, then fresh rounds,
// each in order. `--training=<name>` (e.g. hand3) names a training file written after the
// evaluation sets: its lines yield instead (dropped from src/detect/data/<name>-<lang>.jsonl).
// Prints only ids and counts, never a fresh line's text.
// Usage: tsx scripts/detect/dedupe-sets.ts [--training=<name>] [--write]   (without --write it only reports)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../src/paths.js';
import { LANGUAGES } from '../../src/detect/types.js';
import { DEV_FILES, FRESH_FILES, loadCorpus, loadExtra } from './corpus.js';

const write = process.argv.includes('--write');
const lateTraining = process.argv.find((a) => a.startsWith('--training='))?.slice('--training='.length);
const key = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

function readLines(path: string): string[] {
  try { return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()); } catch { return []; }
}

/** Drops from `path` the lines whose text is in `seen`, adds the kept ones to `seen`. */
function dedupe(lang: string, path: string, label: string, seen: Set<string>): void {
  const kept: string[] = [];
  const dropped: string[] = [];
  for (const line of readLines(path)) {
    const row = JSON.parse(line) as { id?: string; text: string };
    if (seen.has(key(row.text))) dropped.push(row.id ?? `line ${kept.length + dropped.length + 1}`);
    else kept.push(line);
  }
  for (const line of kept) seen.add(key((JSON.parse(line) as { text: string }).text));
  if (dropped.length === 0) return;
  console.log(`${lang} ${label}: ${dropped.length} line(s) already in an earlier set: ${dropped.join(' ')}`);
  if (write) writeFileSync(path, kept.join('\n') + '\n');
}

for (const lang of LANGUAGES) {
  const latePath = lateTraining ? join(repoRoot, 'src', 'detect', 'data', `${lateTraining}-${lang}.jsonl`) : null;
  // The late training file's own lines (ids `<name>-<lang>-…`) do not count as earlier.
  const earlier = [...loadCorpus(lang), ...loadExtra(lang)].filter((u) => !(lateTraining && u.id.startsWith(`${lateTraining}-`)));
  const seen = new Set(earlier.map((u) => key(u.text)));
  for (const file of [...DEV_FILES, ...FRESH_FILES]) dedupe(lang, join(repoRoot, 'corpus', lang, file), file, seen);
  if (latePath) dedupe(lang, latePath, `${lateTraining}-${lang}.jsonl`, seen);
}
