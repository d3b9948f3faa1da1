/**
 * English pronunciations for words missing from cmudict: compounds of dictionary words, common
 * suffixes on dictionary stems, and spelled-out acronyms. Returns null when nothing fits.
 */
import type { Dictionary } from './dict.js';

const VOICELESS_END = new Set(['P', 'T', 'K', 'F', 'TH']);
const SIBILANT_END = new Set(['S', 'Z', 'SH', 'ZH', 'CH', 'JH']);

function lastPhone(pron: string): string {
  const p = pron.split(' ');
  return p[p.length - 1] ?? '';
}

function first(dict: Dictionary, w: string): string | undefined {
  return dict.get(w)?.[0];
}

function plural(stem: string): string {
  const l = lastPhone(stem);
  if (SIBILANT_END.has(l)) return `${stem} IH Z`;
  if (VOICELESS_END.has(l)) return `${stem} S`;
  return `${stem} Z`;
}

export function guessEnglish(word: string, dict: Dictionary, depth = 0): string | null {
  const w = word.toLowerCase();
  const known = first(dict, w);
  if (known) return known;
  if (depth > 2 || w.length < 2) return null;
  // possessive / plural
  if (w.endsWith("'s")) {
    const s = guessEnglish(w.slice(0, -2), dict, depth + 1);
    if (s) return plural(s);
  }
  if (w.endsWith('s') && !w.endsWith('ss')) {
    const s = first(dict, w.slice(0, -1));
    if (s) return plural(s);
  }
  const suffixes: [string, string, string][] = [
    ['ing', '', 'IH NG'],
    ['ing', 'e', 'IH NG'],
    ['ed', '', 'D'],
    ['ed', 'e', 'D'],
    ['er', '', 'ER'],
    ['ers', '', 'ER Z'],
    ['ly', '', 'L IY'],
    ['able', '', 'AH B AH L'],
    ['ment', '', 'M AH N T'],
    ['ness', '', 'N AH S'],
  ];
  for (const [suf, add, pron] of suffixes) {
    if (w.endsWith(suf) && w.length > suf.length + 2) {
      const stem = first(dict, w.slice(0, -suf.length) + add);
      if (stem) {
        if (suf === 'ed') {
          const l = lastPhone(stem);
          if (l === 'T' || l === 'D') return `${stem} IH D`;
          return VOICELESS_END.has(l) || SIBILANT_END.has(l) ? `${stem} T` : `${stem} D`;
        }
        return `${stem} ${pron}`;
      }
    }
  }
  // compound of two dictionary words (longest first part first); each part at least 3 letters
  for (let i = w.length - 3; i >= 3; i--) {
    const a = first(dict, w.slice(0, i));
    if (!a) continue;
    const b = first(dict, w.slice(i)) ?? (depth < 2 ? guessEnglish(w.slice(i), dict, depth + 1) : null);
    if (b) return `${a} ${b}`;
  }
  // acronym: spell the letters
  if (w.length <= 6 && /^[a-z]+$/.test(w) && !/[aeiou]/.test(w.slice(1))) {
    const letters: string[] = [];
    for (const ch of w) {
      const p = first(dict, ch) ?? first(dict, `${ch}.`);
      if (!p) return null;
      letters.push(p);
    }
    return letters.join(' ');
  }
  return null;
}

const EN_CHUNKS: [string, string][] = [
  ['tch', 'CH'], ['sch', 'S K'], ['igh', 'AY'], ['ch', 'CH'], ['sh', 'SH'], ['th', 'TH'], ['ph', 'F'], ['ck', 'K'],
  ['qu', 'K W'], ['ng', 'NG'], ['wh', 'W'], ['kn', 'N'], ['ee', 'IY'], ['ea', 'IY'], ['oo', 'UW'], ['ai', 'EY'],
  ['ay', 'EY'], ['ou', 'AW'], ['ow', 'OW'], ['oa', 'OW'], ['oi', 'OY'], ['oy', 'OY'], ['au', 'AO'], ['aw', 'AO'],
  ['ie', 'IY'], ['ei', 'EY'], ['ey', 'IY'], ['ue', 'UW'], ['ua', 'W AA'], ['ar', 'AA R'], ['er', 'ER'], ['ir', 'ER'],
  ['ur', 'ER'], ['or', 'AO R'],
];
const EN_SINGLE: Record<string, string> = {
  b: 'B', d: 'D', f: 'F', h: 'HH', j: 'JH', k: 'K', l: 'L', m: 'M', n: 'N', p: 'P', r: 'R', s: 'S', t: 'T',
  v: 'V', w: 'W', x: 'K S', z: 'Z', g: 'G',
};

/** Last-resort letter-to-sound rules (names mostly): never fails on a-z words. */
export function englishLetterToSound(word: string): string | null {
  const w = word.toLowerCase().replace(/'s$/, 'z').replace(/[^a-z]/g, '');
  if (!w) return null;
  const out: string[] = [];
  const isV = (c: string | undefined): boolean => c !== undefined && 'aeiouy'.includes(c);
  for (let i = 0; i < w.length; ) {
    let matched = false;
    for (const [g, p] of EN_CHUNKS) {
      if (w.startsWith(g, i)) {
        out.push(p);
        i += g.length;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    const c = w[i]!;
    const next = w[i + 1];
    const last = i === w.length - 1;
    if (c === 'c') out.push(next === 'e' || next === 'i' || next === 'y' ? 'S' : 'K');
    else if (c === 'a') out.push(last ? 'AH' : isV(next) ? 'EY' : 'AE');
    else if (c === 'e') {
      if (!(last && i > 1)) out.push(last ? 'IY' : 'EH');
    } else if (c === 'i') out.push(isV(next) || last ? 'IY' : 'IH');
    else if (c === 'o') out.push(last ? 'OW' : 'AA');
    else if (c === 'u') out.push(isV(next) ? 'W' : 'UW');
    else if (c === 'y') out.push(i === 0 || isV(next) ? 'Y' : 'IY');
    else if (EN_SINGLE[c]) {
      if (!(next === c)) out.push(EN_SINGLE[c]);
    }
    i++;
  }
  return out.length ? out.join(' ') : null;
}

/**
 * Common American variants of a cmudict pronunciation, for the danger words only (more ways to hear
 * them): the cot/caught merger (AO -> AA) and reduced vowels (AH -> IH, or dropped between consonants).
 */
export function englishVariants(pron: string): string[] {
  const out = new Set<string>();
  const p = pron.split(' ');
  if (p.includes('AO')) out.add(p.map((x) => (x === 'AO' ? 'AA' : x)).join(' '));
  const vowels = new Set(['AA', 'AE', 'AH', 'AO', 'AW', 'AY', 'EH', 'ER', 'EY', 'IH', 'IY', 'OW', 'OY', 'UH', 'UW']);
  for (let i = 1; i < p.length - 1; i++) {
    if (p[i] !== 'AH') continue;
    out.add([...p.slice(0, i), 'IH', ...p.slice(i + 1)].join(' '));
    if (!vowels.has(p[i - 1]!) && !vowels.has(p[i + 1]!)) out.add([...p.slice(0, i), ...p.slice(i + 1)].join(' '));
  }
  out.delete(pron);
  return [...out].slice(0, 4);
}
