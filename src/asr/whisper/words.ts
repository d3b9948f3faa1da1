/**
 * Whisper's text as units the commit policy can compare and the protocol can time: words where
 * the script has spaces, single characters where it has none (Chinese, Japanese), because
 * Whisper's Chinese comes unsegmented and a character is the stable unit across re-decodes.
 */
export interface TextUnit {
  /** As Whisper wrote it (punctuation kept). */
  text: string;
  /** For comparing two decodes: lower case, accents and punctuation dropped. */
  key: string;
  /** Written without a space before it (a character after another character). */
  glued: boolean;
}

const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

function keyOf(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}']/gu, '');
}

export function splitUnits(text: string): TextUnit[] {
  const units: TextUnit[] = [];
  for (const word of text.trim().split(/\s+/)) {
    if (!word) continue;
    const pieces = UNSPACED.test(word) ? splitUnspaced(word) : [word];
    pieces.forEach((piece, i) => units.push({ text: piece, key: keyOf(piece), glued: i > 0 }));
  }
  return units;
}

/** One space-free run holding unspaced script: a unit per character, Latin runs whole, punctuation with its neighbour. */
function splitUnspaced(word: string): string[] {
  const pieces: string[] = [];
  let latin = '';
  let leading = '';
  for (const ch of word) {
    if (UNSPACED.test(ch)) {
      if (latin) pieces.push(latin);
      latin = '';
      pieces.push(leading + ch);
      leading = '';
    } else if (/[\p{L}\p{N}]/u.test(ch)) {
      latin += leading + ch;
      leading = '';
    } else if (latin) latin += ch;
    else if (pieces.length) pieces[pieces.length - 1] += ch;
    else leading += ch;
  }
  if (latin) pieces.push(latin);
  else if (leading) pieces.push(leading);
  return pieces;
}

/** Units back to text: spaces between words, none between unspaced characters. */
export function joinUnits(units: readonly TextUnit[]): string {
  let out = '';
  for (const u of units) out += out && !u.glued ? ` ${u.text}` : u.text;
  return out;
}
