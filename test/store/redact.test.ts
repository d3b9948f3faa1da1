import { describe, expect, it } from 'vitest';
import { findSensitive, maskText, maskWords } from '../../src/store/redact.js';

describe('masking card numbers', () => {
  it.each([
    ['digits, grouped', 'the card is 4111 1111 1111 1111 thanks', 'the card is [card ending 1111] thanks'],
    ['digits, hyphens', 'number 5500-0000-0000-0004.', 'number [card ending 0004].'],
    ['digits, run together', 'ok 378282246310005', 'ok [card ending 0005]'],
    ['13 digits', '4222222222222', '[card ending 2222]'],
    ['19 digits', '6011 0009 9013 9424 123', '[card ending 4123]'],
    ['full-width digits', '卡号４１１１１１１１１１１１１１１１', '卡号[card ending 1111]'],
    [
      'English words',
      'it is four one one one one one one one one one one one one one one one okay',
      'it is [card ending 1111] okay',
    ],
    ['English with oh and double', 'five five oh oh double four two two one one two two three three four four', '[card ending 3344]'],
    ['English tens', 'forty one eleven, eleven eleven, twenty-two thirty three forty-four fifty', '[card ending 4450]'],
    ['mixed digits and words', 'four one one one 1111 one one one one 1 1 1 1', '[card ending 1111]'],
    [
      'Spanish words',
      'mi tarjeta es cuatro cinco cinco uno, ocho dos tres cero, nueve siete seis cinco, cuatro tres dos uno gracias',
      'mi tarjeta es [card ending 4321] gracias',
    ],
    ['Spanish tens', 'treinta y uno cuarenta y dos veintitrés noventa diez doce catorce', '[card ending 1214]'],
    ['Spanish accents dropped', 'dieciseis veintidos veintiseis doce doce doce doce', '[card ending 1212]'],
    ['Mandarin digits', '我的卡号是六二二二零二一二三四五六七八九零一二', '我的卡号是[card ending 9012]'],
    ['Mandarin with 幺 and 两, spaced', '卡号 六 两 两 八 幺 幺 幺 幺 两 两 两 两 三 三 三 三', '卡号 [card ending 3333]'],
    ['Mandarin tens', '四十一 十一 十一 十一 二十二 三十三 四十四', '[card ending 3344]'],
  ])('%s', (_label, input, expected) => {
    expect(maskText(input)).toBe(expected);
  });
});

describe('masking national ID numbers', () => {
  it.each([
    ['US SSN with hyphens', 'my social is 123-45-6789', 'my social is [ssn]'],
    ['US SSN in words', 'it is one two three four five six seven eight nine', 'it is [ssn]'],
    ['US SSN with spaces', 'ssn 078 05 1120 ok', 'ssn [ssn] ok'],
    ['Spanish DNI', 'mi DNI es 12345678Z', 'mi DNI es [dni]'],
    ['Spanish DNI spaced with letra', 'DNI uno dos tres cuatro cinco seis siete ocho letra zeta', 'DNI [dni]'],
    ['Spanish NIE', 'el NIE X-1234567-L vale', 'el NIE [nie] vale'],
    ['Spanish NIE spoken', 'equis uno dos tres cuatro cinco seis siete ele', '[nie]'],
    ['Spanish NIE starting with Y', 'NIE Y1234567X', 'NIE [nie]'],
    ['Mexican CURP', 'su CURP es GOMA850101HDFRRN09 correcto', 'su CURP es [curp] correcto'],
    ['Mexican CURP lower case, dictated', 'curp g o m a 8 5 0 1 0 1 h d f r r n 0 9', 'curp [curp]'],
    ['Chinese ID', '身份证号码是110105194912310021', '身份证号码是[id]'],
    ['Chinese ID ending in X', '身份证 11010519491231002X 对', '身份证 [id] 对'],
    ['Chinese ID in Chinese digits ending 叉', '幺幺零幺零五幺九四九幺二三幺零零二叉', '[id]'],
  ])('%s', (_label, input, expected) => {
    expect(maskText(input)).toBe(expected);
  });

  it('labels the span kinds', () => {
    expect(findSensitive('110105194912310021').map((s) => s.kind)).toEqual(['cn_id']);
    expect(findSensitive('4111111111111111').map((s) => s.kind)).toEqual(['card']);
    expect(findSensitive('X1234567L and 12345678Z').map((s) => s.kind)).toEqual(['nie', 'dni']);
  });
});

describe('leaving ordinary speech alone', () => {
  it.each([
    'you owe 1,234.56 dollars',
    'call me back at 555 123 4567',
    'the balance is four hundred and twelve dollars',
    'I can pay two hundred on the fifteenth',
    'tengo dos hijos y un trabajo',
    'nobody is going to arrest you',
    '您的欠款是三千五百元',
    'reference 12345',
    'my card ends in 4242',
    'account 000-00-0000',
    'one two three four five six seven eight',
    'the year 2024 and 2025',
    '',
  ])('%s', (input) => {
    expect(maskText(input)).toBe(input);
  });
});

describe('masking word timings', () => {
  it('merges the words of a masked number into one timed word', () => {
    const text = 'sure it is 4111 1111 1111 1111 expiry soon';
    const words = text.split(' ').map((w, i) => ({ word: w, startMs: i * 100, endMs: i * 100 + 80, confidence: 0.9 }));
    const out = maskWords(words);
    expect(out.map((w) => w.word)).toEqual(['sure', 'it', 'is', '[card ending 1111]', 'expiry', 'soon']);
    expect(out[3]).toMatchObject({ startMs: 300, endMs: 680, confidence: 0.9 });
    expect(maskWords([{ word: 'hello', startMs: 0, endMs: 1 }])).toEqual([{ word: 'hello', startMs: 0, endMs: 1 }]);
    const zh = ['身', '份', '证', '1101051949', '1231002X'].map((w, i) => ({ word: w, startMs: i, endMs: i + 1 }));
    expect(maskWords(zh).map((w) => w.word)).toEqual(['身', '份', '证', '[id]']);
  });
});
