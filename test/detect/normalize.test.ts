import { describe, expect, it } from 'vitest';
import { MAX_ANALYSED_CHARS, normalize, originalSpan } from '../../src/detect/normalize.js';

describe('normalize', () => {
  it('lowercases, strips accents and punctuation, collapses spaces', () => {
    expect(normalize('  Le  VOY a DEMANDAR, señor!!  ').text).toBe('le voy a demandar senor');
    expect(normalize('¿Está usted en la cárcel?').text).toBe('esta usted en la carcel');
  });
  it('folds full-width forms', () => {
    expect(normalize('ＹＯＵ ＩＤＩＯＴ').text).toBe('you idiot');
    expect(normalize('你好，世界！').text).toBe('你好世界');
  });
  it('undoes leetspeak inside words but keeps numbers and money', () => {
    expect(normalize('you are a l0s3r').text).toBe('you are a loser');
    expect(normalize('sh1t').text).toBe('shit');
    expect(normalize('b!tch').text).toBe('bitch');
    expect(normalize('pay $1,500.00 by the 3rd').text).toBe('pay $1500.00 by the 3rd');
    expect(normalize('call 555 0100').text).toBe('call 555 0100');
  });
  it('joins spaced and dotted letters and shrinks stretched letters', () => {
    expect(normalize('you are an i d i o t').text).toBe('you are an idiot');
    expect(normalize('f.u.c.k off').text).toBe('fuck off');
    expect(normalize('f-u-c-k').text).toBe('fuck');
    expect(normalize('fuuuuuck').text).toBe('fuck');
    expect(normalize('call me').text).toBe('call me');
  });
  it('drops zero-width characters hidden inside words', () => {
    expect(normalize('id\u200Biot').text).toBe('idiot');
  });
  it('converts Traditional to Simplified Chinese, one character each', () => {
    const n = normalize('你再不還錢，我們就去你單位');
    expect(n.text).toBe('你再不还钱我们就去你单位');
    // one-to-one: the span of 单位 maps back to 單位
    const i = n.text.indexOf('单位');
    const [s, e] = originalSpan(n, i, i + 2);
    expect('你再不還錢，我們就去你單位'.slice(s, e)).toBe('單位');
  });
  it('writes the Traditional aspect particle 著 as 着, but keeps 著名 and 显著', () => {
    expect(normalize('行，你等著。').text).toBe('行你等着');
    expect(normalize('他很著名，效果显著').text).toBe('他很著名效果显著');
  });
  it('removes spaces between Chinese characters (ASR output)', () => {
    expect(normalize('我 们 就 去 你 单位').text).toBe('我们就去你单位');
  });
  it('maps normalised spans back to original offsets', () => {
    const raw = 'Listen, YOU   Ｉｄｉｏｔ!';
    const n = normalize(raw);
    const i = n.text.indexOf('idiot');
    const [s, e] = originalSpan(n, i, i + 5);
    expect(raw.slice(s, e)).toBe('Ｉｄｉｏｔ');
  });
  it('records sentence boundaries and quotes', () => {
    const n = normalize('Nobody will arrest you. "We will sue you"');
    expect(n.boundaries.length).toBeGreaterThan(0);
    expect(n.quotes.length).toBe(2);
  });
  it('survives hostile input', () => {
    expect(normalize('').text).toBe('');
    expect(normalize('\uD800abc\uDC00').text).toBe('abc');
    expect(normalize('\u0000\u0007\u001b[31m').text).toBe('31m');
    expect(normalize('😀😀😀').text).toBe('');
    const big = normalize('a'.repeat(MAX_ANALYSED_CHARS * 3));
    expect(big.truncated).toBe(true);
    expect(big.text.length).toBeLessThanOrEqual(MAX_ANALYSED_CHARS);
  });
});
