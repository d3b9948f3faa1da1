/**
 * Text normalisation for language-model training and for scoring: lower case, numbers and amounts
 * spelled out per language, punctuation stripped. Returns word tokens (Mandarin: one string of
 * characters per phrase; segment it with segmentMandarin).
 */
import * as OpenCC from 'opencc-js';
import { digitsByOne, englishNumber, englishOrdinal, englishYear, mandarinNumber, spanishNumber } from './numbers.js';

export type Lang = 'en' | 'es' | 'zh';

const EN_ABBREV: Record<string, string> = {
  'mr.': 'mister', 'mrs.': 'missus', 'ms.': 'miz', 'dr.': 'doctor', 'st.': 'street', 'ave.': 'avenue',
  'jr.': 'junior', 'sr.': 'senior', 'vs.': 'versus', 'etc.': 'etcetera', 'a.m.': 'a m', 'p.m.': 'p m',
  'u.s.': 'u s', 'llc': 'l l c', 'ok': 'okay',
};
const ES_ABBREV: Record<string, string> = {
  'sr.': 'señor', 'sra.': 'señora', 'srta.': 'señorita', 'dr.': 'doctor', 'dra.': 'doctora', 'lic.': 'licenciado',
  'ud.': 'usted', 'uds.': 'ustedes', 'núm.': 'número', 'no.': 'número', 'etc.': 'etcétera', 'ok': 'okey',
};

function splitAmount(raw: string): { int: number; cents: number } | null {
  const s = raw.replace(/,/g, '');
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  const [a, b] = s.split('.');
  const int = Number(a);
  let cents = 0;
  if (b !== undefined) cents = Math.round(Number(`0.${b}`) * 100);
  return { int, cents };
}

function enNumberToken(tok: string, next: string | undefined): string[] | null {
  let m = /^\$(\d[\d,]*(?:\.\d+)?)$/.exec(tok);
  if (m && m[1]) {
    const a = splitAmount(m[1]);
    if (!a) return null;
    const out = [...englishNumber(a.int)];
    if (next !== 'dollars' && next !== 'dollar') out.push(a.int === 1 ? 'dollar' : 'dollars');
    if (a.cents) out.push('and', ...englishNumber(a.cents), a.cents === 1 ? 'cent' : 'cents');
    return out;
  }
  m = /^(\d[\d,]*(?:\.\d+)?)%$/.exec(tok);
  if (m && m[1]) return [...enDecimal(m[1]), 'percent'];
  m = /^(\d+)(st|nd|rd|th)$/.exec(tok);
  if (m && m[1]) return englishOrdinal(Number(m[1]));
  m = /^(\d{1,2}):(\d{2})$/.exec(tok);
  if (m && m[1] && m[2]) {
    const h = Number(m[1]);
    const min = Number(m[2]);
    if (min === 0) return [...englishNumber(h), "o'clock"];
    if (min < 10) return [...englishNumber(h), 'oh', ...englishNumber(min)];
    return [...englishNumber(h), ...englishNumber(min)];
  }
  if (/^\d{3}-\d{3,4}(-\d{3,4})?$/.test(tok) || /^\d{5,}$/.test(tok)) return digitsByOne('en', tok);
  if (/^\d{4}$/.test(tok)) {
    const n = Number(tok);
    if (n >= 1900 && n <= 2099 && next !== 'dollars' && next !== 'percent') return englishYear(n);
    return englishNumber(n);
  }
  if (/^\d[\d,]*(\.\d+)?$/.test(tok)) return enDecimal(tok);
  return null;
}

function enDecimal(raw: string): string[] {
  const s = raw.replace(/,/g, '');
  const [a, b] = s.split('.');
  const out = englishNumber(Number(a));
  if (b) out.push('point', ...digitsByOne('en', b));
  return out;
}

function esDecimal(raw: string): string[] {
  const s = raw.replace(/,/g, '');
  const [a, b] = s.split('.');
  const out = spanishNumber(Number(a));
  if (b) out.push('punto', ...spanishNumber(Number(b)));
  return out;
}

function esNumberToken(tok: string, next: string | undefined): string[] | null {
  let m = /^\$(\d[\d,]*(?:\.\d+)?)$/.exec(tok);
  if (m && m[1]) {
    const a = splitAmount(m[1]);
    if (!a) return null;
    const out = [...spanishNumber(a.int, true)];
    if (a.int >= 1e6 && a.int % 1e6 === 0 && !/^(pesos|peso|dólares|dólar)$/.test(next ?? '')) out.push('de');
    if (!/^(pesos|peso|dólares|dólar)$/.test(next ?? '')) out.push(a.int === 1 ? 'peso' : 'pesos');
    if (a.cents) out.push('con', ...spanishNumber(a.cents, true), a.cents === 1 ? 'centavo' : 'centavos');
    return out;
  }
  m = /^(\d[\d,]*(?:\.\d+)?)%$/.exec(tok);
  if (m && m[1]) return [...esDecimal(m[1]), 'por', 'ciento'];
  m = /^(\d{1,2}):(\d{2})$/.exec(tok);
  if (m && m[1] && m[2]) {
    const h = Number(m[1]);
    const min = Number(m[2]);
    const out = spanishNumber(h);
    if (min === 30) out.push('y', 'media');
    else if (min === 15) out.push('y', 'cuarto');
    else if (min) out.push('y', ...spanishNumber(min));
    return out;
  }
  if (/^\d{2,4}-\d{2,4}(-\d{2,4})*$/.test(tok) || /^\d{5,}$/.test(tok)) return digitsByOne('es', tok);
  if (/^\d[\d,]*(\.\d+)?$/.test(tok)) {
    const apo = next !== undefined && /^(pesos|peso|dólares|mil|días|meses|años|semanas|cuotas|pagos|pago|mes|año|día)$/.test(next);
    if (tok.includes('.')) return esDecimal(tok);
    return spanishNumber(Number(tok.replace(/,/g, '')), apo);
  }
  m = /^(\d+)(º|°|o|a)$/.exec(tok);
  if (m && m[1]) return spanishNumber(Number(m[1]));
  return null;
}

function normalizeLatin(lang: 'en' | 'es', text: string): string[] {
  let t = text.toLowerCase().normalize('NFC');
  t = t.replace(/[‘’´`]/g, "'").replace(/[“”«»]/g, '"').replace(/[–—]/g, ' ');
  t = t.replace(/&/g, lang === 'en' ? ' and ' : ' y ');
  const raw = t.split(/\s+/).filter(Boolean);
  const abbrev = lang === 'en' ? EN_ABBREV : ES_ABBREV;
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    let tok = raw[i]!;
    // Strip surrounding punctuation but keep $ % and inner . , : - for numbers.
    tok = tok.replace(/^[("'¿¡[{]+/, '').replace(/[)"'?!\]}…;]+$/, '');
    const ab = abbrev[tok];
    if (ab) {
      out.push(...ab.split(' '));
      continue;
    }
    tok = tok.replace(/[.,:;]+$/, '');
    if (!tok) continue;
    const next = raw[i + 1]?.toLowerCase().replace(/[^\p{L}]/gu, '');
    if (/\d/.test(tok)) {
      const spelled = lang === 'en' ? enNumberToken(tok, next) : esNumberToken(tok, next);
      if (spelled) {
        out.push(...spelled);
        continue;
      }
      // mixed token like "30-day" or "3x": spell the digit runs, keep the letters
      for (const part of tok.split(/(\d[\d,]*(?:\.\d+)?)/)) {
        if (!part) continue;
        if (/^\d/.test(part)) out.push(...(lang === 'en' ? enDecimal(part) : esDecimal(part)));
        else out.push(...cleanWord(lang, part));
      }
      continue;
    }
    out.push(...cleanWord(lang, tok));
  }
  return out;
}

function cleanWord(lang: 'en' | 'es', tok: string): string[] {
  // hyphens and slashes separate words; English keeps inner apostrophes (don't, o'clock)
  const parts = tok.split(/[-/_]+/);
  const out: string[] = [];
  for (let p of parts) {
    if (lang === 'en') p = p.replace(/[^a-z']/g, '').replace(/^'+|'+$/g, '');
    else p = p.replace(/[^a-zñáéíóúü]/g, '');
    if (p) out.push(p);
  }
  return out;
}

let t2s: ((s: string) => string) | null = null;

/** Traditional characters to Simplified (the Mandarin models' dictionary is Simplified). */
export function toSimplified(text: string): string {
  const convert = (t2s ??= OpenCC.Converter({ from: 't', to: 'cn' }));
  return convert(text);
}

function normalizeMandarin(text: string): string[] {
  let t = toSimplified(text.normalize('NFKC'));
  t = t.replace(/(\d+(?:\.\d+)?)\s*%/g, (_m, n: string) => `百分之${zhNum(n)}`);
  t = t.replace(/\d{5,}/g, (d) => digitsByOne('zh', d).join(''));
  t = t.replace(/\d+(?:\.\d+)?/g, (n) => zhNum(n));
  // Latin letters and punctuation become phrase breaks.
  return t
    .split(/[^\p{Script=Han}]+/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

function zhNum(n: string): string {
  const [a, b] = n.split('.');
  let s = mandarinNumber(Number(a));
  if (b) s += '点' + digitsByOne('zh', b).join('');
  return s;
}

export function normalizeText(lang: Lang, text: string): string[] {
  if (lang === 'zh') return normalizeMandarin(text);
  return normalizeLatin(lang, text);
}
