// The classifier may add a finding only when a cue word of its category is live (outside
// negated and reported scope), or without one when it is very sure on familiar words
// (Policy.addUncued); a rule that yields to a category steps aside when the classifier found
// that category. In a denial it is sure is lawful, it may silence a rule finding (LawfulVeto).
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClassifierScores, LanguageClassifier, LawfulVeto, Policy } from '../../src/detect/classifier.js';
import { DetectorImpl } from '../../src/detect/detector.js';
import { loadDetector, type Detector } from '../../src/detect/index.js';
import { normalize } from '../../src/detect/normalize.js';
import { loadLanguageRules } from '../../src/detect/rules.js';
import { cueState, hasNegator, liveCue } from '../../src/detect/scope.js';
import type { Category } from '../../src/detect/types.js';

/** A detector whose English classifier gives fixed answers (every category off unless `policy`
 *  says otherwise): what is under test is how the detector gates them. */
function fixedDetector(o: { probs: Partial<ClassifierScores>; policy?: Partial<Record<Category, Policy>>; share?: number; lawfulVeto?: LawfulVeto | null }): DetectorImpl {
  const off: Policy = { add: 1.01 };
  const stub: LanguageClassifier = {
    lang: 'en',
    policy: { threat: off, insult: off, false_legal: off, third_party_disclosure: off, ...o.policy },
    minKnownShare: 0.8,
    minKnownShareUncued: 0.9,
    lawfulVeto: o.lawfulVeto ?? null,
    addScoped: 0.98,
    probabilities: () => ({ threat: 0, insult: 0, false_legal: 0, third_party_disclosure: 0, none: 0, ...o.probs }),
    knownShare: () => o.share ?? 1,
  };
  return new DetectorImpl({ lid: null, classifiers: new Map([['en', stub]]), rulesOnly: false });
}

describe('liveCue', () => {
  const en = loadLanguageRules('en');
  const es = loadLanguageRules('es');
  const live = (rules: typeof en, text: string): boolean => liveCue(normalize(text), rules.lang, rules.scope, rules.cues.false_legal);

  it('is false when every cue word is negated or reported', () => {
    expect(live(en, 'This is not a criminal matter.')).toBe(false);
    expect(live(en, 'You told me last week you would sue us.')).toBe(false);
    expect(live(es, 'No lo vamos a demandar.')).toBe(false);
  });

  it('is true when a cue word stands in plain scope', () => {
    expect(live(en, 'The sheriff will arrest you tonight.')).toBe(true);
    expect(live(en, 'This is not a joke, the sheriff will arrest you tonight.')).toBe(true);
    expect(live(es, 'Lo vamos a demandar mañana.')).toBe(true);
  });

  it('tells a negated or reported cue word from none at all', () => {
    const state = (text: string): string => cueState(normalize(text), 'en', en.scope, en.cues.false_legal);
    expect(state('The sheriff will arrest you tonight.')).toBe('live');
    expect(state('Nobody is going to arrest you.')).toBe('scoped');
    expect(state('Have a lovely weekend.')).toBe('absent');
  });

  it('leaves the shared regex reusable (lastIndex reset)', () => {
    const cue = en.cues.false_legal;
    live(en, 'The sheriff will arrest you tonight.');
    expect(cue.lastIndex).toBe(0);
    expect(live(en, 'arrest')).toBe(true);
  });
});

describe('yields after the classifier', () => {
  let det: Detector;
  beforeAll(async () => {
    det = await loadDetector();
  });

  it('telling a landlord the debtor is behind is a disclosure, not a threat to expose him', () => {
    const r = det.classify({ text: "You're his landlord? Okay, you might want to know he's also behind with us, around seven grand.", lang: 'en', speaker: 'agent', rightParty: false });
    expect(r.labels).toContain('third_party_disclosure');
    expect(r.labels).not.toContain('threat');
  });

  it('the same telling threatened to the debtor is still a threat', () => {
    const r = det.classify({ text: 'Your landlord might want to know how you handle your bills.', lang: 'en', speaker: 'agent', rightParty: true });
    expect(r.labels).toContain('threat');
  });
});

describe('findings without a cue word', () => {
  const detectorWith = (threatP: number, share: number, threat: Policy, noneP = 0): DetectorImpl =>
    fixedDetector({ probs: { threat: threatP, none: noneP }, policy: { threat }, share });
  // No threat rule and no threat cue word (rules/en/cues.json) in it.
  const text = 'Folks who duck us seem to run into a lot of bad luck. Flat tyres, cracked windshields, you name it.';
  const labels = (d: DetectorImpl): string[] => d.classify({ text, lang: 'en', speaker: 'agent', rightParty: true }).labels;

  it('needs addUncued: the cue gate alone keeps a sure classifier silent', () => {
    expect(labels(detectorWith(0.99, 1, { add: 0.5 }))).toEqual([]);
  });

  it('speaks at or above addUncued on familiar words', () => {
    const d = detectorWith(0.97, 0.95, { add: 0.5, addUncued: 0.95 });
    expect(labels(d)).toEqual(['threat']);
    expect(d.classify({ text, lang: 'en', speaker: 'agent', rightParty: true }).findings[0]!.rule).toBe('en.threat.classifier');
  });

  it('stays silent below addUncued, or when too few words are known', () => {
    expect(labels(detectorWith(0.9, 1, { add: 0.5, addUncued: 0.95 }))).toEqual([]);
    expect(labels(detectorWith(0.99, 0.85, { add: 0.5, addUncued: 0.95 }))).toEqual([]);
  });

  it("needs addScoped when the category's cue words are all negated or reported", () => {
    const scoped = 'Nobody is going to hurt anybody over this.';
    const said = (p: number): string[] => detectorWith(p, 1, { add: 0.5, addUncued: 0.95 }).classify({ text: scoped, lang: 'en', speaker: 'agent', rightParty: true }).labels;
    expect(said(0.97)).toEqual([]);
    expect(said(0.99)).toEqual(['threat']);
    // Never without a cue-less tier.
    expect(detectorWith(0.99, 1, { add: 0.5 }).classify({ text: scoped, lang: 'en', speaker: 'agent', rightParty: true }).labels).toEqual([]);
  });

  it('stays silent when the lawful label outscores the category', () => {
    const policy: Policy = { add: 0.5, addUncued: 0.95 };
    expect(labels(detectorWith(0.97, 1, policy, 0.98))).toEqual([]);
    expect(labels(detectorWith(0.97, 1, policy, 0.9))).toEqual(['threat']);
  });

  it('never speaks for the customer', () => {
    const d = detectorWith(0.99, 1, { add: 0.5, addUncued: 0.95 });
    expect(d.classify({ text, lang: 'en', speaker: 'customer', rightParty: true }).labels).toEqual([]);
  });

  it('the shipped Mandarin model flags a veiled threat with no cue word', async () => {
    const det = await loadDetector();
    const r = det.classify({ text: '你那辆白色的车停在楼下挺显眼的啊。', lang: 'zh', speaker: 'agent', rightParty: true });
    expect(r.findings.map((f) => f.rule)).toEqual(['zh.threat.classifier']);
  });
});

describe('a negated debt word to a third party', () => {
  // The disclosure gate: negation does not hide what the listener learns.
  const detectorWith = (disclosureP: number): DetectorImpl =>
    fixedDetector({ probs: { third_party_disclosure: disclosureP }, policy: { third_party_disclosure: { add: 0.5 } } });
  const text = "You're his foreman? He hasn't made a truck payment with us since July.";
  const rules = loadLanguageRules('en');

  it('keeps the disclosure cue live while a threat cue in the same place would be scoped', () => {
    const det = detectorWith(0.9);
    expect(det.cueState(normalize(text), 'en', 'third_party_disclosure')).toBe('live');
    expect(cueState(normalize(text), 'en', rules.scope, rules.cues.third_party_disclosure)).toBe('scoped');
  });

  it('lets the classifier add the disclosure, and only said to a third party', () => {
    expect(detectorWith(0.9).classify({ text, lang: 'en', speaker: 'agent', rightParty: false }).labels).toEqual(['third_party_disclosure']);
    expect(detectorWith(0.3).classify({ text, lang: 'en', speaker: 'agent', rightParty: false }).labels).toEqual([]);
    expect(detectorWith(0.9).classify({ text, lang: 'en', speaker: 'agent', rightParty: true }).labels).toEqual([]);
  });
});

describe('the lawful veto', () => {
  // A false-legal rule hits each text below.
  const detectorWith = (falseLegalP: number, noneP: number): DetectorImpl =>
    fixedDetector({ probs: { false_legal: falseLegalP, none: noneP }, lawfulVeto: { none: 0.9, category: 0.1 } });
  const labels = (d: DetectorImpl, text: string): string[] => d.classify({ text, lang: 'en', speaker: 'agent', rightParty: true }).labels;
  const denial = 'You will be arrested tonight? No. Whoever told you that was wrong.';
  const claim = 'You will be arrested tonight.';

  it('silences a rule finding in an utterance with a negator when the lawful label is sure', () => {
    expect(labels(detectorWith(0.02, 0.95), denial)).toEqual([]);
  });

  it('keeps it when the lawful label is less sure or the category not unlikely enough', () => {
    expect(labels(detectorWith(0.02, 0.85), denial)).toEqual(['false_legal']);
    expect(labels(detectorWith(0.2, 0.95), denial)).toEqual(['false_legal']);
  });

  it('never silences a claim without a negator, however sure the lawful label', () => {
    expect(labels(detectorWith(0.01, 0.99), claim)).toEqual(['false_legal']);
  });
});

describe('hasNegator (what the lawful veto asks)', () => {
  const denies = (lang: 'en' | 'es' | 'zh', text: string): boolean => hasNegator(normalize(text), lang, loadLanguageRules(lang).scope);

  it('finds a denial anywhere in the utterance', () => {
    expect(denies('en', 'You will be arrested? Nobody said that.')).toBe(true);
    expect(denies('es', 'Nadie le va a embargar nada mañana.')).toBe(true);
    expect(denies('zh', '没有哪条法律说还不上钱就要抓人。')).toBe(true);
  });

  it('leaves out negators inside a condition and phrases that only look negated', () => {
    expect(denies('en', "If you don't pay by Friday we will sue.")).toBe(false);
    expect(denies('en', "Don't make me come over there.")).toBe(false);
    expect(denies('zh', '你再不还钱就等着吧。')).toBe(false);
    expect(denies('zh', '如果没有像你这样的人，世界会更好。')).toBe(false);
    expect(denies('en', 'You will be arrested tonight.')).toBe(false);
  });

  it("leaves out a negator in the debtor's reported words", () => {
    expect(denies('zh', '您说房子漏水不是您弄的，那好，我们可以再看照片。')).toBe(false);
    expect(denies('en', "You told me you can't pay this month.")).toBe(false);
    expect(denies('en', "You told me you can't pay, and nobody is going to arrest you for that.")).toBe(true);
  });

  it('reads a contrast that corrects ("criminal, not civil") as a claim, not a denial', () => {
    expect(denies('en', 'This debt is now a criminal matter, sir, not a civil one.')).toBe(false);
    expect(denies('en', 'This is not a criminal matter, it is a civil one.')).toBe(true);
  });
});
