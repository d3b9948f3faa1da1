/**
 * npm run build:lm — builds the decoders' language models and dictionaries from the project's corpus
 * (corpus/<lang>/utterances.jsonl, split=train only) into models/pocketsphinx/built/ (git-ignored):
 *   <lang>-domain.lm     interpolated modified Kneser-Ney trigram of the collection sentences (ARPA)
 *   <lang>-mixed.lm.bin  the domain LM linearly interpolated with the general LM (what the profiles load)
 *   en.dict, es.dict     the engine dictionaries extended with every corpus word
 *   zh-kws.txt           Mandarin danger-phrase keyword list for keyword spotting
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
import { englishLetterToSound, guessEnglish } from '../../src/asr/lexicon/en-lex.js';
import { DANGER_WORDS } from '../../src/asr/lexicon/danger.js';
import { makeSegmenter } from '../../src/asr/lexicon/zh-seg.js';
import { emptyModel, readArpa, writeArpa } from './arpa.js';
import { buildKneserNey } from './kn.js';
import { Vocab, idModelFromArpa, loadIdModel, mixModels, writeIdModel } from './mix.js';
import { readCorpus, tokenizeForLm, type Lang } from './corpus.js';

export const DEBIAN = '/usr/share/pocketsphinx/model';
export const BUILT = repoModel('pocketsphinx', 'built');

/** Weight of the domain LM in the mix (chosen by measurement: docs/asr-accuracy.md). */
export const LAMBDA: Record<Lang, number> = { en: 0.7, es: 0.7, zh: 0.5 };

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
  for (const dir of [join(repoRoot, 'scripts', 'lm'), join(repoRoot, 'src', 'asr', 'lexicon')]) {
    for (const f of readdirSync(dir).sort()) if (f.endsWith('.ts') && !f.startsWith('eval') && !f.startsWith('tune')) h.update(readFileSync(join(dir, f)));
  }
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
  seconds: number;
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
  outDir?: string;
  force?: boolean;
  /** Also write the ARPA text of the mix (for tuning runs). */
  keepArpa?: boolean;
}

export async function buildLanguage(lang: Lang, opts: BuildOptions = {}): Promise<BuildResult | null> {
  const t0 = Date.now();
  const lambda = opts.lambda ?? LAMBDA[lang];
  const outDir = opts.outDir ?? BUILT;
  mkdirSync(outDir, { recursive: true });
  const corpusPath = join(repoRoot, 'corpus', lang, 'utterances.jsonl');
  const stampPath = join(outDir, `${lang}-build.json`);
  const mixedBin = join(outDir, `${lang}-mixed.lm.bin`);
  const stamp = sourceHash([corpusPath, baseDict(lang), generalLm(lang), `lambda=${lambda}`]);
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
    lang, trainSentences: 0, vocabulary: 0, addedPronunciations: {}, unpronounceable: [], lambda, seconds: 0,
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
  const unpron = new Set(res.unpronounceable);
  const lmSentences = sentences.map((s) => s.filter((w) => !unpron.has(w))).filter((s) => s.length > 0);
  if (lang !== 'zh') writeFileSync(join(outDir, `${lang}.dict`), formatDictionary(dict));

  // General model first (Spanish: the flat unigram over the extended dictionary).
  let generalPath = generalLm(lang);
  if (lang === 'es') {
    generalPath = join(outDir, 'es-base.lm');
    await buildEsBase(dict, generalPath);
    const legacy = repoModel('pocketsphinx', 'es-base.lm');
    if (outDir === BUILT) await buildEsBase(readDictionary(baseDict('es')), legacy);
  }
  const domain = buildKneserNey(lmSentences, { order: 3 });
  const domainPath = join(outDir, `${lang}-domain.lm`);
  await writeArpa(domain, domainPath);
  const vocab = new Vocab();
  const general = await loadIdModel(generalPath, vocab);
  const dom = idModelFromArpa(domain, vocab);
  const mixed = lmSentences.length ? mixModels(dom, general, lambda) : general;
  const mixedArpa = join(outDir, `${lang}-mixed.lm`);
  await writeIdModel(mixed, vocab, mixedArpa);
  toBinary(mixedArpa, mixedBin);
  if (!opts.keepArpa) unlinkSync(mixedArpa); // the binary is what decoders load
  if (lang === 'zh') writeFileSync(join(outDir, 'zh-kws.txt'), zhKeywordList(zhSeg!));
  res.seconds = Math.round((Date.now() - t0) / 100) / 10;
  writeFileSync(stampPath, JSON.stringify({ stamp, ...res }, null, 2) + '\n');
  log(`${lang}: ${res.trainSentences} sentences, ${res.vocabulary} words, ${Object.keys(res.addedPronunciations).length} pronunciations added, ${res.unpronounceable.length} unpronounceable, ${res.seconds}s`);
  return res;
}

/** Keyword-spotting thresholds per phrase length in syllables (chosen on the real neutral clips). */
export const ZH_KWS_THRESHOLD: Record<number, string> = { 2: '1e-20', 3: '1e-25', 4: '1e-30' };

function zhKeywordList(seg: ReturnType<typeof makeSegmenter>): string {
  const lines: string[] = [];
  for (const d of DANGER_WORDS.zh) {
    const words = seg.segment(d);
    if (!words.length) continue;
    const syll = [...d].length;
    lines.push(`${words.join(' ')} /${ZH_KWS_THRESHOLD[Math.min(4, Math.max(2, syll))] ?? '1e-20'}/`);
  }
  return lines.join('\n') + '\n';
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const force = process.argv.includes('--force');
  const only = process.argv.slice(2).filter((a) => !a.startsWith('--')) as Lang[];
  const langs: Lang[] = only.length ? only : ['es', 'zh', 'en'];
  for (const lang of langs) await buildLanguage(lang, { force });
  log(`done in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ''))) await main();
