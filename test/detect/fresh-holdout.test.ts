// The hand-written evaluation sets (fresh held-out rounds, dev rounds not yet trained on) are
// never trained on: the training loader (trainingRows = corpus train split +
// src/detect/data/*-<lang>.jsonl + the dev rounds in TRAINED_DEV_FILES) and the corpus loaders
// must hold none of their texts, so their scores in `npm run eval` stay unseen-wording scores.
// The sets share no text with one another either: the dev sets' errors are read (and the older
// rounds are trained on), and a line read there must not also be counted as unseen in a fresh set.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/paths.js';
import { LANGUAGES } from '../../src/detect/types.js';
import { DEV_FILES, FRESH_FILES, TRAINED_DEV_FILES, handSetPrefix, loadCorpus, loadDev, loadExtra, loadFreshHoldout, textKey as key, type HandSetFile, type Utterance } from '../../scripts/detect/corpus.js';
import { trainingRows } from '../../scripts/detect/train.js';


const SETS: Array<{ file: HandSetFile; split: 'dev' | 'fresh'; load: (lang: (typeof LANGUAGES)[number]) => Utterance[] }> = [
  ...DEV_FILES.map((file) => ({ file, split: 'dev' as const, load: (lang: (typeof LANGUAGES)[number]) => loadDev(lang, file) })),
  ...FRESH_FILES.map((file) => ({ file, split: 'fresh' as const, load: (lang: (typeof LANGUAGES)[number]) => loadFreshHoldout(lang, file) })),
];

describe('hand-written evaluation sets', () => {
  for (const lang of LANGUAGES) {
    it(`${lang}: every round exists with its split and id prefix`, () => {
      for (const { file, split, load } of SETS) {
        expect(existsSync(join(repoRoot, 'corpus', lang, file)), file).toBe(true);
        const rows = load(lang);
        expect(rows.length, file).toBeGreaterThan(300);
        const prefix = `${handSetPrefix(file)}-${lang}-`;
        expect(rows.filter((u) => u.split !== split || !u.id.startsWith(prefix) || !u.family.startsWith(prefix)).map((u) => u.id), file).toEqual([]);
      }
    });

    it(`${lang}: no training or corpus line has the text of an evaluation line`, () => {
      const unseen = SETS.filter(({ file }) => !(TRAINED_DEV_FILES as readonly string[]).includes(file));
      expect(unseen.filter(({ split }) => split === 'fresh').length).toBe(FRESH_FILES.length);
      const unseenTexts = new Set(unseen.flatMap(({ load }) => load(lang)).map((u) => key(u.text)));
      const train = trainingRows(lang);
      expect(train.length).toBeGreaterThan(0);
      expect(train.filter((u) => unseenTexts.has(key(u.text))).map((u) => u.id)).toEqual([]);
      // The trained dev rounds are in, and nothing else of split dev or fresh.
      expect(train.filter((u) => u.split === 'fresh' || (u.split === 'dev' && !TRAINED_DEV_FILES.some((f) => u.id.startsWith(`${handSetPrefix(f)}-`)))).map((u) => u.id)).toEqual([]);
      expect(train.some((u) => u.split === 'dev')).toBe(true);
      // Nor any other loader the training and rule tooling use (corpus train/test, extra lines),
      // whatever the round.
      const evalTexts = new Set(SETS.flatMap(({ load }) => load(lang)).map((u) => key(u.text)));
      const other = [...loadCorpus(lang), ...loadExtra(lang)];
      expect(other.some((u) => u.split === 'fresh' || u.split === 'dev')).toBe(false);
      expect(other.filter((u) => evalTexts.has(key(u.text))).map((u) => u.id)).toEqual([]);
    });

    it(`${lang}: the evaluation sets share no text with one another`, () => {
      const owner = new Map<string, string>();
      const shared: string[] = [];
      for (const { file, load } of SETS) {
        for (const u of load(lang)) {
          const k = key(u.text);
          const first = owner.get(k);
          if (first && first !== file) shared.push(`${u.id} (${file}) = a line of ${first}`);
          else owner.set(k, file);
        }
      }
      expect(shared).toEqual([]);
    });
  }
});
