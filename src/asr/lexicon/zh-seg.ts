/** Mandarin segmentation into dictionary words by forward maximum matching (longest word first). */

export interface Segmenter {
  segment(phrase: string): string[];
  /** Characters that no dictionary word covers (dropped by segment). */
  unknown: Set<string>;
}

export function makeSegmenter(words: Iterable<string>, preferred?: Set<string>): Segmenter {
  const vocab = new Set<string>();
  let maxLen = 1;
  for (const w of words) {
    vocab.add(w);
    const len = [...w].length;
    if (len > maxLen) maxLen = len;
  }
  maxLen = Math.min(maxLen, 8);
  const unknown = new Set<string>();
  return {
    unknown,
    segment(phrase: string): string[] {
      const chars = [...phrase];
      const out: string[] = [];
      let i = 0;
      while (i < chars.length) {
        let found = '';
        // Longest match; among equal-length matches only one exists. A preferred-vocabulary
        // (e.g. the general LM's) word of length >= 2 wins over a longer word outside it only if it is longer than 1.
        for (let len = Math.min(maxLen, chars.length - i); len >= 1; len--) {
          const cand = chars.slice(i, i + len).join('');
          if (vocab.has(cand)) {
            found = cand;
            break;
          }
        }
        if (!found) {
          unknown.add(chars[i]!);
          i++;
          continue;
        }
        if (preferred && !preferred.has(found) && [...found].length > 1) {
          // Try splitting into preferred words when the longest match is outside the preferred vocabulary.
          const alt = greedyPreferred(chars.slice(i, i + [...found].length), preferred);
          if (alt) {
            out.push(...alt);
            i += [...found].length;
            continue;
          }
        }
        out.push(found);
        i += [...found].length;
      }
      return out;
    },
  };
}

function greedyPreferred(chars: string[], preferred: Set<string>): string[] | null {
  const out: string[] = [];
  let i = 0;
  while (i < chars.length) {
    let ok = false;
    for (let len = chars.length - i; len >= 1; len--) {
      const cand = chars.slice(i, i + len).join('');
      if (preferred.has(cand)) {
        out.push(cand);
        i += len;
        ok = true;
        break;
      }
    }
    if (!ok) return null;
  }
  return out.length > 1 ? out : null;
}
