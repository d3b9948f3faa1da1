import { describe, expect, it } from 'vitest';
import { buildKneserNey } from '../../scripts/lm/kn.js';
import { Vocab, idModelFromArpa, logProb, mixModels, type IdModel } from '../../scripts/lm/mix.js';
import { emptyModel } from '../../scripts/lm/arpa.js';

const sentences = [
  'we will sue you', 'we will call you tomorrow', 'you owe the balance', 'the sheriff will arrest you',
  'we will garnish your wages', 'you owe us money', 'call you tomorrow',
].map((s) => s.split(' '));

function sumOver(m: IdModel, vocab: Vocab, history: string[]): number {
  let s = 0;
  for (const w of vocab.words) {
    if (w === '<s>') continue;
    const lp = logProb(m, [...history, w].map((x) => vocab.id(x)));
    if (lp > -98) s += 10 ** lp;
  }
  return s;
}

describe('Kneser-Ney trigram', () => {
  it('is a normalised distribution for seen and unseen histories', () => {
    const arpa = buildKneserNey(sentences, { order: 3 });
    const vocab = new Vocab();
    const m = idModelFromArpa(arpa, vocab);
    for (const h of [[], ['we'], ['we', 'will'], ['<s>'], ['<s>', 'we'], ['owe', 'you'], ['balance']]) {
      expect(sumOver(m, vocab, h)).toBeCloseTo(1, 6);
    }
    // a seen continuation beats an unseen one
    const id = (w: string): number => vocab.id(w);
    expect(logProb(m, [id('we'), id('will'), id('sue')])).toBeGreaterThan(logProb(m, [id('we'), id('will'), id('balance')]));
  });
});

describe('linear interpolation of back-off models', () => {
  it('stays normalised and lies between its parts', () => {
    const a = buildKneserNey(sentences, { order: 3 });
    const general = emptyModel(1);
    const words = ['we', 'will', 'sue', 'you', 'call', 'tomorrow', 'owe', 'the', 'balance', 'sheriff', 'arrest', 'garnish', 'your', 'wages', 'us', 'money', 'hello', 'world', '</s>'];
    for (const w of words) general.orders[0]!.set(w, { logp: Math.log10(1 / words.length) });
    general.orders[0]!.set('<s>', { logp: -99 });
    const vocab = new Vocab();
    const ma = idModelFromArpa(a, vocab);
    const mb = idModelFromArpa(general, vocab);
    const mix = mixModels(ma, mb, 0.7);
    for (const h of [[], ['we'], ['we', 'will'], ['<s>'], ['hello'], ['you', 'owe']]) {
      expect(sumOver(mix, vocab, h)).toBeCloseTo(1, 6);
    }
    const ids = ['we', 'will', 'sue'].map((w) => vocab.id(w));
    const p = 10 ** logProb(mix, ids);
    const expected = 0.7 * 10 ** logProb(ma, ids) + 0.3 * 10 ** logProb(mb, ids);
    expect(p).toBeCloseTo(expected, 8);
    // a word only the general model knows keeps (1 - lambda) of its mass
    expect(10 ** logProb(mix, [vocab.id('hello')])).toBeCloseTo(0.3 / words.length, 8);
  });
});
