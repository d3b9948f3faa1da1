// Scope of a match: is it negated ("nobody is going to arrest you"), someone else's words
// ("you told me you'd sue us"), or inside quotation marks? Cue lists are per-language data
// (rules/<lang>/scope.json); this file only knows how far back to look.
import type { Normalized } from './normalize.js';
import type { CompiledRule, CompiledScope } from './rules.js';
import type { DetectLanguage } from './types.js';

export type ScopeVerdict = 'negated' | 'reported' | null;

/** Start (normalised offset) of the sentence holding position a. */
export function sentenceStart(norm: Normalized, a: number): number {
  let s = 0;
  for (const b of norm.boundaries) {
    if (b <= a) s = b;
    else break;
  }
  return s;
}

/** End (normalised offset) of the sentence holding position a. */
export function sentenceEnd(norm: Normalized, a: number): number {
  for (const b of norm.boundaries) if (b > a) return b;
  return norm.text.length;
}

/** Is position a between an opening and a closing quotation mark? Counted from the start of the
 *  text when its marks pair up (a quotation can span clauses: `"I'll think about it," you …`),
 *  else from the clause start `from`, so one stray mark cannot silence the rest of the text. */
function insideQuotes(norm: Normalized, from: number, a: number): boolean {
  const start = norm.quotes.length % 2 === 0 ? 0 : from;
  let n = 0;
  for (const q of norm.quotes) {
    if (q >= start && q <= a) n++;
    else if (q > a) break;
  }
  return n % 2 === 1;
}

/** Does the negator token at `j` negate: neither a phrase that only looks negated ("don't make
 *  me…" is a threat) nor part of a condition opened just before it ("if you don't pay, …")? */
function latinNegates(scope: CompiledScope, toks: readonly string[], j: number): boolean {
  if (scope.notNegating && scope.notNegating.test(toks.slice(j, j + 5).join(' '))) return false;
  for (let k = j - 1; k >= Math.max(0, j - 3); k--) {
    if (scope.conditionals.test(toks[k] as string)) return false;
  }
  return true;
}

/** Masks words that only contain a negator character (跨性别者, 无论, 未来), keeping length. */
function maskNotNegatorWords(scope: CompiledScope, text: string): string {
  return scope.notNegatorWords ? text.replace(scope.notNegatorWords, (m) => '＿'.repeat(m.length)) : text;
}

/** A Mandarin conditional opener just before position `at` ("如果没有…", "再不还…"). */
function chineseConditionBefore(scope: CompiledScope, text: string, at: number): boolean {
  return scope.conditionals.test(text.slice(Math.max(0, at - 4), at));
}

function negatedLatin(scope: CompiledScope, prefix: string, match: string): boolean {
  const toks = prefix.split(' ').filter((t) => t.length > 0);
  const lo = Math.max(0, toks.length - scope.negationWindow);
  for (let j = toks.length - 1; j >= lo; j--) {
    const t = toks[j] as string;
    if (scope.negators.test(t)) return latinNegates(scope, [...toks, ...match.split(' ').filter((m) => m.length > 0)], j);
    if (scope.subjects.test(t)) return false; // a new subject: what came before is another clause
  }
  return false;
}

function negatedChinese(scope: CompiledScope, rawPrefix: string, match: string): boolean {
  const prefix = maskNotNegatorWords(scope, rawPrefix);
  const w = prefix.slice(Math.max(0, prefix.length - scope.negationWindow));
  const re = scope.negatorsEach;
  re.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (let m = re.exec(w); m; m = re.exec(w)) {
    last = m;
    if (m[0].length === 0) re.lastIndex++;
  }
  if (!last) return false;
  if (scope.notNegating && scope.notNegating.test(w.slice(last.index) + match)) return false;
  const after = w.slice(last.index + last[0].length);
  if (scope.consequence && scope.consequence.test(after)) return false; // 不还钱就… is a condition
  if (scope.subjects.test(after)) return false;
  return !chineseConditionBefore(scope, prefix, prefix.length - w.length + last.index);
}

/** The characters after a match (up to `n`), with clause boundaries written as "，". */
function textAfter(norm: Normalized, b: number, n: number): string {
  const e = Math.min(norm.text.length, b + n);
  let out = '';
  let k = 0;
  while (k < norm.boundaries.length && (norm.boundaries[k] as number) < b) k++;
  for (let i = b; i < e; i++) {
    while (k < norm.boundaries.length && norm.boundaries[k] === i) { out += '，'; k++; }
    out += norm.text[i];
  }
  return out;
}

const AFTER_WINDOW = 16;

export function scopeOf(norm: Normalized, lang: DetectLanguage, scope: CompiledScope, a: number, b: number, opts: { negatable: boolean; reportable: boolean }): ScopeVerdict {
  const s = sentenceStart(norm, a);
  const prefix = norm.text.slice(s, a).trim();
  if (opts.negatable && prefix.length > 0) {
    const match = norm.text.slice(a, b);
    if (scope.clauseNegators && scope.clauseNegators.test(prefix)) return 'negated';
    if (lang === 'zh' ? negatedChinese(scope, prefix, match) : negatedLatin(scope, prefix, match)) return 'negated';
  }
  if (opts.reportable) {
    if (insideQuotes(norm, s, a)) return 'reported';
    // A quotation mark inside the match: it spans someone's quoted words.
    if (norm.quotes.some((q) => q > a && q < b)) return 'reported';
    const before = scope.reportedInMatch ? prefix + norm.text.slice(a, b) : prefix;
    if (before.length > 0) {
      const win = lang === 'zh'
        ? before.slice(Math.max(0, before.length - scope.reportedWindow - (scope.reportedInMatch ? b - a : 0)))
        : before.split(' ').slice(-scope.reportedWindow).join(' ');
      if (scope.reported.test(win)) return 'reported';
    }
    if (scope.reportedAfter && scope.reportedAfter.test(textAfter(norm, b, AFTER_WINDOW))) return 'reported';
  }
  return null;
}

/** Where a category's cue words stand: at least one outside negated and reported scope ('live'),
 *  all of them negated or someone else's words ('scoped'), or none in the text ('absent'). */
export type CueState = 'live' | 'scoped' | 'absent';

/** The classifier reads a bag of words and cannot tell "nobody will arrest you" from "they will
 *  arrest you": when every cue of its category is negated or reported, it stays silent.
 *  `negatable` false: only reported speech scopes a cue (a negated debt word still discloses). */
export function cueState(norm: Normalized, lang: DetectLanguage, scope: CompiledScope, cue: RegExp, negatable = true): CueState {
  const text = norm.text;
  let seen = false;
  cue.lastIndex = 0;
  for (let m = cue.exec(text); m; m = cue.exec(text)) {
    if (m[0].length === 0) { cue.lastIndex++; continue; }
    seen = true;
    if (scopeOf(norm, lang, scope, m.index, m.index + m[0].length, { negatable, reportable: true }) === null) {
      cue.lastIndex = 0;
      return 'live';
    }
  }
  cue.lastIndex = 0;
  return seen ? 'scoped' : 'absent';
}

/** Characters after a Mandarin negator in which a consequence marker makes it a condition. */
const CONSEQUENCE_REACH = 6;

/** Does the utterance deny something: a negator that is not part of a condition ("if you don't
 *  pay…", "不还钱就…", "如果没有…"), nor a phrase that only looks negated ("don't make me…"), nor
 *  in someone else's reported words? Gates the classifier's lawful veto (classifier.ts
 *  LawfulVeto) to the denials it is meant for. */
export function hasNegator(norm: Normalized, lang: DetectLanguage, scope: CompiledScope): boolean {
  if (lang === 'zh') {
    const text = maskNotNegatorWords(scope, norm.text);
    const re = scope.negatorsEach;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) { re.lastIndex++; continue; }
      const end = m.index + m[0].length;
      if (scope.notNegating && scope.notNegating.test(text.slice(m.index))) continue;
      // "不还钱就…" is a condition; a 就 further on belongs to what is denied ("没有哪条法律说…就要抓人").
      if (scope.consequence && scope.consequence.test(text.slice(end, end + CONSEQUENCE_REACH))) continue;
      if (chineseConditionBefore(scope, text, m.index)) continue;
      if (reportedAt(norm, lang, scope, m.index, end)) continue;
      re.lastIndex = 0;
      return true;
    }
    return false;
  }
  const toks = norm.text.split(' ');
  let at = 0;
  return toks.some((t, j) => {
    const start = at;
    at += t.length + 1;
    return scope.negators.test(t) && latinNegates(scope, toks, j) && !reportedAt(norm, lang, scope, start, start + t.length);
  });
}

/** A negator in someone else's reported words ("您说房子漏水不是您弄的", "you told me you can't
 *  pay") is their denial, not the collector's. */
function reportedAt(norm: Normalized, lang: DetectLanguage, scope: CompiledScope, a: number, b: number): boolean {
  return scopeOf(norm, lang, scope, a, b, { negatable: false, reportable: true }) === 'reported';
}

export function liveCue(norm: Normalized, lang: DetectLanguage, scope: CompiledScope, cue: RegExp): boolean {
  return cueState(norm, lang, scope, cue) === 'live';
}

/** Does the sentence around a rule's match hold one of the rule's lawful uses (`unless`)? */
export function excusedByUnless(norm: Normalized, rule: CompiledRule, a: number, b: number): boolean {
  return rule.unless !== null && rule.unless.test(norm.text.slice(sentenceStart(norm, a), sentenceEnd(norm, b)));
}

/** scopeOf with the rule's own `negatable` / `reportable` settings. */
export function ruleScope(norm: Normalized, lang: DetectLanguage, scope: CompiledScope, rule: CompiledRule, a: number, b: number): ScopeVerdict {
  return scopeOf(norm, lang, scope, a, b, { negatable: rule.spec.negatable !== false, reportable: rule.spec.reportable !== false });
}
