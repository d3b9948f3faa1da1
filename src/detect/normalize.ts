// Text normalisation shared by rules, classifier and language id. It makes ASR output
// (lowercase, unpunctuated) and typed text (accents, full-width forms, Traditional
// characters, leetspeak, spaced or stretched letters) look alike, while keeping, for
// every normalised character, where it came from in the caller's text, so findings can
// point at the original span.
import { toSimplifiedChar, toSimplifiedPhrases } from './chinese.js';

/** Longest input analysed per call: a live utterance is far shorter (a minute of speech is
 *  ~1,000 characters); longer input is cut here so hostile text costs bounded time. */
export const MAX_ANALYSED_CHARS = 1000;

export interface Normalized {
  /** Lowercase, accent-free, single-spaced, punctuation-free, Simplified Chinese. */
  text: string;
  /** Original start offset (UTF-16) of each normalised character. */
  start: number[];
  /** Original end offset (exclusive) of each normalised character. */
  end: number[];
  /** Normalised positions where a sentence or clause punctuation mark stood. */
  boundaries: number[];
  /** Normalised positions where a quotation mark stood. */
  quotes: number[];
  /** True when the input was longer than MAX_ANALYSED_CHARS. */
  truncated: boolean;
  /** Number of Han characters seen. */
  han: number;
  /** Number of Latin letters seen. */
  latin: number;
}

const BOUNDARY = '\u0001';
const QUOTE = '\u0002';
const SPACE = ' ';

const BOUNDARY_PUNCT = new Set(['.', '!', '?', ';', ',', ':', '。', '！', '？', '；', '，', '、', '…', '¿', '¡', '\n', '\r', '(', ')', '[', ']', '{', '}', '—', '–']);
const QUOTE_CHARS = new Set(['"', '“', '”', '„', '«', '»', '「', '」', '『', '』', '《', '》']);
const APOSTROPHES = new Set(["'", '’', '‘', '`', '´', 'ʼ']);
/** Symbols kept in the normalised text (money, masked profanity, leetspeak candidates). */
const KEPT_SYMBOLS = new Set(['$', '%', '*', '¥', '€', '£', '@', '!', '|', '+', '#']);
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', '$': 's', '!': 'i', '|': 'l', '+': 't' };
const HAN = /\p{Script=Han}/u;
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]+$/u;
const MARKS = /\p{M}/gu;

const charCache = new Map<number, string>();

/** Per code point: its normalised form, or a marker (boundary, quote, space), or '' (drop). */
function mapCodePoint(cp: number): string {
  const hit = charCache.get(cp);
  if (hit !== undefined) return hit;
  let out: string;
  const ch = String.fromCodePoint(cp);
  if (cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0x2060 || cp === 0xfeff || cp === 0xad) {
    out = ''; // zero-width and soft hyphen hide inside words to dodge word lists
  } else if (cp === 0x0a || cp === 0x0d) {
    out = BOUNDARY;
  } else if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) {
    out = SPACE;
  } else {
    const d = ch.normalize('NFKD').replace(MARKS, '').toLowerCase();
    if (d.length === 0) out = '';
    else if (BOUNDARY_PUNCT.has(d) || BOUNDARY_PUNCT.has(ch)) out = BOUNDARY;
    else if (QUOTE_CHARS.has(d) || QUOTE_CHARS.has(ch)) out = QUOTE;
    else if (APOSTROPHES.has(d) || APOSTROPHES.has(ch)) out = "'";
    else if (KEPT_SYMBOLS.has(d)) out = d;
    else if (LETTER_OR_NUMBER.test(d)) out = HAN.test(d) ? toSimplifiedChar(d) : d;
    else out = SPACE;
  }
  charCache.set(cp, out);
  return out;
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetterCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isAsciiLetter(ch: string | undefined): boolean {
  return ch !== undefined && ch >= 'a' && ch <= 'z';
}

function isHanChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xd800 && c <= 0xdbff && HAN.test(ch));
}

const ORDINAL_OR_UNIT = /^[0-9.,]+[a-z]{1,3}$/;

/** Leetspeak inside words with at least two letters ("sh1t", "@ss", "b!tch"), not "3rd" or "$500". */
function deLeet(chars: string[]): void {
  let i = 0;
  const n = chars.length;
  while (i < n) {
    while (i < n && (chars[i] === SPACE || chars[i] === BOUNDARY || chars[i] === QUOTE)) i++;
    const s = i;
    while (i < n && chars[i] !== SPACE && chars[i] !== BOUNDARY && chars[i] !== QUOTE) i++;
    if (i - s < 2) continue;
    let letters = 0;
    let leet = 0;
    let tok = '';
    for (let k = s; k < i; k++) {
      const c = chars[k] as string;
      tok += c;
      if (isAsciiLetter(c)) letters++;
      else if (LEET[c] !== undefined) leet++;
    }
    if (leet === 0 || letters < 2 || ORDINAL_OR_UNIT.test(tok)) continue;
    // Trailing "!" is punctuation, not an i.
    let e = i;
    while (e > s && (chars[e - 1] === '!' || chars[e - 1] === '$')) e--;
    for (let k = s; k < e; k++) {
      const c = chars[k] as string;
      const m = LEET[c];
      if (m !== undefined) chars[k] = m;
    }
  }
}

const ZHE_WORD_AFTER = new Set(['名', '作', '称', '述', '者', '录', '书']);
const ZHE_WORD_BEFORE = new Set(['显', '卓', '土', '名', '原', '巨', '编', '论', '专', '遗', '新', '合', '拙', '大', '昭', '撰']);

/**
 * Traditional text writes the aspect particle 着 as 著 (等著, 看著), which is also a Simplified
 * character (著名, 显著), so the character-level conversion leaves it alone and rules written for
 * 等着 miss it. 著 becomes 着 unless it is part of one of the 著 words.
 */
function aspectZhe(chars: string[]): void {
  for (let k = 0; k < chars.length; k++) {
    if (chars[k] !== '著') continue;
    if (ZHE_WORD_AFTER.has(chars[k + 1] as string) || ZHE_WORD_BEFORE.has(chars[k - 1] as string)) continue;
    chars[k] = '着';
  }
}

/**
 * Normalise text. Never throws: lone surrogates, control characters and emoji become
 * spaces; input longer than MAX_ANALYSED_CHARS is cut (truncated: true).
 */
export function normalize(input: string): Normalized {
  const truncated = input.length > MAX_ANALYSED_CHARS;
  const cut = truncated ? input.slice(0, MAX_ANALYSED_CHARS) : input;
  // Traditional Chinese: convert phrase by phrase first (same length, same offsets).
  const s = toSimplifiedPhrases(cut) ?? cut;
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let han = 0;
  let latin = 0;
  const n = s.length;
  for (let i = 0; i < n; ) {
    const c = s.charCodeAt(i);
    let cp = c;
    let w = 1;
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        w = 2;
      } else cp = -1;
    } else if (c >= 0xdc00 && c <= 0xdfff) cp = -1;
    let out: string;
    if (cp < 0) out = SPACE;
    else if (c < 128 && ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 32)) out = s[i] as string;
    else if (c >= 65 && c <= 90) out = String.fromCharCode(c + 32);
    else if ((c === 44 || c === 46) && i > 0 && isDigitCode(s.charCodeAt(i - 1)) && i + 1 < n && isDigitCode(s.charCodeAt(i + 1))) {
      out = c === 46 ? '.' : ''; // 1,500.00 stays one number
    } else if (c === 33 && i > 0 && i + 1 < n && isLetterCode(s.charCodeAt(i - 1)) && isLetterCode(s.charCodeAt(i + 1))) {
      out = '!'; // b!tch: leetspeak, not an exclamation
    } else if (c === 46 && i + 1 < n && s.charCodeAt(i + 1) !== 32 && s.charCodeAt(i + 1) !== 10 && i > 0 && s.charCodeAt(i - 1) !== 32) {
      out = SPACE; // dot inside a token (f.u.c.k, e.g.) is not a sentence end
    } else out = mapCodePoint(cp);
    for (let k = 0; k < out.length; k++) {
      const ch = out[k] as string;
      chars.push(ch);
      starts.push(i);
      ends.push(i + w);
      if (isAsciiLetter(ch)) latin++;
      else if (isHanChar(ch)) han++;
    }
    i += w;
  }
  deLeet(chars);
  aspectZhe(chars);

  // Compaction: markers to recorded positions, spaces collapsed, stretched letters shrunk.
  let text = '';
  const start: number[] = [];
  const end: number[] = [];
  const boundaries: number[] = [];
  const quotes: number[] = [];
  let pendingSpace = false;
  const m = chars.length;
  for (let k = 0; k < m; k++) {
    const ch = chars[k] as string;
    if (ch === BOUNDARY || ch === QUOTE) {
      const pos = text.length;
      if (ch === BOUNDARY) { if (boundaries[boundaries.length - 1] !== pos) boundaries.push(pos); }
      else quotes.push(pos);
      pendingSpace = text.length > 0;
      continue;
    }
    if (ch === SPACE || (KEPT_SYMBOLS.has(ch) && ch !== '$' && ch !== '%' && ch !== '*' && ch !== '¥' && ch !== '€' && ch !== '£')) {
      pendingSpace = text.length > 0;
      continue;
    }
    if (ch === '.' && !(isDigitCode(text.charCodeAt(text.length - 1)) && k + 1 < m && /[0-9]/.test(chars[k + 1] as string))) {
      pendingSpace = text.length > 0;
      continue;
    }
    let last = k;
    if (isAsciiLetter(ch)) {
      let r = k;
      while (r + 1 < m && chars[r + 1] === ch) r++;
      if (r - k >= 2) last = r; // fuuuuck -> fuck; keeps real doubles (call, llamar)
    }
    if (pendingSpace) {
      const prev = text[text.length - 1];
      if (!(isHanChar(prev) && isHanChar(ch))) {
        text += ' ';
        start.push(starts[k] as number);
        end.push(starts[k] as number);
      }
      pendingSpace = false;
    }
    if (ch === "'" && !isAsciiLetter(text[text.length - 1])) { pendingSpace = text.length > 0; continue; }
    text += ch;
    start.push(starts[k] as number);
    end.push(ends[last] as number);
    k = last;
  }
  const joined = joinSpacedLetters(text, start, end, boundaries, quotes);
  return { ...joined, truncated, han, latin };
}

const SPACED = /(?:^|(?<= ))(?:[a-z] ){2,}[a-z](?= |$)/g;

/** "f u c k" / "i d i o t" -> one word (three or more single letters in a row). */
function joinSpacedLetters(text: string, start: number[], end: number[], boundaries: number[], quotes: number[]): Pick<Normalized, 'text' | 'start' | 'end' | 'boundaries' | 'quotes'> {
  if (!SPACED.test(text)) return { text, start, end, boundaries, quotes };
  SPACED.lastIndex = 0;
  const drop = new Uint8Array(text.length);
  for (const mm of text.matchAll(SPACED)) {
    const base = mm.index ?? 0;
    for (let k = 1; k < mm[0].length; k += 2) drop[base + k] = 1;
  }
  let out = '';
  const s2: number[] = [];
  const e2: number[] = [];
  const remap = new Int32Array(text.length + 1);
  for (let k = 0; k < text.length; k++) {
    remap[k] = out.length;
    if (drop[k]) continue;
    out += text[k];
    s2.push(start[k] as number);
    e2.push(end[k] as number);
  }
  remap[text.length] = out.length;
  const fix = (xs: number[]): number[] => xs.map((p) => remap[Math.min(p, text.length)] as number);
  return { text: out, start: s2, end: e2, boundaries: fix(boundaries), quotes: fix(quotes) };
}

/** Original [start, end) for the normalised span [a, b). */
export function originalSpan(norm: Normalized, a: number, b: number): [number, number] {
  if (norm.text.length === 0) return [0, 0];
  const aa = Math.max(0, Math.min(a, norm.text.length - 1));
  const bb = Math.max(aa + 1, Math.min(b, norm.text.length));
  return [norm.start[aa] as number, norm.end[bb - 1] as number];
}
