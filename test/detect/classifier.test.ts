// The trained classifier's plumbing: reproducible training, prediction, vocabulary checks,
// and the shipped models' metadata.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifierLine, classifierTokens, loadClassifiers, probabilitiesFrom, rightPartyToken, type DetectorMeta, type LanguageEntry } from '../../src/detect/classifier.js';
import { loadFastTextModel, trainSupervised } from '../../src/detect/fasttext.js';
import { normalize } from '../../src/detect/normalize.js';
import { repoModel } from '../../src/paths.js';
import { CATEGORIES, type DetectLanguage } from '../../src/detect/types.js';

const lines: string[] = [];
for (let i = 0; i < 60; i++) {
  lines.push(`__label__threat i will hurt you number${i % 7} watch your back`);
  lines.push(`__label__none your balance is due on friday number${i % 5} thank you`);
}
const opts = { lr: 0.5, epoch: 10, dim: 8, wordNgrams: 2, minCount: 1, bucket: 2000, minn: 0, maxn: 0, loss: 'ova' as const, seed: 3 };

describe('fastText training', () => {
  it('is reproducible: same data, same seed, same bytes', async () => {
    const a = await trainSupervised(lines, opts);
    const b = await trainSupervised(lines, opts);
    expect(a.length).toBeGreaterThan(1000);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
  it('learns and predicts per-label probabilities', async () => {
    const m = await loadFastTextModel(await trainSupervised(lines, opts));
    const p = Object.fromEntries(m.predict('i will hurt you'));
    expect(p.threat).toBeGreaterThan(0.5);
    const q = Object.fromEntries(m.predict('your balance is due'));
    expect(q.threat ?? 0).toBeLessThan(0.5);
    expect(m.knows('balance')).toBe(true);
    expect(m.knows('zebra')).toBe(false);
  });
});

describe('classifier input', () => {
  it('uses normalised tokens, folded digits and a right-party token', () => {
    const line = classifierLine(normalize('You OWE $1,500 TODAY!'), 'en', false);
    expect(line).toBe(`you owe $0 today ${rightPartyToken(false)}`);
    expect(rightPartyToken(true)).not.toBe(rightPartyToken(null));
  });
  it('segments Chinese into words', () => {
    const toks = classifierTokens(normalize('你再不還錢我們就去你單位'), 'zh');
    expect(toks.join('')).toBe('你再不还钱我们就去你单位');
    expect(toks.length).toBeGreaterThan(3);
    expect(toks.length).toBeLessThan(12);
  });
});

describe('shipped models', () => {
  const metaPath = repoModel('detector', 'meta.json');
  it.runIf(existsSync(metaPath))('have a policy for every category and a model file per language', () => {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as DetectorMeta;
    for (const [lang, entry] of Object.entries(meta.languages)) {
      for (const file of [entry!.file, ...(entry!.alsoFiles ?? [])]) expect(existsSync(repoModel('detector', file)), `${lang} ${file}`).toBe(true);
      for (const c of CATEGORIES) {
        expect(entry!.policy[c].add).toBeGreaterThan(0.4);
        // The cue-less tier is stricter than the cued one, where it exists.
        const uncued = entry!.policy[c].addUncued;
        if (uncued !== undefined) expect(uncued).toBeGreaterThanOrEqual(entry!.policy[c].add);
      }
      expect(meta.minKnownShareUncued).toBeGreaterThanOrEqual(meta.minKnownShare!);
      // The veto needs the lawful label to be sure and the category unlikely.
      expect(meta.lawfulVeto!.none).toBeGreaterThanOrEqual(0.9);
      expect(meta.lawfulVeto!.category).toBeLessThanOrEqual(0.1);
      expect(meta.addScoped).toBeGreaterThanOrEqual(0.95);
    }
  });
});

describe('a language with several models', () => {
  const metaPath = repoModel('detector', 'meta.json');
  const meta = existsSync(metaPath) ? (JSON.parse(readFileSync(metaPath, 'utf8')) as DetectorMeta) : null;
  const several = Object.entries(meta?.languages ?? {}).filter(([, e]) => (e?.alsoFiles?.length ?? 0) > 0) as Array<[DetectLanguage, LanguageEntry]>;
  // Lines from lawful to menacing, and a word every model of the language knows, per language.
  const probe: Record<DetectLanguage, { texts: string[]; known: string }> = {
    en: { texts: ['We know where your wife works, so it is up to you', 'Your wife works at the bank, right?', 'I can call you back after your shift'], known: 'your' },
    es: { texts: ['Ya sabemos dónde trabaja su esposa, así que usted verá', 'Su esposa trabaja en el banco, ¿verdad?', 'Le puedo llamar después de su turno'], known: 'su' },
    zh: { texts: ['我们知道你老婆在哪上班，你自己看着办', '你老婆在银行上班吧', '我等你下班再打给你'], known: '你' },
  };
  it('covers at least one language', () => {
    expect(meta === null || several.length > 0).toBe(true);
  });
  for (const [lang, entry] of several) {
    it(`${lang} reads each label as the average of its models, and the known share from the word model`, async () => {
      const cls = (await loadClassifiers(repoModel('detector'))).get(lang)!;
      const models = await Promise.all([entry.file, ...entry.alsoFiles!].map(async (f) => loadFastTextModel(readFileSync(repoModel('detector', f)))));
      let disagree = false;
      for (const text of probe[lang].texts) {
        const line = classifierLine(normalize(text), lang, true);
        const each = models.map((m) => probabilitiesFrom(m, line));
        const got = cls.probabilities(line);
        for (const label of [...CATEGORIES, 'none'] as const) {
          expect(got[label]).toBeCloseTo(each.reduce((s, p) => s + (p[label] ?? 0), 0) / each.length, 6);
          disagree ||= Math.abs((each[0]![label] ?? 0) - (each[1]![label] ?? 0)) > 1e-3;
        }
      }
      // The models disagree somewhere, so the average is not any one of them.
      expect(disagree).toBe(true);
      expect(cls.knownShare([probe[lang].known, 'zzzqx'])).toBe(0.5);
    });
  }
});
