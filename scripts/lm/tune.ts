/**
 * Decoder-setting search on the DEV half of the held-out sentences (never the eval half that
 * eval:asr reports) and on the real clips. Usage:
 *   tsx scripts/lm/tune.ts <set> <profile> '<json flag overrides>' ['<json>' …]
 *   sets: en16 en8 (mu-law 8k) en8up (mu-law 8k upsampled to 16k) libri16 libri8 libri8up es zh
 * Decodes through the engine; --batch uses pocketsphinx_batch instead. TUNE_N sets the sentence count.
 */
import { readProfiles, type Flags } from './decode.js';
import { heldOutSentences, librivox, mandarinClips, spanishClips, synthEnglish, type Item } from './sets.js';
import { runRow } from './eval-asr.js';
import type { Lang } from './corpus.js';

const [set, profile, ...cfgs] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!set || !profile) throw new Error('usage: tune.ts <set> <profile> <json overrides>…');
const n = Number(process.env.TUNE_N ?? 40);
const dev = (): { id: string; text: string; ref: string }[] => heldOutSentences('en', 'dev', n, Math.round(n / 3));
const sets: Record<string, () => [Lang, Item[]]> = {
  en16: () => ['en', synthEnglish(dev(), '16k')],
  en8: () => ['en', synthEnglish(dev(), 'ulaw8k')],
  en8up: () => ['en', synthEnglish(dev(), 'ulaw8k-up16k')],
  libri16: () => ['en', librivox('16k')],
  libri8: () => ['en', librivox('ulaw8k')],
  libri8up: () => ['en', librivox('ulaw8k-up16k')],
  es: () => ['es', spanishClips('8k')],
  zh: () => ['zh', mandarinClips()],
};
const mk = sets[set];
if (!mk) throw new Error(`unknown set ${set}`);
const [lang, items] = mk();
const base = readProfiles().profiles[profile]?.flags;
if (!base) throw new Error(`unknown profile ${profile}`);
for (const c of cfgs.length ? cfgs : ['{}']) {
  const over = JSON.parse(c) as Flags;
  const flags: Flags = { ...base, ...over };
  for (const [k, v] of Object.entries(flags)) if (v === '') delete flags[k];
  const r = await runRow(`tune-${set}`, lang, set, profile, c, flags, items);
  console.log(JSON.stringify({ set, profile, cfg: over, err: r.score.errorRate, recall: r.score.recall, hits: r.score.dangerRecalled, refs: r.score.dangerInRef, invented: r.score.invented, rtf: r.rtf }));
}
