/**
 * Test audio: synthetic English from flite (Debian), converted with sox, and the real human
 * speech clips of pocketsphinx-testdata and ../shared/audio (see its SOURCES.md).
 * Generated files are cached in one temp folder per content, so parallel test files share them.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { readWav, type PcmAudio } from '../../src/audio/wav.js';
import { repoRoot } from '../../src/paths.js';

export type { PcmAudio };

/** ../shared beside the repository (real speech clips, models, docs). */
export const sharedDir = resolve(repoRoot, '..', 'shared');
export const LIBRIVOX_DIR = '/usr/share/pocketsphinx/test/data/librivox';

const cacheDir = join(tmpdir(), `earshot-test-audio-${process.getuid?.() ?? 'u'}`);

function cached(key: string, ext: string, make: (out: string) => void): string {
  mkdirSync(cacheDir, { recursive: true });
  const name = createHash('sha256').update(key).digest('hex').slice(0, 24) + ext;
  const path = join(cacheDir, name);
  if (existsSync(path)) return path;
  // Write beside, then rename: another test file may be making the same file at the same time.
  const partial = join(cacheDir, `${name}.${process.pid}.${Math.random().toString(36).slice(2)}.part${ext}`);
  make(partial);
  renameSync(partial, path);
  return path;
}

/** English speech from flite's slt voice: 16 kHz mono 16-bit WAV. */
export function fliteWav(text: string, voice = 'slt'): string {
  return cached(`flite|${voice}|${text}`, '.wav', (out) => {
    execFileSync('flite', ['-voice', voice, '-t', text, '-o', out], { stdio: 'ignore' });
  });
}

/** Convert a file with sox: `sox IN [effects as output options] OUT`. */
export function soxConvert(input: string, outputOptions: string[], effects: string[] = []): string {
  return cached(`sox|${input}|${outputOptions.join(' ')}|${effects.join(' ')}`, '.wav', (out) => {
    execFileSync('sox', [input, ...outputOptions, out, ...effects], { stdio: 'ignore' });
  });
}

/** Telephone audio: 8 kHz G.711 (mu-law or A-law) WAV, as a phone network carries it. */
export function telephoneWav(input: string, law: 'mulaw' | 'alaw' = 'mulaw'): string {
  return soxConvert(input, ['-r', '8000', '-c', '1', '-e', law === 'mulaw' ? 'u-law' : 'a-law', '-b', '8']);
}

/**
 * The G.711 bytes of telephoneWav(input, law) (the wire bytes of a mulaw/alaw call): its data
 * chunk copied out by sox, so the same dithered samples as the WAV file.
 */
export function g711Bytes(input: string, law: 'mulaw' | 'alaw'): Uint8Array {
  const raw = soxConvert(telephoneWav(input, law), ['-t', 'raw']);
  return new Uint8Array(readFileSync(raw));
}

/** Resample / change channels of a 16-bit file. */
export function pcmWav(input: string, rateHz: number, channels = 1): string {
  return soxConvert(input, ['-r', String(rateHz), '-c', String(channels), '-e', 'signed-integer', '-b', '16']);
}

export function loadWav(path: string): PcmAudio {
  return readWav(path);
}

export function durationMs(audio: PcmAudio): number {
  return (audio.samples.length / audio.channels / audio.sampleRateHz) * 1000;
}

/** 16-bit little-endian bytes of interleaved PCM, as pcm_s16le goes on the wire. */
export function pcmBytes(samples: Int16Array): Uint8Array {
  const out = Buffer.alloc(samples.length * 2);
  for (let i = 0; i < samples.length; i++) out.writeInt16LE(samples[i]!, i * 2);
  return out;
}

export function silence(ms: number, rateHz: number): Int16Array {
  return new Int16Array(Math.round((ms * rateHz) / 1000));
}

export function concat(...parts: Int16Array[]): Int16Array {
  const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/** Two mono signals as one interleaved stereo signal, the shorter padded with silence. */
export function interleave(left: Int16Array, right: Int16Array): Int16Array {
  const n = Math.max(left.length, right.length);
  const out = new Int16Array(n * 2);
  for (let i = 0; i < n; i++) {
    out[2 * i] = left[i] ?? 0;
    out[2 * i + 1] = right[i] ?? 0;
  }
  return out;
}

/** First channel of interleaved PCM. */
export function firstChannel(audio: PcmAudio): Int16Array {
  if (audio.channels === 1) return audio.samples;
  const out = new Int16Array(audio.samples.length / audio.channels);
  for (let i = 0; i < out.length; i++) out[i] = audio.samples[i * audio.channels]!;
  return out;
}

export interface Clip {
  id: string;
  path: string;
  /** Reference transcript as published with the clip. */
  text: string;
}

/** The five LibriVox clips of Debian's pocketsphinx-testdata (16 kHz English read speech). */
export function librivoxClips(): Clip[] {
  const lines = readFileSync(join(LIBRIVOX_DIR, 'transcription'), 'utf8').split('\n').filter((l) => l.trim());
  return lines.map((line) => {
    const m = /^(.*)\((\S+)\)\s*$/.exec(line);
    if (!m) throw new Error(`unexpected transcription line: ${line}`);
    const text = m[1]!.replace(/<\/?s>/g, '').trim();
    return { id: m[2]!, path: join(LIBRIVOX_DIR, `${m[2]}.wav`), text };
  });
}

function txtClips(dir: string): Clip[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.wav'))
    .sort()
    .map((f) => {
      const id = basename(f, '.wav');
      return { id, path: join(dir, f), text: readFileSync(join(dir, `${id}.txt`), 'utf8').trim() };
    });
}

/** Ten read Spanish sentences from VoxForge (16 kHz mono, one speaker). */
export function spanishVoxforgeClips(): Clip[] {
  return txtClips(join(sharedDir, 'audio', 'es', 'voxforge-AbdielNavarro'));
}

/** Six short Spanish voice commands (44.1 kHz stereo). */
export function spanishCommandClips(): Clip[] {
  return txtClips(join(sharedDir, 'audio', 'es', 'commands-geezsanr'));
}

/** Four Mandarin clips (16 kHz mono); the reference has spaces between words in one of them. */
export function mandarinClips(): Clip[] {
  const dir = join(sharedDir, 'audio', 'zh');
  return readFileSync(join(dir, 'text'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((line) => {
      const [id, ...rest] = line.trim().split(/\s+/);
      return { id: id!, path: join(dir, `${id}.wav`), text: rest.join('') };
    });
}
