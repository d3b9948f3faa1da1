/** Numbers spelled out the way people say them, per language (integers up to the billions). */

const EN_ONES = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

function enBelow1000(n: number): string[] {
  const out: string[] = [];
  const h = Math.floor(n / 100);
  const r = n % 100;
  if (h) out.push(EN_ONES[h]!, 'hundred');
  if (r) {
    if (r < 20) out.push(EN_ONES[r]!);
    else {
      out.push(EN_TENS[Math.floor(r / 10)]!);
      if (r % 10) out.push(EN_ONES[r % 10]!);
    }
  }
  return out;
}

export function englishNumber(n: number): string[] {
  if (!Number.isFinite(n) || n < 0 || !Number.isInteger(n)) throw new Error(`englishNumber: ${n}`);
  if (n === 0) return ['zero'];
  const scales: [number, string][] = [[1e9, 'billion'], [1e6, 'million'], [1e3, 'thousand']];
  const out: string[] = [];
  let rest = n;
  for (const [v, name] of scales) {
    if (rest >= v) {
      out.push(...englishNumber(Math.floor(rest / v)), name);
      rest %= v;
    }
  }
  if (rest) out.push(...enBelow1000(rest));
  return out;
}

/** Years 1100–2099 said in pairs ("nineteen ninety", "twenty twenty four", "two thousand five"). */
export function englishYear(n: number): string[] {
  if (n >= 2000 && n < 2010) return englishNumber(n);
  if (n < 1100 || n > 2099) return englishNumber(n);
  const hi = Math.floor(n / 100);
  const lo = n % 100;
  if (lo === 0) return [...englishNumber(hi), 'hundred'];
  if (lo < 10) return [...englishNumber(hi), 'oh', ...englishNumber(lo)];
  return [...englishNumber(hi), ...englishNumber(lo)];
}

const EN_ORD: Record<string, string> = {
  one: 'first', two: 'second', three: 'third', five: 'fifth', eight: 'eighth', nine: 'ninth', twelve: 'twelfth',
};

export function englishOrdinal(n: number): string[] {
  const words = englishNumber(n);
  const last = words[words.length - 1]!;
  let ord: string;
  if (EN_ORD[last]) ord = EN_ORD[last];
  else if (last.endsWith('y')) ord = last.slice(0, -1) + 'ieth';
  else ord = last + 'th';
  return [...words.slice(0, -1), ord];
}

const ES_ONES = [
  'cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez',
  'once', 'doce', 'trece', 'catorce', 'quince', 'dieciséis', 'diecisiete', 'dieciocho', 'diecinueve',
  'veinte', 'veintiuno', 'veintidós', 'veintitrés', 'veinticuatro', 'veinticinco', 'veintiséis',
  'veintisiete', 'veintiocho', 'veintinueve',
];
const ES_TENS = ['', '', 'veinte', 'treinta', 'cuarenta', 'cincuenta', 'sesenta', 'setenta', 'ochenta', 'noventa'];
const ES_HUNDREDS = [
  '', 'ciento', 'doscientos', 'trescientos', 'cuatrocientos', 'quinientos', 'seiscientos', 'setecientos',
  'ochocientos', 'novecientos',
];

function esBelow1000(n: number): string[] {
  if (n === 100) return ['cien'];
  const out: string[] = [];
  const h = Math.floor(n / 100);
  const r = n % 100;
  if (h) out.push(ES_HUNDREDS[h]!);
  if (r) {
    if (r < 30) out.push(ES_ONES[r]!);
    else {
      out.push(ES_TENS[Math.floor(r / 10)]!);
      if (r % 10) out.push('y', ES_ONES[r % 10]!);
    }
  }
  return out;
}

/** Spanish cardinal; "uno" becomes "un" before thousand/million and in amounts (apocope=true). */
export function spanishNumber(n: number, apocope = false): string[] {
  if (!Number.isFinite(n) || n < 0 || !Number.isInteger(n)) throw new Error(`spanishNumber: ${n}`);
  if (n === 0) return ['cero'];
  const out: string[] = [];
  let rest = n;
  const mill = Math.floor(rest / 1e6);
  if (mill) {
    if (mill === 1) out.push('un', 'millón');
    else out.push(...spanishNumber(mill, true), 'millones');
    rest %= 1e6;
  }
  const th = Math.floor(rest / 1000);
  if (th) {
    if (th === 1) out.push('mil');
    else out.push(...spanishNumber(th, true), 'mil');
    rest %= 1000;
  }
  if (rest) out.push(...esBelow1000(rest));
  if (apocope) {
    const last = out[out.length - 1];
    if (last === 'uno') out[out.length - 1] = 'un';
    else if (last === 'veintiuno') out[out.length - 1] = 'veintiún';
  }
  return out;
}

const ZH_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

function zhBelow10000(n: number, leadingOne: boolean): string {
  const units = ['千', '百', '十', ''];
  const divs = [1000, 100, 10, 1];
  let s = '';
  let zero = false;
  let started = false;
  for (let k = 0; k < 4; k++) {
    const d = Math.floor(n / divs[k]!) % 10;
    if (d === 0) {
      if (started) zero = true;
      continue;
    }
    if (zero) s += '零';
    zero = false;
    if (!(d === 1 && k === 2 && !started && !leadingOne)) s += ZH_DIGITS[d];
    s += units[k];
    started = true;
  }
  return s;
}

/** Mandarin cardinal in characters (一百五十, 两千 is written 二千 here: the LM sees both via the corpus). */
export function mandarinNumber(n: number): string {
  if (!Number.isFinite(n) || n < 0 || !Number.isInteger(n)) throw new Error(`mandarinNumber: ${n}`);
  if (n === 0) return '零';
  const yi = Math.floor(n / 1e8);
  const wan = Math.floor((n % 1e8) / 1e4);
  const rest = n % 1e4;
  let s = '';
  if (yi) s += zhBelow10000(yi, false) + '亿';
  if (wan) {
    if (yi && wan < 1000) s += '零';
    s += zhBelow10000(wan, s !== '') + '万';
  }
  if (rest) {
    if ((yi || wan) && rest < 1000) s += '零';
    s += zhBelow10000(rest, s !== '');
  }
  return s;
}

/** Digits read one by one (phone numbers, account numbers). */
export function digitsByOne(lang: 'en' | 'es' | 'zh', digits: string): string[] {
  const out: string[] = [];
  for (const ch of digits) {
    const d = Number(ch);
    if (!Number.isInteger(d)) continue;
    if (lang === 'en') out.push(EN_ONES[d]!);
    else if (lang === 'es') out.push(ES_ONES[d]!);
    else out.push(d === 1 ? '幺' : ZH_DIGITS[d]!);
  }
  return out;
}
