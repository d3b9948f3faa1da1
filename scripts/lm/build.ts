/**
 * npm run build:lm — builds the decoders' language models and dictionaries from the project's corpus
 * (corpus/<lang>/utterances.jsonl, split=train only) into models/pocketsphinx/built/ (git-ignored):
 *   <lang>-domain.lm     interpolated modified Kneser-Ney trigram of the collection sentences (ARPA)
 *   <lang>-mixed.lm.bin  the domain LM linearly interpolated with the general LM, danger words favoured
 *                        (what the profiles load); en-mixed-8k.lm.bin: the same with less domain weight
 *   en.dict, es.dict     the engine dictionaries extended with every corpus word
 *   <lang>-build.json    what was built and from what (word counts, added pronunciations, timings)
 * plus models/pocketsphinx/es-base.lm (flat unigram over the Spanish dictionary: Spanish has no general LM).
 * Idempotent: a language is rebuilt only when its inputs (corpus, dictionaries, this code) changed.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { modelsDir, repoModel, repoRoot } from '../../src/paths.js';
import { formatDictionary, readDictionary, type Dictionary } from '../../src/asr/lexicon/dict.js';
import { spanishDictSpelling, spanishToPhones } from '../../src/asr/lexicon/es-g2p.js';
import { englishLetterToSound, englishVariants, guessEnglish } from '../../src/asr/lexicon/en-lex.js';
import { DANGER_WORDS } from '../../src/asr/lexicon/danger.js';
import { makeSegmenter } from '../../src/asr/lexicon/zh-seg.js';
import { emptyModel, readArpa, writeArpa } from './arpa.js';
import { buildKneserNey } from './kn.js';
import { Vocab, boostWords, idModelFromArpa, loadIdModel, logProb, mixModels, writeIdModel, type IdModel } from './mix.js';
import { readCorpus, tokenizeForLm, type Lang } from './corpus.js';

export const DEBIAN = '/usr/share/pocketsphinx/model';
export const BUILT = repoModel('pocketsphinx', 'built');

/** Weight of the domain LM in the mix (chosen by measurement: docs/asr-accuracy.md). */
export const LAMBDA: Record<Lang, number> = { en: 0.5, es: 0.5, zh: 0.5 };
/** log10 factor by which danger words are favoured in every context (keyword biasing; chosen by measurement). */
export const BOOST: Record<Lang, number> = { en: 1, es: 1, zh: 0 };
/** Further mixes of the same models, for profiles that measured better with another weight (en-8k). */
export const EXTRA_MIXES: Partial<Record<Lang, { suffix: string; lambda: number }[]>> = { en: [{ suffix: '8k', lambda: 0.3 }] };

export function generalLm(lang: Lang): string {
  if (lang === 'en') return join(modelsDir(), 'pocketsphinx-en-us-lm-arpa', 'en-us.lm.arpa.gz');
  if (lang === 'es') return repoModel('pocketsphinx', 'es-base.lm');
  return join(modelsDir(), 'pocketsphinx-zh-cn', 'gigatdt.5000.arpa');
}

export function baseDict(lang: Lang): string {
  if (lang === 'en') return join(DEBIAN, 'en-us', 'cmudict-en-us.dict');
  if (lang === 'es') return join(modelsDir(), 'pocketsphinx-es-voxforge-0.1.1', 'voxforge_es_sphinx.dic');
  return join(modelsDir(), 'pocketsphinx-zh-cn', 'mandarin_notone.dic');
}

function log(msg: string): void {
  process.stderr.write(`[build:lm] ${msg}\n`);
}

function sourceHash(extra: string[]): string {
  const h = createHash('sha256');
  const lmDir = join(repoRoot, 'scripts', 'lm');
  for (const f of ['arpa.ts', 'build.ts', 'corpus.ts', 'kn.ts', 'mix.ts']) h.update(readFileSync(join(lmDir, f)));
  const lexDir = join(repoRoot, 'src', 'asr', 'lexicon');
  for (const f of readdirSync(lexDir).sort()) if (f.endsWith('.ts')) h.update(readFileSync(join(lexDir, f)));
  for (const e of extra) {
    if (existsSync(e)) {
      const st = statSync(e);
      h.update(`${e}:${st.size}:${st.mtimeMs}`);
    } else h.update(e);
  }
  return h.digest('hex').slice(0, 16);
}

/** Flat unigram over the Spanish dictionary words (the "general" Spanish LM). */
async function buildEsBase(dict: Dictionary, out: string): Promise<void> {
  const words = [...dict.keys()].filter((w) => !w.startsWith('<'));
  const m = emptyModel(1);
  const lp = -Math.log10(words.length + 1);
  for (const w of words) m.orders[0]!.set(w, { logp: lp });
  m.orders[0]!.set('</s>', { logp: lp });
  m.orders[0]!.set('<s>', { logp: -99 });
  await writeArpa(m, out + '.tmp');
  renameSync(out + '.tmp', out);
}

function toBinary(arpa: string, bin: string): void {
  execFileSync('sphinx_lm_convert', ['-i', arpa, '-o', bin + '.tmp', '-ofmt', 'bin'], { stdio: ['ignore', 'ignore', 'pipe'] });
  renameSync(bin + '.tmp', bin);
}

export interface BuildResult {
  lang: Lang;
  trainSentences: number;
  vocabulary: number;
  addedPronunciations: Record<string, string>;
  unpronounceable: string[];
  g2pAgreement?: number;
  lambda: number;
  boost?: number;
  seconds: number;
  perplexity: Record<string, { general: number; domain: number; mixed: number }>;
}

/** Per-word perplexity over sentences (with </s>), out-of-vocabulary words skipped. */
export function perplexity(m: IdModel, vocab: Vocab, sentences: string[][]): number {
  let sum = 0;
  let n = 0;
  for (const s of sentences) {
    const ids = [vocab.ids.get('<s>') ?? -1];
    for (const w of [...s, '</s>']) {
      const id = vocab.ids.get(w);
      if (id === undefined) {
        ids.push(-1);
        continue;
      }
      ids.push(id);
      const hist = ids.slice(-m.order);
      const cut = hist.lastIndexOf(-1);
      const lp = logProb(m, hist.slice(cut + 1));
      if (lp <= -98) continue;
      sum += lp;
      n++;
    }
  }
  return n ? Math.round(10 ** (-sum / n) * 10) / 10 : NaN;
}

/** Transcripts of the real neutral clips (never used for training; only for reporting perplexity). */
function neutralText(lang: Lang, seg?: ReturnType<typeof makeSegmenter>): string[][] {
  try {
    if (lang === 'en') {
      return readFileSync('/usr/share/pocketsphinx/test/data/librivox/transcription', 'utf8')
        .split('\n')
        .map((l) => l.replace(/\(.*\)/, '').replace(/<\/?s>/g, '').trim())
        .filter(Boolean)
        .map((l) => tokenizeForLm('en', l));
    }
    if (lang === 'es') {
      const p = join(repoRoot, '..', 'shared', 'audio', 'es', 'voxforge-AbdielNavarro', 'PROMPTS');
      return readFileSync(p, 'utf8').split('\n').map((l) => l.replace(/^\S+\s*/, '')).filter(Boolean).map((l) => tokenizeForLm('es', l));
    }
    const p = join(repoRoot, '..', 'shared', 'audio', 'zh', 'text');
    return readFileSync(p, 'utf8').split('\n').map((l) => l.replace(/^\S+\s*/, '')).filter(Boolean).map((l) => tokenizeForLm('zh', l, seg));
  } catch {
    return [];
  }
}

/** Extends the dictionary with every corpus word; returns the additions. */
function extendDictionary(lang: Lang, dict: Dictionary, words: Set<string>, res: BuildResult): void {
  for (const w of [...words].sort()) {
    if (dict.has(w) || w === '<s>' || w === '</s>') continue;
    const pron = lang === 'en' ? (guessEnglish(w, dict) ?? englishLetterToSound(w)) : lang === 'es' ? (spanishToPhones(w)?.join(' ') ?? null) : null;
    if (pron) {
      dict.set(w, [pron]);
      res.addedPronunciations[w] = pron;
    } else res.unpronounceable.push(w);
  }
}

function g2pAgreement(dict: Dictionary): number {
  let ok = 0;
  let n = 0;
  for (const [w, prons] of dict) {
    if (w.startsWith('<')) continue;
    n++;
    const p = spanishToPhones(w)?.join(' ');
    if (p && prons.includes(p)) ok++;
  }
  return n ? ok / n : 0;
}

export interface BuildOptions {
  lambda?: number;
  boost?: number;
  outDir?: string;
  force?: boolean;
  /** Also write the ARPA text of the mix (for tuning runs). */
  keepArpa?: boolean;
}

export async function buildLanguage(lang: Lang, opts: BuildOptions = {}): Promise<BuildResult | null> {
  const t0 = Date.now();
  const lambda = opts.lambda ?? LAMBDA[lang];
  const boost = opts.boost ?? BOOST[lang];
  const outDir = opts.outDir ?? BUILT;
  mkdirSync(outDir, { recursive: true });
  const corpusPath = join(repoRoot, 'corpus', lang, 'utterances.jsonl');
  const stampPath = join(outDir, `${lang}-build.json`);
  const mixedBin = join(outDir, `${lang}-mixed.lm.bin`);
  // (Spanish: the general LM is generated here from the dictionary, so it is not an input.)
  const stamp = sourceHash([corpusPath, baseDict(lang), lang === 'es' ? 'es-base: flat unigram' : generalLm(lang), `lambda=${lambda}`, `boost=${boost}`, JSON.stringify(EXTRA_MIXES[lang] ?? [])]);
  if (!opts.force && existsSync(stampPath) && existsSync(mixedBin)) {
    try {
      const prev = JSON.parse(readFileSync(stampPath, 'utf8')) as { stamp?: string };
      if (prev.stamp === stamp) {
        log(`${lang}: up to date`);
        return null;
      }
    } catch {
      /* rebuild */
    }
  }
  const res: BuildResult = {
    lang, trainSentences: 0, vocabulary: 0, addedPronunciations: {}, unpronounceable: [], lambda, boost, seconds: 0, perplexity: {},
  };
  const dict = readDictionary(baseDict(lang));
  if (lang === 'es') res.g2pAgreement = g2pAgreement(dict);
  const zhSeg = lang === 'zh' ? makeSegmenter([...dict.keys()].filter((w) => !w.startsWith('<'))) : undefined;
  const corpus = existsSync(corpusPath) ? readCorpus(corpusPath) : [];
  const train = corpus.filter((u) => u.split === 'train');
  const sentences = train.map((u) => tokenizeForLm(lang, u.text, zhSeg)).filter((s) => s.length > 0);
  // Danger phrases are part of the domain's vocabulary even where the corpus lacks them.
  const dangerTokens = DANGER_WORDS[lang].flatMap((d) => tokenizeForLm(lang, d, zhSeg));
  res.trainSentences = sentences.length;
  const words = new Set<string>(sentences.flat());
  for (const t of dangerTokens) words.add(t);
  res.vocabulary = words.size;
  extendDictionary(lang, dict, words, res);
  if (zhSeg && zhSeg.unknown.size) res.unpronounceable.push(...zhSeg.unknown);
  if (lang === 'en') {
    for (const w of DANGER_WORDS.en) {
      const prons = dict.get(w);
      if (!prons || prons.length === 0) continue;
      for (const v of englishVariants(prons[0]!)) {
        if (!prons.includes(v)) {
          prons.push(v);
          res.addedPronunciations[`${w}(${prons.length})`] = v;
        }
      }
    }
  }
  const unpron = new Set(res.unpronounceable);
  const lmSentences = sentences.map((s) => s.filter((w) => !unpron.has(w))).filter((s) => s.length > 0);
  if (lang !== 'zh') writeFileSync(join(outDir, `${lang}.dict`), formatDictionary(dict));

  // General model first (Spanish: the flat unigram over the extended dictionary).
  let generalPath = generalLm(lang);
  if (lang === 'es') {
    generalPath = join(outDir, 'es-base.lm');
    await buildEsBase(dict, generalPath);
    const legacy = repoModel('pocketsphinx', 'es-base.lm');
    if (outDir === BUILT && !existsSync(legacy)) await buildEsBase(readDictionary(baseDict('es')), legacy);
  }
  const domain = buildKneserNey(lmSentences, { order: 3 });
  const domainPath = join(outDir, `${lang}-domain.lm`);
  await writeArpa(domain, domainPath);
  const vocab = new Vocab();
  const general = await loadIdModel(generalPath, vocab);
  const dom = idModelFromArpa(domain, vocab);
  // Keyword biasing: full boost for danger words of 4+ phones, half for 3, none for shorter ones
  // (short words like "owe", "sue" are what a boosted decoder invents in neutral speech).
  const full = new Set<number>();
  const half = new Set<number>();
  for (const t of dangerTokens) {
    const id = vocab.ids.get(t);
    const phones = lang === 'zh' ? 4 : (dict.get(t)?.[0]?.split(' ').length ?? 0);
    if (id === undefined || t === 'DE') continue;
    if (phones >= 4) full.add(id);
    else if (phones === 3) half.add(id);
  }
  const test = corpus.filter((u) => u.split === 'test').map((u) => tokenizeForLm(lang, u.text, zhSeg));
  const neutral = neutralText(lang, zhSeg);
  res.perplexity = {};
  const variants = [{ suffix: '', lambda }, ...(opts.lambda === undefined ? (EXTRA_MIXES[lang] ?? []) : [])];
  for (const v of variants) {
    const mixed = lmSentences.length ? mixModels(dom, general, v.lambda, { ids: full, log10: boost }) : general;
    if (lmSentences.length && boost) boostWords(mixed, half, boost / 2);
    // Perplexity (OOVs skipped) on held-out corpus sentences and on real neutral text (boost included).
    const name = `lambda ${v.lambda}`;
    res.perplexity[`heldOut, ${name}`] = { general: perplexity(general, vocab, test), domain: perplexity(dom, vocab, test), mixed: perplexity(mixed, vocab, test) };
    if (neutral.length) {
      res.perplexity[`realNeutral, ${name}`] = { general: perplexity(general, vocab, neutral), domain: perplexity(dom, vocab, neutral), mixed: perplexity(mixed, vocab, neutral) };
    }
    const base = join(outDir, `${lang}-mixed${v.suffix ? '-' + v.suffix : ''}`);
    await writeIdModel(mixed, vocab, `${base}.lm`);
    toBinary(`${base}.lm`, `${base}.lm.bin`);
    if (!opts.keepArpa) unlinkSync(`${base}.lm`); // the binary is what decoders load
  }
  res.seconds = Math.round((Date.now() - t0) / 100) / 10;
  writeFileSync(stampPath, JSON.stringify({ stamp, ...res }, null, 2) + '\n');
  log(`${lang}: ${res.trainSentences} sentences, ${res.vocabulary} words, ${Object.keys(res.addedPronunciations).length} pronunciations added, ${res.unpronounceable.length} unpronounceable, ${res.seconds}s`);
  return res;
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const force = process.argv.includes('--force');
  const arg = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const lambda = arg('lambda') !== undefined ? Number(arg('lambda')) : undefined;
  const boost = arg('boost') !== undefined ? Number(arg('boost')) : undefined;
  const outDir = arg('out');
  const only = process.argv.slice(2).filter((a) => !a.startsWith('--')) as Lang[];
  const langs: Lang[] = only.length ? only : ['es', 'zh', 'en'];
  for (const lang of langs) await buildLanguage(lang, { force, lambda, boost, outDir });
  log(`done in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ''))) await main();
