// Public types of the detector (re-exported by index.ts). Offsets are UTF-16 code-unit
// indices into the caller's text; times are milliseconds of call audio.

export type Category = 'threat' | 'insult' | 'false_legal' | 'third_party_disclosure';
export type DetectLanguage = 'en' | 'es' | 'zh';
export type Severity = 'warning' | 'critical';
export type Speaker = 'agent' | 'customer';

export const CATEGORIES: readonly Category[] = ['threat', 'insult', 'false_legal', 'third_party_disclosure'];
export const LANGUAGES: readonly DetectLanguage[] = ['en', 'es', 'zh'];

export interface WordTime { word: string; startMs: number; endMs: number }

export interface DetectInput {
  text: string;
  lang?: DetectLanguage;
  speaker?: Speaker;
  /** true: the verified debtor; false: a known third party; null/absent: not known yet. */
  rightParty?: boolean | null;
  words?: WordTime[];
}

export interface Finding {
  category: Category;
  severity: Severity;
  /** Character offsets into the input text (end exclusive). */
  start: number;
  end: number;
  text: string;
  startMs?: number;
  endMs?: number;
  rule: string;
  explanation: string;
  citation: string;
  confidence: number;
  suggestion?: string;
  source: 'rule' | 'classifier';
}

export interface Classification {
  lang: DetectLanguage;
  labels: Category[];
  findings: Finding[];
  /** Present when the input was longer than the analysed window (see MAX_ANALYSED_CHARS). */
  truncated?: true;
}

export interface Conversation {
  /** Feed every utterance of both sides, in order; returns the classification of this one. */
  observe(input: DetectInput): Classification;
  readonly rightParty: boolean | null;
}

export interface Detector {
  /** Synchronous; never throws on any string. */
  classify(input: DetectInput): Classification;
  conversation(): Conversation;
}

export function isCategory(x: unknown): x is Category {
  return typeof x === 'string' && (CATEGORIES as readonly string[]).includes(x);
}

export function isLanguage(x: unknown): x is DetectLanguage {
  return typeof x === 'string' && (LANGUAGES as readonly string[]).includes(x);
}
