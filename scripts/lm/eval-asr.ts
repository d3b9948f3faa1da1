/**
 * npm run eval:asr — speech accuracy per language and audio kind, with and without the domain LM:
 * WER (CER for Mandarin), danger-word recall, invented danger words, RTF. Decodes with
 * pocketsphinx_batch and the flags of models/pocketsphinx/profiles.json. Prints JSON and rewrites
 * the results table in docs/asr-accuracy.md.
 *   --quick      fewer synthetic sentences
 *   --no-docs    do not touch the docs
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../src/paths.js';
import { DEBIAN_MODEL, decodeBatch, evalCacheDir, readProfiles, resolveFlags, type Flags } from './decode.js';
import { heldOutSentences, librivox, mandarinClips, spanishClips, synthEnglish, type Item } from './sets.js';
import { score, hypText, type Score } from './score.js';
import type { Lang } from './corpus.js';
import { dangerCounts } from '../../src/asr/lexicon/danger.js';

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

export function runRow(set: string, lang: Lang, audio: string, profile: string, lm: string, flags: Flags, items: Item[]): Row {
  const tag = `${set}-${audio}-${profile}-${lm}`.replace(/[^\w.-]+/g, '_');
  const r = decodeBatch(flags, items.map((i) => i.clip), join(evalCacheDir, 'runs'), tag);
  const s = score(lang, items, r.hyps);
  const row: Row = { set, lang, audio, profile, lm, score: s, rtf: r.rtf, seconds: r.audioSeconds };
  process.stderr.write(
    `[eval:asr] ${set} ${audio} ${profile} ${lm}: ${lang === 'zh' ? 'CER' : 'WER'} ${(s.errorRate * 100).toFixed(1)}%` +
      ` recall ${s.recall === null ? '-' : (s.recall * 100).toFixed(1) + '%'} (${s.dangerRecalled}/${s.dangerInRef}) invented ${s.invented}` +
      ` RTF ${r.rtf.toFixed(3)} wall ${r.wallSeconds.toFixed(1)}s\n`,
  );
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
  const sents = heldOutSentences('en', 'eval', quick ? 30 : 70, quick ? 10 : 30);
  const s16 = synthEnglish(sents, '16k');
  const s8 = synthEnglish(sents, 'ulaw8k');
  const l16 = librivox('16k');
  const l8 = librivox('ulaw8k');
  for (const [lmName, fl] of [['plain', plainFlags('en-16k', P('en-16k'))], ['domain+general', P('en-16k')]] as const) {
    rows.push(runRow('held-out (flite)', 'en', '16k', 'en-16k', lmName, fl, s16));
    rows.push(runRow('LibriVox', 'en', '16k', 'en-16k', lmName, fl, l16));
  }
  for (const [lmName, fl] of [['plain', plainFlags('en-8k', P('en-8k'))], ['domain+general', P('en-8k')]] as const) {
    rows.push(runRow('held-out (flite)', 'en', 'mu-law 8k', 'en-8k', lmName, fl, s8));
    rows.push(runRow('LibriVox', 'en', 'mu-law 8k', 'en-8k', lmName, fl, l8));
  }
  // Domain LM alone, on real neutral speech only: what it invents.
  const domainAlone = { ...P('en-16k'), lm: '${repo}/models/pocketsphinx/built/en-domain.lm' };
  rows.push(runRow('LibriVox', 'en', '16k', 'en-16k', 'domain alone (never shipped)', domainAlone, l16));
  const es = spanishClips('8k');
  rows.push(runRow('VoxForge + commands', 'es', '8k', 'es-8k', 'plain (dictionary unigram)', plainFlags('es-8k', P('es-8k')), es));
  rows.push(runRow('VoxForge + commands', 'es', '8k', 'es-8k', 'domain+general', P('es-8k'), es));
  const zh = mandarinClips();
  rows.push(runRow('AISHELL/net/meeting', 'zh', '8k', 'zh-8k', 'plain (gigatdt 5k)', plainFlags('zh-8k', P('zh-8k')), zh));
  rows.push(runRow('AISHELL/net/meeting', 'zh', '8k', 'zh-8k', 'domain+general', P('zh-8k'), zh));
  // Keyword spotting of the Mandarin danger phrases on the same real neutral clips: every detection is a false alarm.
  const kwsFlags = profiles.profiles['zh-8k-kws']?.flags;
  let kws: { clips: number; seconds: number; detections: string[]; falseAlarmsPerHour: number } | null = null;
  if (kwsFlags) {
    const r = decodeBatch(kwsFlags, zh.map((i) => i.clip), join(evalCacheDir, 'runs'), 'zh-kws');
    const detections: string[] = [];
    for (const it of zh) {
      const hyp = hypText('zh', r.hyps.get(it.clip.id) ?? '');
      if (hyp && dangerCounts('zh', it.ref).size === 0) detections.push(`${it.clip.id}: ${hyp}`);
    }
    kws = { clips: zh.length, seconds: r.audioSeconds, detections, falseAlarmsPerHour: (detections.length / r.audioSeconds) * 3600 };
    process.stderr.write(`[eval:asr] zh kws: ${detections.length} detections on ${r.audioSeconds.toFixed(1)}s of neutral speech\n`);
  }
  const seconds = Math.round((Date.now() - t0) / 1000);
  const result = { generatedAt: new Date().toISOString(), seconds, heldOutSentences: sents.length, rows, kws };
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  if (!process.argv.includes('--no-docs')) writeDocs(rows, kws, sents.length, seconds, quick);
}

function writeDocs(
  rows: Row[],
  kws: { clips: number; seconds: number; detections: string[]; falseAlarmsPerHour: number } | null,
  nSent: number,
  seconds: number,
  quick: boolean,
): void {
  const doc = join(repoRoot, 'docs', 'asr-accuracy.md');
  const start = '<!-- eval:asr:start -->';
  const end = '<!-- eval:asr:end -->';
  const body = [
    start,
    `Generated by \`npm run eval:asr${quick ? ' -- --quick' : ''}\` on ${new Date().toISOString().slice(0, 16)}Z (${seconds} s; ${nSent} held-out sentences).`,
    '',
    table(rows),
    '',
    kws
      ? `Mandarin keyword spotting (\`zh-8k-kws\`) on ${kws.clips} real neutral clips (${kws.seconds.toFixed(1)} s): ${kws.detections.length} false alarm(s)${kws.detections.length ? ': ' + kws.detections.map((d) => `\`${d}\``).join(', ') : ''}.`
      : 'Mandarin keyword spotting: no `zh-8k-kws` profile.',
    end,
  ].join('\n');
  let text = existsSync(doc) ? readFileSync(doc, 'utf8') : `# Speech accuracy\n\n${start}\n${end}\n`;
  if (!text.includes(start)) text += `\n${start}\n${end}\n`;
  text = text.replace(new RegExp(`${start}[\\s\\S]*?${end}`), body);
  writeFileSync(doc, text);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ''))) await main();
