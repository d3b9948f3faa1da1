/**
 * Masks payment-card numbers and national ID numbers in transcript text before it is stored.
 *
 * Speech recognisers write numbers as digits ("4111 1111…"), as number words ("four one one…",
 * "cuatro uno uno…", "四一一…") or a mix, grouped the way people read them ("forty-one eleven",
 * "double five", "treinta y dos", "四十一"). The text is cut into tokens, consecutive number tokens
 * separated only by spaces or light punctuation are read as one digit string, and that string is
 * judged by its length and shape:
 *  - 13 digits or more: a card number (masked keeping the last four, as PCI DSS allows);
 *  - 18 digits (or 17 and an X) shaped like a birth-date ID: a Chinese resident ID (身份证);
 *  - 9 digits passing the SSA's structural rules: a US Social Security number;
 *  - 8 digits and a letter: a Spanish DNI; X/Y/Z, 7 digits and a letter: a Spanish NIE;
 *  - a Mexican CURP (4 letters, birth date, sex, state, consonants, check) found with spaces
 *    and hyphens ignored, so letter-by-letter dictation is caught too.
 * The rule is to over-mask rather than leak: a 13+ digit run is masked whether or not it passes
 * the Luhn check, since a misheard digit breaks the checksum but not the privacy problem.
 */

export type SensitiveKind = 'card' | 'ssn' | 'curp' | 'dni' | 'nie' | 'cn_id';

export interface SensitiveSpan {
  kind: SensitiveKind;
  /** UTF-16 offsets into the original text, end exclusive. */
  start: number;
  end: number;
  /** The digits (and letters) as read, for the card's last four; never stored. */
  value: string;
}

type Tok =
  | { t: 'digits'; v: string; start: number; end: number }
  | { t: 'tens'; d: number; start: number; end: number }
  | { t: 'han10'; start: number; end: number }
  | { t: 'mult'; n: number; start: number; end: number }
  | { t: 'and'; ch?: string; start: number; end: number }
  | { t: 'letter'; ch: string; start: number; end: number }
  | { t: 'letterWord'; start: number; end: number }
  | { t: 'other'; start: number; end: number };

const DIGIT_WORDS: Record<string, string> = {
  // English
  zero: '0', oh: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
  ten: '10', eleven: '11', twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16',
  seventeen: '17', eighteen: '18', nineteen: '19',
  // Spanish (with and without accents: recognisers differ)
  cero: '0', uno: '1', una: '1', dos: '2', tres: '3', cuatro: '4', cinco: '5', seis: '6', siete: '7', ocho: '8', nueve: '9',
  diez: '10', once: '11', doce: '12', trece: '13', catorce: '14', quince: '15', 'dieciséis': '16', dieciseis: '16',
  diecisiete: '17', dieciocho: '18', diecinueve: '19',
  veintiuno: '21', 'veintiún': '21', veintiun: '21', 'veintidós': '22', veintidos: '22', 'veintitrés': '23', veintitres: '23',
  veinticuatro: '24', veinticinco: '25', 'veintiséis': '26', veintiseis: '26', veintisiete: '27', veintiocho: '28',
  veintinueve: '29',
};

const TENS_WORDS: Record<string, number> = {
  twenty: 2, thirty: 3, forty: 4, fourty: 4, fifty: 5, sixty: 6, seventy: 7, eighty: 8, ninety: 9,
  veinte: 2, treinta: 3, cuarenta: 4, cincuenta: 5, sesenta: 6, setenta: 7, ochenta: 8, noventa: 9,
};

const MULTIPLIERS: Record<string, number> = { double: 2, triple: 3, doble: 2 };

const HAN_DIGITS: Record<string, string> = {
  '零': '0', '〇': '0', '洞': '0', '一': '1', '幺': '1', '二': '2', '两': '2', '兩': '2', '三': '3', '四': '4',
  '五': '5', '六': '6', '七': '7', '八': '8', '九': '9',
};

/** Spoken names of letters that end a DNI/NIE or start a NIE (Spanish) and the X of a 身份证. */
const LETTER_NAMES: Record<string, string> = {
  equis: 'X', 'x': 'X', ye: 'Y', zeta: 'Z', ceta: 'Z', '叉': 'X', '艾克斯': 'X',
  a: 'A', be: 'B', ce: 'C', de: 'D', e: 'E', efe: 'F', ge: 'G', hache: 'H', jota: 'J', ka: 'K', ele: 'L', eme: 'M',
  ene: 'N', 'eñe': 'N', pe: 'P', cu: 'Q', erre: 'R', ese: 'S', te: 'T', uve: 'V',
};

const TOKEN_RE = /([0-9０-９]+)|(\p{Script=Han})|((?:(?!\p{Script=Han})[\p{L}\p{M}])+)/gu;
/** What may sit between two tokens of one number: spaces and light punctuation, nothing else. */
const GAP_RE = /^[\s\-‐‑–—.,/·、，。:：]*$/u;

function toAsciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48));
}

function tokenize(text: string): Tok[] {
  const toks: Tok[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[1] !== undefined) {
      toks.push({ t: 'digits', v: toAsciiDigits(m[1]), start, end });
    } else if (m[2] !== undefined) {
      const ch = m[2];
      const d = HAN_DIGITS[ch];
      if (d !== undefined) toks.push({ t: 'digits', v: d, start, end });
      else if (ch === '十') toks.push({ t: 'han10', start, end });
      else if (ch === '叉') toks.push({ t: 'letter', ch: 'X', start, end });
      else toks.push({ t: 'other', start, end });
    } else {
      const w = (m[3] ?? '').toLowerCase();
      const d = DIGIT_WORDS[w];
      const tens = TENS_WORDS[w];
      const mult = MULTIPLIERS[w];
      if (d !== undefined) toks.push({ t: 'digits', v: d, start, end });
      else if (tens !== undefined) toks.push({ t: 'tens', d: tens, start, end });
      else if (mult !== undefined) toks.push({ t: 'mult', n: mult, start, end });
      else if (w === 'y') toks.push({ t: 'and', ch: 'Y', start, end });
      else if (w === 'and') toks.push({ t: 'and', start, end });
      else if (w.length === 1 && /[a-z]/.test(w)) toks.push({ t: 'letter', ch: w.toUpperCase(), start, end });
      else if (LETTER_NAMES[w] !== undefined) toks.push({ t: 'letter', ch: LETTER_NAMES[w], start, end });
      else if (w === 'letra' || w === 'letter') toks.push({ t: 'letterWord', start, end });
      else toks.push({ t: 'other', start, end });
    }
  }
  return toks;
}

function isSingleDigit(tok: Tok | undefined): tok is Extract<Tok, { t: 'digits' }> {
  return tok !== undefined && tok.t === 'digits' && tok.v.length === 1;
}

interface Element {
  digits: string;
  /** Index of the first token after this element. */
  next: number;
}

class NumberReader {
  constructor(
    private readonly text: string,
    private readonly toks: Tok[],
  ) {}

  /** True when only separators lie between token a and token b. */
  joined(a: number, b: number): boolean {
    const ta = this.toks[a];
    const tb = this.toks[b];
    if (!ta || !tb) return false;
    return GAP_RE.test(this.text.slice(ta.end, tb.start));
  }

  private tight(a: number, b: number): boolean {
    const ta = this.toks[a];
    const tb = this.toks[b];
    return !!ta && !!tb && ta.end === tb.start;
  }

  /** One number element at token i: a digit run, a digit word, "forty one", "double five", "四十一". */
  element(i: number): Element | null {
    const tok = this.toks[i];
    if (!tok) return null;
    switch (tok.t) {
      case 'digits': {
        // 四十一 / 四十: a Han digit right before 十.
        const after = this.toks[i + 1];
        if (tok.v.length === 1 && after?.t === 'han10' && this.tight(i, i + 1)) {
          const unit = this.toks[i + 2];
          if (isSingleDigit(unit) && this.tight(i + 1, i + 2)) return { digits: tok.v + unit.v, next: i + 3 };
          return { digits: tok.v + '0', next: i + 2 };
        }
        return { digits: tok.v, next: i + 1 };
      }
      case 'han10': {
        const unit = this.toks[i + 1];
        if (isSingleDigit(unit) && this.tight(i, i + 1)) return { digits: '1' + unit.v, next: i + 2 };
        return { digits: '10', next: i + 1 };
      }
      case 'tens': {
        // "forty one", "forty-one", "treinta y uno"
        const a = this.toks[i + 1];
        if (isSingleDigit(a) && a.v !== '0' && this.joined(i, i + 1) && this.isWord(a)) {
          return { digits: `${tok.d}${a.v}`, next: i + 2 };
        }
        const b = this.toks[i + 2];
        if (a?.t === 'and' && isSingleDigit(b) && b.v !== '0' && this.joined(i, i + 1) && this.joined(i + 1, i + 2)) {
          return { digits: `${tok.d}${b.v}`, next: i + 3 };
        }
        return { digits: `${tok.d}0`, next: i + 1 };
      }
      case 'mult': {
        const a = this.toks[i + 1];
        if (isSingleDigit(a) && this.joined(i, i + 1)) return { digits: a.v.repeat(tok.n), next: i + 2 };
        return null;
      }
      default:
        return null;
    }
  }

  private isWord(tok: Tok): boolean {
    return !/^[0-9０-９]/.test(this.text.slice(tok.start, tok.end));
  }

  /** The letter at token i, or after "letra"/"letter" at token i; null when none. */
  letterAt(i: number): { ch: string; next: number } | null {
    const tok = this.toks[i];
    if (tok?.t === 'letter') return { ch: tok.ch, next: i + 1 };
    if (tok?.t === 'and' && tok.ch) return { ch: tok.ch, next: i + 1 };
    if (tok?.t === 'letterWord') {
      const l = this.toks[i + 1];
      if (l?.t === 'letter' && this.joined(i, i + 1)) return { ch: l.ch, next: i + 2 };
    }
    return null;
  }
}

const CN_ID_RE = /^\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dX]$/;
const CURP_RE = /[A-Z]{4}\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[HMX][A-Z]{5}[A-Z0-9]\d/gi;

function validSsn(d: string): boolean {
  const area = d.slice(0, 3);
  const group = d.slice(3, 5);
  const serial = d.slice(5);
  return area !== '000' && area !== '666' && area[0] !== '9' && group !== '00' && serial !== '0000';
}

/** Digit runs judged by length and shape. */
function numberSpans(text: string): SensitiveSpan[] {
  const toks = tokenize(text);
  const reader = new NumberReader(text, toks);
  const spans: SensitiveSpan[] = [];
  let i = 0;
  while (i < toks.length) {
    const first = reader.element(i);
    if (!first) {
      i++;
      continue;
    }
    let digits = first.digits;
    let next = first.next;
    for (;;) {
      if (!reader.joined(next - 1, next)) break;
      const el = reader.element(next);
      if (!el) break;
      digits += el.digits;
      next = el.next;
    }
    const startTok = toks[i];
    const lastTok = toks[next - 1];
    if (!startTok || !lastTok) break;
    let start = startTok.start;
    let end = lastTok.end;
    let kind: SensitiveKind | null = null;
    let value = digits;

    // A letter after the digits (DNI/NIE control letter, the X of a 身份证), and before (NIE).
    const trailing = reader.joined(next - 1, next) ? reader.letterAt(next) : null;
    const before = i > 0 && reader.joined(i - 1, i) ? reader.letterAt(i - 1) : null;
    if (digits.length === 17 && trailing?.ch === 'X' && CN_ID_RE.test(digits + 'X')) {
      kind = 'cn_id';
      value = digits + 'X';
    } else if (digits.length === 18 && CN_ID_RE.test(digits)) {
      kind = 'cn_id';
    } else if (digits.length >= 13) {
      kind = 'card';
    } else if (digits.length === 7 && before && 'XYZ'.includes(before.ch) && trailing) {
      kind = 'nie';
      value = before.ch + digits + trailing.ch;
      start = toks[i - 1]?.start ?? start;
    } else if (digits.length === 8 && trailing) {
      kind = 'dni';
      value = digits + trailing.ch;
    } else if (digits.length === 9 && validSsn(digits)) {
      kind = 'ssn';
    }
    if (kind) {
      if (trailing && (kind === 'dni' || kind === 'nie' || kind === 'cn_id') && digits.length !== 18) {
        end = toks[trailing.next - 1]?.end ?? end;
      }
      spans.push({ kind, start, end, value });
    }
    i = next;
  }
  return spans;
}

/** CURPs, looked for with spaces and hyphens removed (dictated letter by letter). */
function curpSpans(text: string): SensitiveSpan[] {
  const map: number[] = [];
  let compact = '';
  for (let k = 0; k < text.length; k++) {
    const c = text[k] ?? '';
    if (/[\s\-‐‑–—]/u.test(c)) continue;
    compact += c;
    map.push(k);
  }
  const spans: SensitiveSpan[] = [];
  for (const m of compact.matchAll(CURP_RE)) {
    const s = map[m.index];
    const e = map[m.index + m[0].length - 1];
    if (s === undefined || e === undefined) continue;
    spans.push({ kind: 'curp', start: s, end: e + 1, value: m[0].toUpperCase() });
  }
  return spans;
}

/** Sensitive spans in order, overlaps merged (an ID wins over a card reading of the same digits). */
export function findSensitive(text: string): SensitiveSpan[] {
  const all = [...curpSpans(text), ...numberSpans(text)].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: SensitiveSpan[] = [];
  for (const s of all) {
    const last = merged[merged.length - 1];
    if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      if (last.kind === 'card' && s.kind !== 'card') last.kind = s.kind;
      continue;
    }
    merged.push({ ...s });
  }
  return merged;
}

export function maskLabel(span: Pick<SensitiveSpan, 'kind' | 'value'>): string {
  if (span.kind === 'card') return `[card ending ${span.value.replace(/\D/g, '').slice(-4)}]`;
  return span.kind === 'cn_id' ? '[id]' : `[${span.kind}]`;
}

export interface Redaction {
  text: string;
  spans: SensitiveSpan[];
}

export function redact(text: string): Redaction {
  const spans = findSensitive(text);
  if (spans.length === 0) return { text, spans };
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + maskLabel(s);
    at = s.end;
  }
  out += text.slice(at);
  return { text: out, spans };
}

export function maskText(text: string): string {
  return redact(text).text;
}

interface TimedWord {
  word: string;
  startMs: number;
  endMs: number;
}

/**
 * Masks word timings the same way: the words a sensitive number spans are merged into one
 * word carrying the mask label, from the first word's start to the last word's end, so
 * highlighting by time still lines up.
 */
export function maskWords<W extends TimedWord>(words: readonly W[]): W[] {
  let text = '';
  const offsets: Array<{ start: number; end: number }> = [];
  for (const w of words) {
    if (text) text += ' ';
    offsets.push({ start: text.length, end: text.length + w.word.length });
    text += w.word;
  }
  const spans = findSensitive(text);
  if (spans.length === 0) return words.slice();
  const out: W[] = [];
  let k = 0;
  for (const s of spans) {
    while (k < words.length && (offsets[k]?.end ?? 0) <= s.start) out.push(words[k++] as W);
    const first = words[k];
    if (!first) break;
    let last = first;
    while (k < words.length && (offsets[k]?.start ?? Infinity) < s.end) last = words[k++] as W;
    out.push({ ...first, word: maskLabel(s), startMs: first.startMs, endMs: last.endMs });
  }
  while (k < words.length) out.push(words[k++] as W);
  return out;
}
