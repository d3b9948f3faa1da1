/**
 * npm run eval:asr — speech accuracy per language and audio kind, with and without the domain LM:
 * WER (CER for Mandarin), danger-word recall, invented danger words, RTF. Decodes with
 * pocketsphinx_batch and the flags of models/pocketsphinx/profiles.json. Prints JSON and rewrites
 * the results table in docs/asr-accuracy.md.
 *   --quick      fewer synthetic sentences
 *   --no-docs    do not touch the docs
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../src/paths.js';
import { DEBIAN_MODEL, decodeBatch, decodeEngine, evalCacheDir, readProfiles, resolveFlags, type Flags } from './decode.js';
import { heldOutSentences, librivox, mandarinClips, spanishClips, synthEnglish, type Item } from './sets.js';
import { score, type Score } from './score.js';
import type { Lang } from './corpus.js';
import { DANGER_WORDS } from '../../src/asr/lexicon/danger.js';
import { readDictionary } from '../../src/asr/lexicon/dict.js';
import { baseDict } from './build.js';

export interface Row {
  set: string;
  lang: Lang;
  audio: string;
  profile: string;
  lm: string;
  score: Score;
  rtf: number;
  seconds: number;
}

/** The profile's own flags with the LM (and dictionary) swapped for the plain general model. */
export function plainFlags(profile: string, flags: Flags): Flags {
  const f = { ...flags };
  if (profile.startsWith('en')) {
    f.lm = `${DEBIAN_MODEL}/en-us/en-us.lm.bin`;
    f.dict = `${DEBIAN_MODEL}/en-us/cmudict-en-us.dict`;
  } else if (profile.startsWith('es')) {
    f.lm = '${repo}/models/pocketsphinx/es-base.lm';
    f.dict = '${models}/pocketsphinx-es-voxforge-0.1.1/voxforge_es_sphinx.dic';
  } else if (profile.startsWith('zh')) {
    f.lm = '${models}/pocketsphinx-zh-cn/gigatdt.5000.arpa';
  }
  return f;
}

/** Decode with the project's engine (default) or, with --batch, with pocketsphinx_batch (fwdflat and bestpath on). */
export const useBatch = process.argv.includes('--batch');

export async function runRow(set: string, lang: Lang, audio: string, profile: string, lm: string, flags: Flags, items: Item[]): Promise<Row> {
  const tag = `${set}-${audio}-${profile}-${lm}${useBatch ? '-batch' : ''}`.replace(/[^\w.-]+/g, '_');
  const r = useBatch
    ? decodeBatch(flags, items.map((i) => i.clip), join(evalCacheDir, 'runs'), tag)
    : await decodeEngine(lang, profile !== 'en-16k', flags, items.map((i) => i.clip));
  const s = score(lang, items, r.hyps);
  const row: Row = { set, lang, audio, profile, lm, score: s, rtf: r.rtf, seconds: r.audioSeconds };
  process.stderr.write(
    `[eval:asr] ${set} ${audio} ${profile} ${lm}: ${lang === 'zh' ? 'CER' : 'WER'} ${(s.errorRate * 100).toFixed(1)}%` +
      ` recall ${s.recall === null ? '-' : (s.recall * 100).toFixed(1) + '%'} (${s.dangerRecalled}/${s.dangerInRef}) invented ${s.invented}` +
      ` RTF ${r.rtf.toFixed(3)} wall ${r.wallSeconds.toFixed(1)}s\n`,
  );
  return row;
}

const ZH_PROXY_WORDS = ['交易', '停滞', '情况', '清楚', '知道', '经理', '销售', '问题', '商场', '部门', '汇报', '业绩'];

interface KwsRow {
  threshold: string;
  seconds: number;
  dangerFalseAlarms: number;
  falseAlarmsPerHour: number;
  spokenWordsFound: number;
  spokenWords: number;
}

function runKws(threshold: string, zh: Item[], clips: Item[]): KwsRow {
  const dir = join(evalCacheDir, 'kws');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `kws-${threshold}.txt`);
  const danger = DANGER_WORDS.zh;
  const dict = readDictionary(baseDict('zh'));
  const phrase = (w: string): string => (dict.has(w) ? w : [...w].join(' '));
  writeFileSync(file, [...danger, ...ZH_PROXY_WORDS].map((w) => `${phrase(w)} /${threshold}/`).join('\n') + '\n');
  const flags: Flags = {
    hmm: '${models}/pocketsphinx-zh-cn/acoustic-tdt_sc_8k', dict: '${models}/pocketsphinx-zh-cn/mandarin_notone.dic',
    kws: file, samprate: '8000', nfft: '256',
  };
  const r = decodeBatch(flags, clips.map((c) => c.clip), join(evalCacheDir, 'runs'), `zh-kws-${threshold}`);
  let fa = 0;
  let found = 0;
  let spoken = 0;
  const zhIds = new Set(zh.map((i) => i.clip.id));
  for (const it of clips) {
    const det = (r.hyps.get(it.clip.id) ?? '').split(/\s{2,}/).map((d) => d.replace(/\s+/g, '')).filter(Boolean);
    const ref = it.ref.replace(/\s+/g, '');
    for (const d of det) {
      if (danger.includes(d) && !ref.includes(d)) fa++;
      else if (zhIds.has(it.clip.id) && ZH_PROXY_WORDS.includes(d) && ref.includes(d)) found++;
    }
    if (zhIds.has(it.clip.id)) for (const p of ZH_PROXY_WORDS) if (ref.includes(p)) spoken++;
  }
  const row = { threshold, seconds: r.audioSeconds, dangerFalseAlarms: fa, falseAlarmsPerHour: Math.round((fa / r.audioSeconds) * 3600), spokenWordsFound: Math.min(found, spoken), spokenWords: spoken };
  process.stderr.write(`[eval:asr] zh kws ${threshold}: ${fa} false alarms in ${r.audioSeconds.toFixed(0)} s; spoken words found ${row.spokenWordsFound}/${spoken}\n`);
  return row;
}

function pct(x: number | null): string {
  return x === null ? '–' : `${(x * 100).toFixed(1)}%`;
}

function table(rows: Row[]): string {
  const out = [
    '| set | audio | profile | LM | utts | WER/CER | danger recall | invented danger | RTF |',
    '|---|---|---|---|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    out.push(
      `| ${r.set} | ${r.audio} | ${r.profile} | ${r.lm} | ${r.score.utterances} | ${pct(r.score.errorRate)} | ` +
        `${pct(r.score.recall)}${r.score.dangerInRef ? ` (${r.score.dangerRecalled}/${r.score.dangerInRef})` : ''} | ${r.score.invented} | ${Number.isFinite(r.rtf) ? r.rtf.toFixed(2) : '–'} |`,
    );
  }
  return out.join('\n');
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const quick = process.argv.includes('--quick');
  const profiles = readProfiles();
  const P = (name: string): Flags => {
    const p = profiles.profiles[name];
    if (!p) throw new Error(`no profile ${name}`);
    return p.flags;
  };
  for (const f of ['en-16k', 'en-8k', 'es-8k', 'zh-8k']) {
    const lm = resolveFlags(P(f)).lm;
    if (lm && !existsSync(lm)) throw new Error(`${lm} missing: run npm run build:lm first`);
  }
  const rows: Row[] = [];
  const sents = heldOutSentences('en', 'eval', quick ? 20 : 45, quick ? 7 : 15);
  const s16 = synthEnglish(sents, '16k');
  const s8 = synthEnglish(sents, 'ulaw8k');
  const l16 = librivox('16k');
  const l8 = librivox('ulaw8k');
  for (const [lmName, fl] of [['plain', plainFlags('en-16k', P('en-16k'))], ['domain+general', P('en-16k')]] as const) {
    rows.push(await runRow('held-out (flite)', 'en', '16k', 'en-16k', lmName, fl, s16));
    rows.push(await runRow('LibriVox', 'en', '16k', 'en-16k', lmName, fl, l16));
  }
  for (const [lmName, fl] of [['plain', plainFlags('en-8k', P('en-8k'))], ['domain+general', P('en-8k')]] as const) {
    rows.push(await runRow('held-out (flite)', 'en', 'mu-law 8k', 'en-8k', lmName, fl, s8));
    rows.push(await runRow('LibriVox', 'en', 'mu-law 8k', 'en-8k', lmName, fl, l8));
  }
  // Domain LM alone, on real neutral speech only: what it invents.
  const domainAlone = { ...P('en-16k'), lm: '${repo}/models/pocketsphinx/built/en-domain.lm' };
  rows.push(await runRow('LibriVox', 'en', '16k', 'en-16k', 'domain alone (never shipped)', domainAlone, l16));
  const es = spanishClips('8k');
  rows.push(await runRow('VoxForge + commands', 'es', '8k', 'es-8k', 'plain (dictionary unigram)', plainFlags('es-8k', P('es-8k')), es));
  rows.push(await runRow('VoxForge + commands', 'es', '8k', 'es-8k', 'domain+general', P('es-8k'), es));
  const zh = mandarinClips();
  rows.push(await runRow('AISHELL/net/meeting', 'zh', '8k', 'zh-8k', 'plain (gigatdt 5k), shipped', plainFlags('zh-8k', P('zh-8k')), zh));
  const zhMixed = { ...P('zh-8k'), lm: '${repo}/models/pocketsphinx/built/zh-mixed.lm.bin' };
  rows.push(await runRow('AISHELL/net/meeting', 'zh', '8k', 'zh-8k', 'domain+general (not shipped)', zhMixed, zh));
  // Keyword spotting of the Mandarin danger phrases on real neutral speech (zh clips, plus the 8 kHz
  // LibriVox and Spanish clips as foreign-language neutral speech): every danger detection is a false
  // alarm. Words really spoken in the zh clips are spotted alongside, as a stand-in for recall.
  const kws: KwsRow[] = [];
  const kwsClips = [...zh, ...librivox('8k'), ...es];
  for (const t of ['1e-2', '1', '1e2', '1e5']) kws.push(runKws(t, zh, kwsClips));
  const seconds = Math.round((Date.now() - t0) / 1000);
  const result = { generatedAt: new Date().toISOString(), seconds, heldOutSentences: sents.length, rows, kws };
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  if (!process.argv.includes('--no-docs')) writeDocs(rows, kws, sents.length, seconds, quick);
}

function writeDocs(
  rows: Row[],
  kws: KwsRow[],
  nSent: number,
  seconds: number,
  quick: boolean,
): void {
  const doc = join(repoRoot, 'docs', 'asr-accuracy.md');
  const start = '<!-- eval:asr:start -->';
  const end = '<!-- eval:asr:end -->';
  const body = [
    start,
    `Generated by \`npm run eval:asr${quick ? ' -- --quick' : ''}${useBatch ? ' -- --batch' : ''}\` (decoder: ${useBatch ? 'pocketsphinx_batch, fwdflat+bestpath' : 'the engine, src/asr/pocketsphinx/engine.ts'}) on ${new Date().toISOString().slice(0, 16)}Z (${seconds} s; ${nSent} held-out sentences).`,
    '',
    table(rows),
    '',
    'Mandarin keyword spotting of the danger words (tdt_sc_8k; "spoken words" are ordinary words really said in the zh clips, spotted alongside as a stand-in for recall; no Mandarin danger speech exists here):',
    '',
    '| threshold | neutral speech | danger false alarms | per hour | spoken words found |',
    '|---|---:|---:|---:|---:|',
    ...kws.map((k) => `| ${k.threshold} | ${k.seconds.toFixed(0)} s | ${k.dangerFalseAlarms} | ${k.falseAlarmsPerHour} | ${k.spokenWordsFound}/${k.spokenWords} |`),
    end,
  ].join('\n');
  let text = existsSync(doc) ? readFileSync(doc, 'utf8') : `# Speech accuracy\n\n${start}\n${end}\n`;
  if (!text.includes(start)) text += `\n${start}\n${end}\n`;
  text = text.replace(new RegExp(`${start}[\\s\\S]*?${end}`), body);
  writeFileSync(doc, text);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ''))) await main();
