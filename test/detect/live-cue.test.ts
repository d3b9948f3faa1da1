// The classifier may add a finding only when a cue word of its category is live (outside
// negated and reported scope), and a rule that yields to a category steps aside when the
// classifier found that category.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDetector, type Detector } from '../../src/detect/index.js';
import { normalize } from '../../src/detect/normalize.js';
import { loadLanguageRules } from '../../src/detect/rules.js';
import { liveCue } from '../../src/detect/scope.js';

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
