import { readFileSync } from 'node:fs';

/** A pocketsphinx pronunciation dictionary: word -> list of pronunciations (phones joined by spaces). */
export type Dictionary = Map<string, string[]>;

/** Reads a Sphinx .dic file ("WORD PH PH", alternates as "WORD(2) PH PH"). */
export function readDictionary(path: string): Dictionary {
  const dict: Dictionary = new Map();
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith(';;')) continue;
    const parts = line.split(/\s+/);
    const head = parts[0];
    if (head === undefined || parts.length < 2) continue;
    const word = head.replace(/\(\d+\)$/, '');
    const pron = parts.slice(1).join(' ');
    const list = dict.get(word);
    if (list) {
      if (!list.includes(pron)) list.push(pron);
    } else dict.set(word, [pron]);
  }
  return dict;
}

/** Serialises a dictionary in Sphinx format, alternates numbered (2), (3)…; sorted for stable output. */
export function formatDictionary(dict: Dictionary): string {
  const words = [...dict.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const out: string[] = [];
  for (const w of words) {
    const prons = dict.get(w) ?? [];
    prons.forEach((p, i) => out.push(`${i === 0 ? w : `${w}(${i + 1})`} ${p}`));
  }
  return out.join('\n') + '\n';
}
