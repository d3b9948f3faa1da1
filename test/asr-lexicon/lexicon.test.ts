import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelsDir } from '../../src/paths.js';
import { readDictionary } from '../../src/asr/lexicon/dict.js';
import { spanishDictSpelling, spanishToPhones } from '../../src/asr/lexicon/es-g2p.js';
import { englishLetterToSound, guessEnglish } from '../../src/asr/lexicon/en-lex.js';
import { englishNumber, englishYear, mandarinNumber, spanishNumber } from '../../src/asr/lexicon/numbers.js';
import { normalizeText } from '../../src/asr/lexicon/normalize.js';
import { makeSegmenter } from '../../src/asr/lexicon/zh-seg.js';
import { dangerCounts } from '../../src/asr/lexicon/danger.js';

const esDic = join(modelsDir(), 'pocketsphinx-es-voxforge-0.1.1', 'voxforge_es_sphinx.dic');

describe('Spanish letter-to-phone', () => {
  it('follows the VoxForge conventions', () => {
    expect(spanishToPhones('CáRCEL')).toEqual(['K', 'A', 'R', 'Z', 'E', 'L']);
    expect(spanishToPhones('GUERRA')?.join(' ')).toBe('G E RR A');
    expect(spanishToPhones('QUE')?.join(' ')).toBe('K E');
    expect(spanishToPhones('ROSA')?.join(' ')).toBe('RR O S A');
    expect(spanishToPhones('ENRIQUE')?.join(' ')).toBe('E N RR I K E');
    expect(spanishToPhones('MUY')?.join(' ')).toBe('M U I');
    expect(spanishToPhones('YO')?.join(' ')).toBe('Y O');
    expect(spanishToPhones('AñO')?.join(' ')).toBe('A GN O');
    expect(spanishToPhones('HIELO')?.join(' ')).toBe('I E L O');
    expect(spanishToPhones('APREHENSIóN')?.join(' ')).toBe('A P R E E N S I O N');
    expect(spanishToPhones('x1')).toBeNull();
  });
  it('spells words the way the dictionary does', () => {
    expect(spanishDictSpelling('cárcel')).toBe('CáRCEL');
    expect(spanishDictSpelling('Señor')).toBe('SEñOR');
  });
  it.skipIf(!existsSync(esDic))('reproduces at least 98% of the dictionary', () => {
    const dict = readDictionary(esDic);
    let ok = 0;
    let n = 0;
    for (const [w, prons] of dict) {
      if (w.startsWith('<')) continue;
      n++;
      if (prons.includes(spanishToPhones(w)?.join(' ') ?? '')) ok++;
    }
    expect(ok / n).toBeGreaterThan(0.98);
  });
});

describe('numbers', () => {
  it('English', () => {
    expect(englishNumber(1482).join(' ')).toBe('one thousand four hundred eighty two');
    expect(englishNumber(0)).toEqual(['zero']);
    expect(englishYear(2024).join(' ')).toBe('twenty twenty four');
    expect(englishYear(2005).join(' ')).toBe('two thousand five');
  });
  it('Spanish', () => {
    expect(spanishNumber(21500, true).join(' ')).toBe('veintiún mil quinientos');
    expect(spanishNumber(100).join(' ')).toBe('cien');
    expect(spanishNumber(101).join(' ')).toBe('ciento uno');
    expect(spanishNumber(2_000_000).join(' ')).toBe('dos millones');
    expect(spanishNumber(45).join(' ')).toBe('cuarenta y cinco');
  });
  it('Mandarin', () => {
    expect(mandarinNumber(3500)).toBe('三千五百');
    expect(mandarinNumber(105)).toBe('一百零五');
    expect(mandarinNumber(10)).toBe('十');
    expect(mandarinNumber(15)).toBe('十五');
    expect(mandarinNumber(20000)).toBe('二万');
    expect(mandarinNumber(10010)).toBe('一万零一十');
  });
});

describe('normalizeText', () => {
  it('English amounts, times and punctuation', () => {
    expect(normalizeText('en', 'You owe $1,250.50, Mr. Smith!').join(' ')).toBe(
      'you owe one thousand two hundred fifty dollars and fifty cents mister smith',
    );
    expect(normalizeText('en', "Don't call after 3:30.").join(' ')).toBe("don't call after three thirty");
    expect(normalizeText('en', 'a 15% fee').join(' ')).toBe('a fifteen percent fee');
    expect(normalizeText('en', 'pay 200 dollars').join(' ')).toBe('pay two hundred dollars');
  });
  it('Spanish amounts and punctuation', () => {
    expect(normalizeText('es', '¿Sr. García? Debe $21,500 pesos.').join(' ')).toBe('señor garcía debe veintiún mil quinientos pesos');
    expect(normalizeText('es', 'Pague $300 hoy').join(' ')).toBe('pague trescientos pesos hoy');
  });
  it('Mandarin numbers and phrase breaks', () => {
    expect(normalizeText('zh', '你欠了3500元，我们会起诉你！')).toEqual(['你欠了三千五百元', '我们会起诉你']);
  });
});

describe('English pronunciations for missing words', () => {
  const dict = new Map<string, string[]>([
    ['pay', ['P EY']], ['check', ['CH EH K']], ['garnish', ['G AA R N IH SH']], ['f', ['EH F']], ['t', ['T IY']],
    ['c', ['S IY']], ['low', ['L OW']], ['life', ['L AY F']],
  ]);
  it('compounds, suffixes, acronyms', () => {
    expect(guessEnglish('paycheck', dict)).toBe('P EY CH EH K');
    expect(guessEnglish('garnishing', dict)).toBe('G AA R N IH SH IH NG');
    expect(guessEnglish('ftc', dict)).toBe('EH F T IY S IY');
    expect(guessEnglish('lowlife', dict)).toBe('L OW L AY F');
  });
  it('letter-to-sound never leaves a name unpronounceable', () => {
    expect(englishLetterToSound('priya')).toBe('P R IY Y AH');
    expect(englishLetterToSound('tuan')).toBe('T W AA N');
  });
});

describe('Mandarin segmentation', () => {
  it('takes the longest dictionary word', () => {
    const seg = makeSegmenter(['我们', '会', '起诉', '你', '起', '诉']);
    expect(seg.segment('我们会起诉你')).toEqual(['我们', '会', '起诉', '你']);
    expect(seg.segment('我们X')).toEqual(['我们']);
    expect(seg.unknown.has('X')).toBe(true);
  });
});

describe('danger words', () => {
  it('counts words and phrases', () => {
    expect(dangerCounts('en', 'we will sue you and have you arrested').get('sue')).toBe(1);
    expect(dangerCounts('es', 'hay una orden de aprehensión').get('orden de aprehensión')).toBe(1);
    expect(dangerCounts('zh', '我们会 起诉 你').get('起诉')).toBe(1);
    expect(dangerCounts('en', 'pursue the matter').size).toBe(0);
  });
});

describe('Mandarin normalisation', () => {
  it('turns Traditional characters into Simplified ones', () => {
    expect(normalizeText('zh', '還錢，不然起訴你')).toEqual(['还钱', '不然起诉你']);
  });
});
