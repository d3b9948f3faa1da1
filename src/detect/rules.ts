// Rules and lexicons are data (src/detect/rules/<lang>/*.json). This file loads them,
// expands {macro} references from the language's lexicon.json and compiles the patterns.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../paths.js';
import { CATEGORIES, type Category, type DetectLanguage, type Severity } from './types.js';

export interface RuleSpec {
  id: string;
  severity: Severity;
  citation: string;
  explanation: string;
  suggestion?: string;
  /** 0..1, how sure a match is a violation; default 0.9. */
  confidence?: number;
  /** Regular expressions over normalised text; {name} expands to a lexicon macro. */
  patterns: string[];
  /** If one of these matches anywhere in the same sentence, the rule stays silent. */
  unless?: string[];
  /** Negation before the match silences the rule (default true). */
  negatable?: boolean;
  /** Reported speech / quotation silences the rule (default true). */
  reportable?: boolean;
  /** Categories this rule gives way to: its hit is dropped when a rule of one of them also hit
   *  the utterance ("警察今天就上门抓你，你等着吧": the menace is the false arrest claim). */
  yieldsTo?: Category[];
  /** Compile every pattern as its own expression, literal-led ones too: for a rule whose
   *  literal-led patterns open with many different word groups, the joined alternation is tried
   *  at every position (measured per rule: docs/detector.md § Latency and memory). */
  compileEach?: boolean;
  /** Examples that must produce this rule (third-party rules: said to a third party). */
  match: string[];
  /** Examples that must not produce this rule. */
  noMatch: string[];
}

export interface RuleFile {
  lang: DetectLanguage;
  category: Category;
  rules: RuleSpec[];
}

export interface ScopeSpec {
  /** Tokens (en/es) or character strings (zh) that negate what follows in the clause. */
  negators: string;
  /** Conditional openers: a negator after one of these belongs to the condition. */
  conditionals: string;
  /** Words after which a new clause (and a new subject) starts. */
  subjects: string;
  /** zh: markers of a consequence clause ("不还钱就…"): a negator before one is conditional. */
  consequence?: string;
  /** Negator phrases that are not negations ("don't make me", "别逼我"), tested from the negator on. */
  notNegating?: string;
  /** zh: words that merely contain a negator character (性别, 无论, 未来), masked before the search. */
  notNegatorWords?: string;
  /** Cues that what follows is someone else's words or a question about them. */
  reported: string;
  /** zh: also look for a reported-speech cue inside the match (a match may start at a subject
   *  or target before the verb: "你说外国人都该死" matches from 你). */
  reportedInMatch?: boolean;
  /** Cues right after the match that it is described, not said ("…要杀X的人/言论"): tested
   *  on the next characters, with clause boundaries written as "，". */
  reportedAfter?: string;
  /** Negators that, at the start of the clause, negate all of it ("没有人应该因为…而被杀"). */
  clauseNegators?: string;
  /** How far back (tokens for en/es, characters for zh) negation reaches. */
  negationWindow: number;
  /** How far back (tokens / characters) a reported-speech cue reaches. */
  reportedWindow: number;
}

export interface CompiledRule {
  spec: RuleSpec;
  category: Category;
  lang: DetectLanguage;
  /** Global expressions whose matches together are the rule's matches (see compileRule). */
  patterns: RegExp[];
  unless: RegExp | null;
}

export interface CompiledScope {
  negators: RegExp;
  /** zh: the negators as one global expression, to walk every occurrence (reset lastIndex). */
  negatorsEach: RegExp;
  conditionals: RegExp;
  subjects: RegExp;
  consequence: RegExp | null;
  notNegating: RegExp | null;
  notNegatorWords: RegExp | null;
  reported: RegExp;
  reportedInMatch: boolean;
  reportedAfter: RegExp | null;
  clauseNegators: RegExp | null;
  negationWindow: number;
  reportedWindow: number;
}

export interface LanguageRules {
  lang: DetectLanguage;
  rules: CompiledRule[];
  /** Broad topic words per category (cues.json): where they stand in an utterance gates the
   *  classifier's findings (global regexes: use scope.ts cueState, which resets lastIndex). */
  cues: Record<Category, RegExp>;
  scope: CompiledScope;
  context: ContextSpec;
  macros: Record<string, string>;
}

export interface ContextSpec {
  /** Customer says they are the debtor. */
  customerIsDebtor: string[];
  /** Customer says they are someone else / wrong number / debtor absent. */
  customerIsThirdParty: string[];
  /** Plain yes / no answers to an identity question. */
  affirmative: string[];
  negative: string[];
  /** Agent asks who they are speaking with. */
  agentAsksIdentity: string[];
  /** Agent asks a verification question (date of birth, last four, address). */
  agentAsksVerification: string[];
  /** Agent acknowledges verification. */
  agentConfirmsVerified: string[];
  /** Agent acknowledges talking to someone else (leave a message, wrong number). */
  agentAcknowledgesThirdParty: string[];
}

export function rulesDir(): string {
  return join(repoRoot, 'src', 'detect', 'rules');
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Expand {name} macros (recursively, bounded) from the lexicon. */
export function expandMacros(pattern: string, macros: Record<string, string>): string {
  let out = pattern;
  for (let depth = 0; depth < 8; depth++) {
    let changed = false;
    out = out.replace(/\{([a-zA-Z_][a-zA-Z0-9_]*)\}/g, (all, name: string) => {
      const m = macros[name];
      if (m === undefined) return all;
      changed = true;
      return `(?:${m})`;
    });
    if (!changed) return out;
  }
  if (/\{[a-zA-Z_][a-zA-Z0-9_]*\}/.test(out)) throw new Error(`macro recursion too deep in ${pattern}`);
  return out;
}

/** Word boundaries suit en/es (normalised text is a-z, digits, apostrophe); zh matches characters. */
function wrap(lang: DetectLanguage, body: string): string {
  return lang === 'zh' ? `(?:${body})` : `(?<![a-z0-9'])(?:${body})(?![a-z0-9])`;
}

function compileAlternatives(lang: DetectLanguage, patterns: string[], macros: Record<string, string>, flags: string, where: string): RegExp {
  const body = patterns.map((p) => expandMacros(p, macros)).join('|');
  try {
    return new RegExp(wrap(lang, body), flags);
  } catch (err) {
    throw new Error(`bad pattern in ${where}: ${(err as Error).message}`);
  }
}

/** A pattern that opens with a lexicon macro ("{badnoun} como usted", "{viol}{htgt}"). */
const MACRO_LED = /^(?:\^|\(\?:)*\{[a-zA-Z_]/;

/**
 * A rule's patterns as global expressions: the ones that open with literal text joined into one
 * alternation, each macro-led pattern on its own. V8 finds the start of a literal-led alternation
 * quickly, but once one alternative opens with a large word list it tries the whole alternation
 * at every position: es.insult.name_calling and zh.threat.violence took ~0.2 ms per sentence
 * joined and ~0.01 ms apart, while splitting every pattern made the many small English rules
 * 3x slower (docs/detector.md § Sixth round). A rule whose literal-led patterns open with many
 * different word groups can ask for every pattern alone (`compileEach`).
 */
function compileRule(lang: DetectLanguage, patterns: string[], macros: Record<string, string>, where: string, each = false): RegExp[] {
  const alone = (p: string): boolean => each || MACRO_LED.test(p);
  const joined = patterns.filter((p) => !alone(p));
  return [
    ...(joined.length ? [compileAlternatives(lang, joined, macros, 'g', where)] : []),
    ...patterns.filter(alone).map((p) => compileAlternatives(lang, [p], macros, 'g', where)),
  ];
}

function compileList(lang: DetectLanguage, items: string[], macros: Record<string, string>, where: string): RegExp {
  return compileAlternatives(lang, items.length ? items : ['(?!)'], macros, '', where);
}

export function loadLanguageRules(lang: DetectLanguage, dir: string = rulesDir()): LanguageRules {
  const base = join(dir, lang);
  const lexicon = readJson<{ macros: Record<string, string> }>(join(base, 'lexicon.json'));
  const macros = lexicon.macros;
  const scopeSpec = readJson<ScopeSpec>(join(base, 'scope.json'));
  const scope: CompiledScope = {
    negators: new RegExp(expandMacros(scopeSpec.negators, macros)),
    negatorsEach: new RegExp(expandMacros(scopeSpec.negators, macros), 'g'),
    conditionals: new RegExp(expandMacros(scopeSpec.conditionals, macros)),
    subjects: new RegExp(expandMacros(scopeSpec.subjects, macros)),
    consequence: scopeSpec.consequence ? new RegExp(expandMacros(scopeSpec.consequence, macros)) : null,
    notNegating: scopeSpec.notNegating ? new RegExp(expandMacros(scopeSpec.notNegating, macros)) : null,
    notNegatorWords: scopeSpec.notNegatorWords ? new RegExp(expandMacros(scopeSpec.notNegatorWords, macros), 'g') : null,
    reported: new RegExp(expandMacros(scopeSpec.reported, macros)),
    reportedInMatch: scopeSpec.reportedInMatch === true,
    reportedAfter: scopeSpec.reportedAfter ? new RegExp(expandMacros(scopeSpec.reportedAfter, macros)) : null,
    clauseNegators: scopeSpec.clauseNegators ? new RegExp(expandMacros(scopeSpec.clauseNegators, macros)) : null,
    negationWindow: scopeSpec.negationWindow,
    reportedWindow: scopeSpec.reportedWindow,
  };
  const context = readJson<ContextSpec>(join(base, 'context.json'));
  const rules: CompiledRule[] = [];
  const seen = new Set<string>();
  const files = existsSync(base) ? readdirSync(base).filter((f) => f.endsWith('.json')).sort() : [];
  for (const f of files) {
    const cat = f.replace(/\.json$/, '');
    if (!(CATEGORIES as readonly string[]).includes(cat)) continue;
    const file = readJson<RuleFile>(join(base, f));
    if (file.lang !== lang || file.category !== cat) throw new Error(`${lang}/${f}: lang/category mismatch`);
    for (const spec of file.rules) {
      if (seen.has(spec.id)) throw new Error(`duplicate rule id ${spec.id}`);
      seen.add(spec.id);
      rules.push({
        spec,
        category: file.category,
        lang,
        patterns: compileRule(lang, spec.patterns, macros, spec.id, spec.compileEach === true),
        unless: spec.unless && spec.unless.length ? compileList(lang, spec.unless, macros, `${spec.id} unless`) : null,
      });
    }
  }
  const cueSpec = existsSync(join(base, 'cues.json')) ? readJson<Partial<Record<Category, string[]>>>(join(base, 'cues.json')) : {};
  const cues = {} as Record<Category, RegExp>;
  for (const cat of CATEGORIES) {
    const items = cueSpec[cat] ?? [];
    const body = items.length ? items.map((p) => expandMacros(p, macros)).join('|') : '(?!)';
    // Leading boundary only: a cue may be a stem ("garnish" for "garnished").
    cues[cat] = new RegExp(lang === 'zh' ? `(?:${body})` : `(?<![a-z0-9'])(?:${body})`, 'g');
  }
  return { lang, rules, scope, context, macros, cues };
}
