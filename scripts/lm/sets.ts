/** The evaluation sets: held-out synthetic English sentences (flite) and the real clips. */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../src/paths.js';
import { dangerCounts } from '../../src/asr/lexicon/danger.js';
import { readCorpus, scoringText, type Lang } from './corpus.js';
import { evalCacheDir, prepareAudio, type Clip } from './decode.js';

export interface Item {
  clip: Clip;
  /** normalised reference (words joined by spaces; Mandarin: characters) */
  ref: string;
}

export type AudioKind = '16k' | 'ulaw8k' | 'ulaw8k-up16k' | '8k';

function h(s: string): string {
  return createHash('sha1').update(s).digest('hex');
}

/**
 * Held-out English sentences: corpus split=test, halved by family (dev half for tuning, eval half for
 * the reported numbers), `withDanger` sentences holding a danger word and `neutral` without, in a fixed
 * pseudo-random order.
 */
export function heldOutSentences(lang: Lang, half: 'dev' | 'eval', withDanger: number, neutral: number): { id: string; text: string; ref: string }[] {
  const corpus = readCorpus(join(repoRoot, 'corpus', lang, 'utterances.jsonl')).filter((u) => u.split === 'test');
  const inHalf = corpus.filter((u) => (parseInt(h(u.family ?? u.id).slice(0, 4), 16) % 2 === 0) === (half === 'dev'));
  inHalf.sort((a, b) => (h(a.text) < h(b.text) ? -1 : 1));
  // Round-robin over families so that near-duplicate sentences of one family do not dominate.
  const byFamily = new Map<string, typeof inHalf>();
  for (const u of inHalf) {
    const f = u.family ?? u.id;
    const list = byFamily.get(f);
    if (list) list.push(u);
    else byFamily.set(f, [u]);
  }
  const fams = [...byFamily.keys()].sort((a, b) => (h(a) < h(b) ? -1 : 1));
  const ordered: typeof inHalf = [];
  for (let round = 0; ordered.length < inHalf.length; round++) {
    for (const f of fams) {
      const u = byFamily.get(f)![round];
      if (u) ordered.push(u);
    }
  }
  const out: { id: string; text: string; ref: string }[] = [];
  let d = 0;
  let n = 0;
  for (const u of ordered) {
    const ref = scoringText(lang, u.text);
    if (!ref) continue;
    const danger = dangerCounts(lang, ref).size > 0;
    if (danger && d < withDanger) {
      d++;
      out.push({ id: `${u.id}-${h(u.text).slice(0, 8)}`, text: u.text, ref });
    } else if (!danger && n < neutral) {
      n++;
      out.push({ id: `${u.id}-${h(u.text).slice(0, 8)}`, text: u.text, ref });
    }
  }
  return out;
}

export function synthEnglish(sents: { id: string; text: string; ref: string }[], kind: AudioKind): Item[] {
  const dir = join(evalCacheDir, 'synth');
  mkdirSync(dir, { recursive: true });
  return sents.map((s) => {
    const wav = join(dir, `${s.id}.wav`);
    if (!existsSync(wav)) execFileSync('flite', ['-voice', 'slt', '-t', s.text, '-o', wav]);
    return { clip: prepareKind(wav, join(dir, kind), s.id, kind), ref: s.ref };
  });
}

function prepareKind(src: string, dir: string, id: string, kind: AudioKind): Clip {
  const dest = join(dir, `${id}.raw`);
  if (kind === '16k') return prepareAudio(src, dest, 16000);
  if (kind === '8k') return prepareAudio(src, dest, 8000);
  if (kind === 'ulaw8k') return prepareAudio(src, dest, 8000, true);
  return prepareAudio(src, dest, 16000, true);
}

export const LIBRIVOX = '/usr/share/pocketsphinx/test/data/librivox';

export function librivox(kind: AudioKind): Item[] {
  const out: Item[] = [];
  for (const line of readFileSync(join(LIBRIVOX, 'transcription'), 'utf8').split('\n')) {
    const m = /^(.*)\((\S+)\)\s*$/.exec(line.trim());
    if (!m || !m[2]) continue;
    const ref = scoringText('en', (m[1] ?? '').replace(/<\/?s>/g, ''));
    out.push({ clip: prepareKind(join(LIBRIVOX, `${m[2]}.wav`), join(evalCacheDir, 'librivox', kind), m[2], kind), ref });
  }
  return out;
}

export const SHARED_AUDIO = join(repoRoot, '..', 'shared', 'audio');

export function spanishClips(kind: AudioKind = '8k'): Item[] {
  const out: Item[] = [];
  const root = process.env.EARSHOT_AUDIO_DIR ? join(process.env.EARSHOT_AUDIO_DIR, 'es') : join(SHARED_AUDIO, 'es');
  for (const sub of readdirSync(root).sort()) {
    const dir = join(root, sub);
    for (const f of readdirSync(dir).sort()) {
      if (!f.endsWith('.wav')) continue;
      const id = f.replace(/\.wav$/, '');
      const txt = join(dir, `${id}.txt`);
      if (!existsSync(txt)) continue;
      const ref = scoringText('es', readFileSync(txt, 'utf8'));
      out.push({ clip: prepareKind(join(dir, f), join(evalCacheDir, 'es', kind), `${sub}-${id}`, kind), ref });
    }
  }
  return out;
}

export function mandarinClips(): Item[] {
  const root = process.env.EARSHOT_AUDIO_DIR ? join(process.env.EARSHOT_AUDIO_DIR, 'zh') : join(SHARED_AUDIO, 'zh');
  const out: Item[] = [];
  for (const line of readFileSync(join(root, 'text'), 'utf8').split('\n')) {
    const m = /^(\S+)\s+(.*)$/.exec(line.trim());
    if (!m || !m[1]) continue;
    const ref = scoringText('zh', m[2] ?? '');
    out.push({ clip: prepareKind(join(root, `${m[1]}.wav`), join(evalCacheDir, 'zh', '8k'), m[1], '8k'), ref });
  }
  return out;
}
