// Every rule carries examples that must match and examples that must not; this runs them
// through normalisation, scope and right-party gating (DetectorImpl.ruleHits), and checks that
// the public classify() reports the category with a span into the caller's text.
import { beforeAll, describe, expect, it } from 'vitest';
import { DetectorImpl } from '../../src/detect/detector.js';
import { normalize, originalSpan } from '../../src/detect/normalize.js';
import { loadLanguageRules } from '../../src/detect/rules.js';
import { LANGUAGES } from '../../src/detect/types.js';

let detector: DetectorImpl;
beforeAll(() => {
  detector = new DetectorImpl({ lid: null, classifiers: new Map(), rulesOnly: true });
});

for (const lang of LANGUAGES) {
  const rules = loadLanguageRules(lang).rules;
  describe(`${lang} rules`, () => {
    it('are well formed', () => {
      expect(rules.length).toBeGreaterThan(5);
      for (const r of rules) {
        expect(r.spec.id.startsWith(`${lang}.${r.category}.`), r.spec.id).toBe(true);
        expect(r.spec.citation.length, r.spec.id).toBeGreaterThan(3);
        expect(r.spec.explanation.length, r.spec.id).toBeGreaterThan(3);
        expect(['warning', 'critical']).toContain(r.spec.severity);
        expect(r.spec.match.length, `${r.spec.id} needs examples that match`).toBeGreaterThan(0);
        expect(r.spec.noMatch.length, `${r.spec.id} needs examples that must not match`).toBeGreaterThan(0);
        // No unexpanded {macro} left in a compiled pattern.
        expect(r.patterns.length, r.spec.id).toBeGreaterThan(0);
        for (const re of r.patterns) expect(/\{[a-zA-Z_][a-zA-Z0-9_]*\}/.test(re.source), r.spec.id).toBe(false);
      }
    });
    for (const r of rules) {
      // Disclosure rules are about what is said to a third party.
      const rightParty = r.category === 'third_party_disclosure' ? false : true;
      it.each(r.spec.match)(`${r.spec.id} matches %s`, (text) => {
        const norm = normalize(text);
        const hit = detector.ruleHits(norm, lang, rightParty).find((h) => h.rule.spec.id === r.spec.id);
        expect(hit, JSON.stringify(detector.ruleHits(norm, lang, rightParty).map((h) => h.rule.spec.id))).toBeDefined();
        const [s, e] = originalSpan(norm, hit!.a, hit!.b);
        expect(e).toBeGreaterThan(s);
        const c = detector.classify({ text, lang, speaker: 'agent', rightParty });
        expect(c.labels).toContain(r.category);
        for (const f of c.findings) expect(text.slice(f.start, f.end)).toBe(f.text);
      });
      it.each(r.spec.noMatch)(`${r.spec.id} leaves alone %s`, (text) => {
        const ids = detector.ruleHits(normalize(text), lang, rightParty).map((h) => h.rule.spec.id);
        expect(ids).not.toContain(r.spec.id);
      });
    }
  });
}

describe('rule compilation', () => {
  it('joins literal-led patterns, keeps macro-led ones apart, and splits all with compileEach', () => {
    for (const lang of LANGUAGES) {
      for (const r of loadLanguageRules(lang).rules) {
        const macroLed = r.spec.patterns.filter((p) => /^(?:\^|\(\?:)*\{[a-zA-Z_]/.test(p)).length;
        const literalLed = r.spec.patterns.length - macroLed;
        const expected = r.spec.compileEach ? r.spec.patterns.length : macroLed + (literalLed > 0 ? 1 : 0);
        expect(r.patterns.length, r.spec.id).toBe(expected);
      }
    }
    expect(loadLanguageRules('es').rules.some((r) => r.spec.compileEach && r.patterns.length > 1)).toBe(true);
  });
});
