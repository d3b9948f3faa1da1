// The detector: normalise, pick the language, run the language's rules (with scope checks
// and the call's right-party state), then let the trained classifier silence a rule finding
// in a denial it is sure is lawful, or add findings as its per-category policy says.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifierLine, classifierTokens, lawfulOutscores, lawfulVetoes, type ClassifierScores, type LanguageClassifier } from './classifier.js';
import { compileContext, RightPartyState, type CompiledContext } from './context.js';
import { identifyLanguage, type LidModel } from './langid.js';
import { normalize, originalSpan, type Normalized } from './normalize.js';
import { expandMacros, loadLanguageRules, rulesDir, type CompiledRule, type LanguageRules } from './rules.js';
import { cueState, excusedByUnless, hasNegator, ruleScope, type CueState } from './scope.js';
import {
  CATEGORIES, isLanguage,
  type Category, type Classification, type Conversation, type DetectInput, type DetectLanguage, type Detector, type Finding, type Severity, type WordTime,
} from './types.js';

interface CategoryText { explanation: string; citation: string; suggestion?: string }

interface LanguagePack {
  rules: LanguageRules;
  context: CompiledContext;
  categories: Record<Category, CategoryText>;
  classifier: LanguageClassifier | null;
}

export interface DetectorParts {
  lid: LidModel | null;
  classifiers: Map<DetectLanguage, LanguageClassifier>;
  rulesDir?: string;
  /** Skip the classifier entirely (rules only); used by eval to report both. */
  rulesOnly?: boolean;
}

/** Whether a negation hides a category's cue word from the classifier gate. A debt word stays a
 *  disclosure under a negation: "he hasn't made a truck payment since July" tells the foreman. */
const CUE_NEGATABLE: Record<Category, boolean> = { threat: true, insult: true, false_legal: true, third_party_disclosure: false };

function cueIn(pack: LanguagePack, norm: Normalized, lang: DetectLanguage, cat: Category): CueState {
  return cueState(norm, lang, pack.rules.scope, pack.rules.cues[cat], CUE_NEGATABLE[cat]);
}

/** What the rules found before the classifier had its say (used by training to tune the policy). */
export interface RuleHit { rule: CompiledRule; a: number; b: number }

export class DetectorImpl implements Detector {
  private readonly packs = new Map<DetectLanguage, LanguagePack>();
  private readonly lid: LidModel | null;
  private readonly rulesOnly: boolean;

  constructor(parts: DetectorParts) {
    this.lid = parts.lid;
    this.rulesOnly = parts.rulesOnly ?? false;
    const dir = parts.rulesDir ?? rulesDir();
    for (const lang of ['en', 'es', 'zh'] as const) {
      if (!existsSync(join(dir, lang, 'lexicon.json'))) continue;
      const rules = loadLanguageRules(lang, dir);
      const categories = JSON.parse(readFileSync(join(dir, lang, 'categories.json'), 'utf8')) as Record<Category, CategoryText>;
      this.packs.set(lang, {
        rules,
        context: compileContext(lang, rules.context, (p) => expandMacros(p, rules.macros)),
        categories,
        classifier: parts.classifiers.get(lang) ?? null,
      });
    }
  }

  classify(input: DetectInput): Classification {
    return this.run(input, null);
  }

  conversation(): Conversation {
    const state = new RightPartyState();
    const self = this;
    return {
      observe(input: DetectInput): Classification {
        return self.run(input, state);
      },
      get rightParty(): boolean | null {
        return state.rightParty;
      },
    };
  }

  /** Language of a text as the detector would pick it. */
  language(text: string, hint?: unknown): DetectLanguage {
    if (isLanguage(hint)) return hint;
    const raw = typeof text === 'string' ? text : '';
    return identifyLanguage(normalize(raw), raw, this.lid);
  }

  /** Where the category's cue words stand in the utterance (scope.ts cueState). */
  cueState(norm: Normalized, lang: DetectLanguage, cat: Category): CueState {
    const pack = this.packs.get(lang);
    return pack === undefined ? 'absent' : cueIn(pack, norm, lang, cat);
  }

  /** Rule hits only (no classifier), after scope and right-party gating. */
  ruleHits(norm: Normalized, lang: DetectLanguage, rightParty: boolean | null): RuleHit[] {
    const pack = this.packs.get(lang);
    if (!pack) return [];
    const hits: RuleHit[] = [];
    const text = norm.text;
    for (const rule of pack.rules.rules) {
      if (rule.category === 'third_party_disclosure' && rightParty === true) continue;
      // One finding per rule per utterance: its leftmost live match over its expressions.
      let best: { a: number; b: number } | null = null;
      for (const re of rule.patterns) {
        re.lastIndex = 0;
        for (let m = re.exec(text); m && (best === null || m.index < best.a); m = re.exec(text)) {
          if (m[0].length === 0) { re.lastIndex++; continue; }
          const a = m.index;
          const b = a + m[0].length;
          if (!excusedByUnless(norm, rule, a, b) && ruleScope(norm, lang, pack.rules.scope, rule, a, b) === null) {
            best = { a, b };
            break;
          }
        }
      }
      if (best) hits.push({ rule, a: best.a, b: best.b });
    }
    if (hits.some((h) => h.rule.spec.yieldsTo)) {
      const cats = new Set(hits.map((h) => h.rule.category));
      return hits.filter((h) => !h.rule.spec.yieldsTo?.some((c) => cats.has(c)));
    }
    return hits;
  }

  private run(input: DetectInput, state: RightPartyState | null): Classification {
    const raw = typeof input?.text === 'string' ? input.text : '';
    const norm = normalize(raw);
    const lang = isLanguage(input?.lang) ? input.lang : identifyLanguage(norm, raw, this.lid);
    const pack = (this.packs.get(lang) ?? this.packs.get('en') ?? this.packs.values().next().value) as LanguagePack;
    const speaker = input?.speaker === 'customer' || input?.speaker === 'agent' ? input.speaker : undefined;
    const explicitRp = input?.rightParty === true || input?.rightParty === false ? input.rightParty : undefined;
    let rightParty: boolean | null;
    if (state) {
      state.update(pack.context, speaker, norm.text, explicitRp);
      rightParty = state.rightParty;
    } else {
      rightParty = explicitRp ?? null;
    }
    const result: Classification = { lang, labels: [], findings: [] };
    if (norm.truncated) result.truncated = true;
    // The customer's words are context, never a collector violation.
    if (speaker === 'customer' || norm.text.length === 0) return result;

    const hits = this.ruleHits(norm, lang, rightParty);
    let classifier = this.rulesOnly ? null : pack.classifier;
    let probs: ClassifierScores | null = null;
    let uncuedAllowed = false;
    if (classifier) {
      const tokens = classifierTokens(norm, lang);
      const share = classifier.knownShare(tokens);
      if (share >= classifier.minKnownShare) {
        probs = classifier.probabilities(classifierLine(norm, lang, rightParty, tokens));
        uncuedAllowed = share >= classifier.minKnownShareUncued;
      } else {
        classifier = null; // out of its depth: rules only
      }
    }
    const findings: Finding[] = [];
    const yielded = new Map<Finding, Category[]>();
    let negator: boolean | undefined;
    for (const h of hits) {
      const cat = h.rule.category;
      const p = probs ? probs[cat] : undefined;
      // A denial the rules' negation window missed, which the classifier is sure is lawful.
      if (classifier && probs && lawfulVetoes(probs, cat, classifier.lawfulVeto) && (negator ??= hasNegator(norm, lang, pack.rules.scope))) continue;
      const [s, e] = originalSpan(norm, h.a, h.b);
      // Two rules of one category on overlapping words are one finding (the first rule wins).
      if (findings.some((f) => f.category === cat && f.start < e && s < f.end)) continue;
      const spec = h.rule.spec;
      const base = spec.confidence ?? 0.9;
      const finding = this.finding(raw, input?.words, {
        category: cat,
        severity: tpdSeverity(cat, spec.severity, rightParty),
        start: s,
        end: e,
        rule: spec.id,
        explanation: spec.explanation,
        citation: spec.citation,
        confidence: round(p === undefined ? base : Math.max(base, p)),
        suggestion: spec.suggestion,
        source: 'rule',
      });
      findings.push(finding);
      if (spec.yieldsTo?.length) yielded.set(finding, spec.yieldsTo);
    }
    // Quoted words are someone else's (the rules treat them as reported speech); the classifier
    // sees the whole utterance and cannot tell which part was quoted, so it stays silent there.
    if (classifier && probs && norm.quotes.length < 2) {
      for (const cat of CATEGORIES) {
        // The classifier only adds a disclosure said to a known third party; while the
        // listener is unverified, only the rules (which name what was disclosed) speak.
        if (cat === 'third_party_disclosure' && rightParty !== false) continue;
        if (findings.some((f) => f.category === cat)) continue;
        const p = probs[cat];
        const policy = classifier.policy[cat];
        if (p < policy.add || lawfulOutscores(probs, cat)) continue;
        // Without a live cue word it speaks only when it is very sure: sure where the category
        // has no cue word at all, surer still where its cue words are negated or reported.
        const cue = cueIn(pack, norm, lang, cat);
        const uncued = policy.addUncued ?? Infinity;
        if (cue === 'absent' && !(uncuedAllowed && p >= uncued)) continue;
        if (cue === 'scoped' && !(uncuedAllowed && p >= Math.max(uncued, classifier.addScoped))) continue;
        const text = pack.categories[cat];
        const [s, e] = originalSpan(norm, 0, norm.text.length);
        findings.push(this.finding(raw, input?.words, {
          category: cat,
          severity: tpdSeverity(cat, 'warning', rightParty),
          start: s,
          end: e,
          rule: `${lang}.${cat}.classifier`,
          explanation: text.explanation,
          citation: text.citation,
          confidence: round(p),
          suggestion: text.suggestion,
          source: 'classifier',
        }));
      }
    }
    // A rule that yields to a category (telling a relative about the debt is the disclosure,
    // not a threat to expose it) steps aside when that category was found by rule or classifier.
    const found = new Set(findings.map((f) => f.category));
    result.findings = findings.filter((f) => !yielded.get(f)?.some((c) => found.has(c)));
    result.labels = CATEGORIES.filter((c) => result.findings.some((f) => f.category === c));
    return result;
  }

  private finding(raw: string, words: WordTime[] | undefined, f: Omit<Finding, 'text'>): Finding {
    const out: Finding = { ...f, text: raw.slice(f.start, f.end) };
    if (out.suggestion === undefined) delete out.suggestion;
    if (Array.isArray(words) && words.length > 0) {
      const t = wordTimes(raw, words, f.start, f.end);
      if (t) { out.startMs = t[0]; out.endMs = t[1]; }
    }
    return out;
  }
}

function tpdSeverity(cat: Category, severity: Severity, rightParty: boolean | null): Severity {
  // Unverified (not known to be a third party): a warning; a known third party: as the rule says.
  if (cat === 'third_party_disclosure' && rightParty === null) return 'warning';
  return severity;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Audio times of the words overlapping [start, end): words are found in order in the text. */
export function wordTimes(raw: string, words: WordTime[], start: number, end: number): [number, number] | null {
  const lower = raw.toLowerCase();
  let cursor = 0;
  let first: number | null = null;
  let last: number | null = null;
  for (const w of words) {
    if (!w || typeof w.word !== 'string' || !Number.isFinite(w.startMs) || !Number.isFinite(w.endMs)) continue;
    const token = w.word.toLowerCase().trim();
    if (token.length === 0) continue;
    const at = lower.indexOf(token, cursor);
    if (at < 0) continue;
    const wEnd = at + token.length;
    cursor = wEnd;
    if (wEnd > start && at < end) {
      if (first === null) first = w.startMs;
      last = w.endMs;
    }
    if (at >= end) break;
  }
  return first !== null && last !== null ? [first, last] : null;
}
