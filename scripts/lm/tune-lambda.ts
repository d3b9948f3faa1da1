/**
 * Perplexity of the domain/general interpolation for several weights, on held-out corpus sentences
 * and on real neutral transcripts (exact linear interpolation, no decoding). Usage: tsx scripts/lm/tune-lambda.ts en
 */
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { repoRoot } from '../../src/paths.js';
import { readDictionary } from '../../src/asr/lexicon/dict.js';
import { makeSegmenter } from '../../src/asr/lexicon/zh-seg.js';
import { readArpa } from './arpa.js';
import { BUILT, baseDict, generalLm } from './build.js';
import { readCorpus, tokenizeForLm, type Lang } from './corpus.js';
import { Vocab, idModelFromArpa, loadIdModel, logProb } from './mix.js';
import { librivox, spanishClips, mandarinClips } from './sets.js';

const lang = (process.argv[2] ?? 'en') as Lang;
const seg = lang === 'zh' ? makeSegmenter([...readDictionary(baseDict('zh')).keys()]) : undefined;
const vocab = new Vocab();
const gpath = lang === 'es' ? join(BUILT, 'es-base.lm') : generalLm(lang);
const general = await loadIdModel(gpath, vocab);
const dom = idModelFromArpa(await readArpa(join(BUILT, `${lang}-domain.lm`)), vocab);
const test = readCorpus(join(repoRoot, 'corpus', lang, 'utterances.jsonl'))
  .filter((u) => u.split === 'test')
  .map((u) => tokenizeForLm(lang, u.text, seg));
const toWords = (ref: string): string[] => (lang === 'zh' ? seg!.segment(ref) : lang === 'es' ? tokenizeForLm('es', ref) : ref.split(' '));
const neutral = (lang === 'en' ? librivox('16k') : lang === 'es' ? spanishClips('8k') : mandarinClips()).map((i) => toWords(i.ref));

function ppl(lambda: number, sents: string[][]): { ppl: number; oov: number } {
  let sum = 0;
  let n = 0;
  let oov = 0;
  for (const s of sents) {
    const ids: number[] = [vocab.ids.get('<s>')!];
    for (const w of [...s, '</s>']) {
      const id = vocab.ids.get(w);
      if (id === undefined) {
        oov++;
        ids.push(-1);
        continue;
      }
      ids.push(id);
      const hist = ids.slice(-3);
      const h = hist.slice(hist.lastIndexOf(-1) + 1);
      const pa = logProb(dom, h);
      const pb = logProb(general, h);
      const p = lambda * (pa > -98 ? 10 ** pa : 0) + (1 - lambda) * (pb > -98 ? 10 ** pb : 0);
      if (p <= 0) {
        oov++;
        continue;
      }
      sum += Math.log10(p);
      n++;
    }
  }
  return { ppl: Math.round(10 ** (-sum / n)), oov };
}
for (const l of [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) {
  console.log(`lambda ${l}: held-out ppl ${JSON.stringify(ppl(l, test))} real-neutral ppl ${JSON.stringify(ppl(l, neutral))}`);
}
void existsSync;
