/**
 * Decoding for measurement: pocketsphinx_batch (the same libpocketsphinx the engine binds) over a
 * list of raw 16-bit mono files, with a profile's flags. One decoder load per list.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { expandPath } from '../../src/asr/pocketsphinx/profiles.js';
import { repoModel, repoRoot } from '../../src/paths.js';

export { DEBIAN_MODELS as DEBIAN_MODEL } from '../../src/asr/pocketsphinx/profiles.js';
export { editDistance } from '../../src/asr/wer.js';

export type Flags = Record<string, string>;

export interface Profile {
  sampleRateHz: number;
  flags: Flags;
}

export interface ProfilesFile {
  profiles: Record<string, Profile>;
  select: Record<string, { telephone: string; wideband: string }>;
}

export function readProfiles(): ProfilesFile {
  return JSON.parse(readFileSync(repoModel('pocketsphinx', 'profiles.json'), 'utf8')) as ProfilesFile;
}

export function resolveFlags(flags: Flags): Flags {
  const out: Flags = {};
  for (const [k, v] of Object.entries(flags)) out[k] = expandPath(v);
  return out;
}

export interface Clip {
  id: string;
  /** raw 16-bit little-endian mono PCM at the profile's rate */
  raw: string;
  seconds: number;
}

export interface DecodeResult {
  hyps: Map<string, string>;
  /** decoder CPU seconds / audio seconds, from pocketsphinx's own accounting */
  rtf: number;
  wallSeconds: number;
  audioSeconds: number;
}

/** Converts any audio file into raw PCM at `rate`, optionally through 8 kHz G.711 mu-law first. */
export function prepareAudio(src: string, dest: string, rate: number, mulaw = false): Clip {
  mkdirSync(dirname(dest), { recursive: true });
  if (!existsSync(dest)) {
    if (mulaw) {
      const ul = dest + '.ul.wav';
      execFileSync('sox', [src, '-r', '8000', '-c', '1', '-e', 'mu-law', '-b', '8', ul]);
      execFileSync('sox', [ul, '-t', 'raw', '-r', String(rate), '-c', '1', '-e', 'signed-integer', '-b', '16', '-L', dest]);
    } else {
      const args = src.endsWith('.raw') ? ['-t', 'raw', '-r', '16000', '-e', 'signed-integer', '-b', '16', '-c', '1', src] : [src];
      execFileSync('sox', [...args, '-t', 'raw', '-r', String(rate), '-c', '1', '-e', 'signed-integer', '-b', '16', '-L', dest]);
    }
  }
  return { id: basename(dest).replace(/\.raw$/, ''), raw: dest, seconds: statSync(dest).size / 2 / rate };
}

export function decodeBatch(flags: Flags, clips: Clip[], workDir: string, tag: string): DecodeResult {
  mkdirSync(workDir, { recursive: true });
  const ctl = join(workDir, `${tag}.ctl`);
  const hypFile = join(workDir, `${tag}.hyp`);
  const logFile = join(workDir, `${tag}.log`);
  writeFileSync(ctl, clips.map((c) => c.raw.replace(/\.raw$/, '')).join('\n') + '\n');
  const args = ['-adcin', 'yes', '-cepdir', '/', '-cepext', '.raw', '-ctl', ctl, '-hyp', hypFile, '-logfn', logFile];
  for (const [k, v] of Object.entries(resolveFlags(flags))) args.push(`-${k}`, v);
  const t0 = Date.now();
  const r = spawnSync('pocketsphinx_batch', args, { encoding: 'utf8' });
  const wallSeconds = (Date.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`pocketsphinx_batch failed (${tag}): ${r.stderr.slice(-2000)} ${existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2000) : ''}`);
  const hyps = new Map<string, string>();
  for (const line of readFileSync(hypFile, 'utf8').split('\n')) {
    const m = /^(.*?)\s*\((\S+?)(?:\s+-?\d+)*\)\s*$/.exec(line);
    if (!m) continue;
    hyps.set(basename(m[2]!), (m[1] ?? '').trim());
  }
  const log = readFileSync(logFile, 'utf8');
  let rtf = NaN;
  const m = /TOTAL\s+([\d.]+)\s+seconds speech,\s+([\d.]+)\s+seconds CPU/.exec(log);
  const audioSeconds = clips.reduce((a, c) => a + c.seconds, 0);
  if (m && m[1] && m[2]) rtf = Number(m[2]) / Number(m[1]);
  return { hyps, rtf, wallSeconds, audioSeconds };
}

/** Hypothesis words without fillers and alternate-pronunciation markers, lower case. */
export function cleanHyp(h: string): string[] {
  return h
    .split(/\s+/)
    .filter((w) => w && !/^(<.*>|\[.*\]|\+\+.*\+\+)$/.test(w))
    .map((w) => w.replace(/\(\d+\)$/, '').toLowerCase());
}


export const evalCacheDir = join(repoRoot, '.tmp', 'asr-eval');

/**
 * Decoding through the project's engine (src/asr/pocketsphinx/engine.ts: what ships, with its
 * streaming defaults and live cepstral mean): one decoder, reset per clip as for a new channel,
 * each clip fed in 200 ms slices as one utterance (no endpointer).
 */
export async function decodeEngine(
  language: 'en' | 'es' | 'zh',
  telephone: boolean,
  flags: Flags,
  clips: Clip[],
): Promise<DecodeResult> {
  const { pocketsphinxEngine } = await import('../../src/asr/pocketsphinx/engine.js');
  const dec = pocketsphinxEngine.open({ language, telephone, flags: resolveFlags(flags) });
  const hyps = new Map<string, string>();
  let busy = 0;
  const t0 = Date.now();
  try {
    for (const c of clips) {
      const buf = readFileSync(c.raw);
      const pcm = new Int16Array(buf.buffer, buf.byteOffset, Math.floor(buf.length / 2));
      const slice = Math.round(dec.sampleRateHz * 0.2);
      const s0 = process.hrtime.bigint();
      dec.reset();
      dec.begin();
      for (let off = 0; off < pcm.length; off += slice) dec.process(pcm.slice(off, off + slice));
      const words = dec.end();
      busy += Number(process.hrtime.bigint() - s0) / 1e9;
      hyps.set(c.id, words.map((w) => w.word).join(' '));
    }
  } finally {
    dec.close();
  }
  const audioSeconds = clips.reduce((a, c) => a + c.seconds, 0);
  return { hyps, rtf: busy / audioSeconds, wallSeconds: (Date.now() - t0) / 1000, audioSeconds };
}
