/**
 * Spanish letter-to-phone rules for the VoxForge Spanish 0.1.1 phone set
 * (A B CH D E F G GN I J K L LL M N O P R RR S T U X Y Z; Castilian-style Z for c/z before e/i).
 * Words are in the dictionary's spelling: upper-case ASCII with accented letters lower-case (CáRCEL),
 * but any case is accepted.
 */

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'á', 'é', 'í', 'ó', 'ú', 'ü']);
const FRONT = new Set(['e', 'i', 'é', 'í']);

const VOWEL_PHONE: Record<string, string> = {
  a: 'A', á: 'A', e: 'E', é: 'E', i: 'I', í: 'I', o: 'O', ó: 'O', u: 'U', ú: 'U', ü: 'U',
};

/** Phones for one Spanish word; null when the word holds characters the rules do not cover. */
export function spanishToPhones(word: string): string[] | null {
  const w = word.toLowerCase();
  if (!/^[a-zñáéíóúü]+$/.test(w)) return null;
  const out: string[] = [];
  const at = (i: number): string => w[i] ?? '';
  for (let i = 0; i < w.length; i++) {
    const c = at(i);
    const next = at(i + 1);
    const prev = at(i - 1);
    const v = VOWEL_PHONE[c];
    if (v !== undefined) {
      // "y" handled below; "u" after q/g before e/i is silent (handled at q/g).
      out.push(v);
      continue;
    }
    switch (c) {
      case 'b':
      case 'v':
        out.push('B');
        break;
      case 'c':
        if (next === 'h') {
          out.push('CH');
          i++;
        } else if (FRONT.has(next)) out.push('Z');
        else out.push('K');
        break;
      case 'd':
        out.push('D');
        break;
      case 'f':
        out.push('F');
        break;
      case 'g':
        if (FRONT.has(next)) out.push('J');
        else if (next === 'u' && FRONT.has(at(i + 2))) {
          out.push('G');
          i++; // silent u
        } else out.push('G');
        break;
      case 'h':
        break; // silent
      case 'j':
        out.push('J');
        break;
      case 'k':
        out.push('K');
        break;
      case 'l':
        if (next === 'l') {
          out.push('LL');
          i++;
        } else out.push('L');
        break;
      case 'm':
        out.push('M');
        break;
      case 'n':
        out.push('N');
        break;
      case 'ñ':
        out.push('GN');
        break;
      case 'p':
        out.push('P');
        break;
      case 'q':
        out.push('K');
        if (next === 'u') i++;
        break;
      case 'r':
        if (next === 'r') {
          out.push('RR');
          i++;
        } else if (i === 0 || prev === 'n' || prev === 'l' || prev === 's') out.push('RR');
        else out.push('R');
        break;
      case 's':
        out.push('S');
        break;
      case 't':
        out.push('T');
        break;
      case 'w':
        out.push('U');
        break;
      case 'x':
        out.push('X');
        break;
      case 'y':
        // consonant before a vowel, vowel-like at the end of a word or before a consonant
        if (VOWELS.has(next)) out.push('Y');
        else out.push('I');
        break;
      case 'z':
        out.push('Z');
        break;
      default:
        return null;
    }
  }
  return out.length ? out : null;
}

/** The dictionary's spelling of a word: upper-case ASCII letters, accented letters and ñ/ü kept lower-case. */
export function spanishDictSpelling(word: string): string {
  let s = '';
  for (const ch of word.toLowerCase()) s += /[a-z]/.test(ch) ? ch.toUpperCase() : ch;
  return s;
}
