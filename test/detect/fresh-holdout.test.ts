// The hand-written evaluation sets are never trained on: the training loader (trainingRows =
// corpus train split + src/detect/data/{extra,hand}-<lang>.jsonl) and the corpus loaders must
// hold none of their texts, so their scores in `npm run eval` stay unseen-wording scores. The dev
// set (corpus/<lang>/dev.jsonl) has its errors read, so it must not share a text with the fresh
// held-out set (corpus/<lang>/fresh-holdout.jsonl) either.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/paths.js';
import { LANGUAGES } from '../../src/detect/types.js';
import { loadCorpus, loadDev, loadExtra, loadFreshHoldout } from '../../scripts/detect/corpus.js';
import { trainingRows } from '../../scripts/detect/train.js';

const key = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

describe('fresh held-out set', () => {
  for (const lang of LANGUAGES) {
    it(`${lang}: exists, is split "fresh", and no training line has one of its texts`, () => {
      expect(existsSync(join(repoRoot, 'corpus', lang, 'fresh-holdout.jsonl'))).toBe(true);
      const fresh = loadFreshHoldout(lang);
      expect(fresh.length).toBeGreaterThan(300);
      expect(fresh.every((u) => u.split === 'fresh' && u.id.startsWith(`fresh-${lang}-`) && u.family.startsWith(`fresh-${lang}-`))).toBe(true);
      const freshTexts = new Set(fresh.map((u) => key(u.text)));
      const train = trainingRows(lang);
      expect(train.length).toBeGreaterThan(0);
      const leaked = train.filter((u) => freshTexts.has(key(u.text))).map((u) => u.id);
      expect(leaked).toEqual([]);
      // Nor any other loader the training and rule tooling use (corpus train/test, extra lines).
      const other = [...loadCorpus(lang), ...loadExtra(lang)];
      expect(other.some((u) => u.split === 'fresh' || u.family.startsWith('fresh-'))).toBe(false);
      expect(other.filter((u) => freshTexts.has(key(u.text))).map((u) => u.id)).toEqual([]);
    });
  }
});

describe('hand-written dev set', () => {
  for (const lang of LANGUAGES) {
    it(`${lang}: exists, is split "dev", shares no text with training lines or the fresh held-out set`, () => {
      const dev = loadDev(lang);
      expect(dev.length).toBeGreaterThan(300);
      expect(dev.every((u) => u.split === 'dev' && u.id.startsWith(`dev-${lang}-`) && u.family.startsWith(`dev-${lang}-`))).toBe(true);
      const devTexts = new Set(dev.map((u) => key(u.text)));
      const others = [...loadCorpus(lang), ...loadExtra(lang), ...loadFreshHoldout(lang)];
      expect(others.filter((u) => devTexts.has(key(u.text))).map((u) => u.id)).toEqual([]);
    });
  }
});
