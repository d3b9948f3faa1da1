// Keeps the labelled sets apart after a new one is written: a line whose text (NFKC, case and
// spacing folded) is already in an earlier set is dropped from the later one, so no text is
// both trained on and scored, nor read in a dev set and counted as unseen in a fresh set.
// Precedence: corpus + training lines (src/detect/data), then dev rounds, then fresh rounds,
// each in order. Prints only ids and counts, never a fresh line's text.
// Usage: tsx scripts/detect/dedupe-sets.ts [--write]   (without --write it only reports)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../src/paths.js';
import { LANGUAGES } from '../../src/detect/types.js';
import { DEV_FILES, FRESH_FILES, loadCorpus, loadExtra } from './corpus.js';

const write = process.argv.includes('--write');
const key = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

for (const lang of LANGUAGES) {
  const seen = new Set([...loadCorpus(lang), ...loadExtra(lang)].map((u) => key(u.text)));
  for (const file of [...DEV_FILES, ...FRESH_FILES]) {
    const path = join(repoRoot, 'corpus', lang, file);
    let lines: string[];
    try { lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()); } catch { continue; }
    const kept: string[] = [];
    const dropped: string[] = [];
    for (const line of lines) {
      const row = JSON.parse(line) as { id: string; text: string };
      if (seen.has(key(row.text))) dropped.push(row.id);
      else kept.push(line);
    }
    for (const line of kept) seen.add(key((JSON.parse(line) as { text: string }).text));
    if (dropped.length) {
      console.log(`${lang} ${file}: ${dropped.length} line(s) already in an earlier set: ${dropped.join(' ')}`);
      if (write) writeFileSync(path, kept.join('\n') + '\n');
    }
  }
}
