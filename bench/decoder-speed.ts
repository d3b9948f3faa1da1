/**
 * Decoder speed against accuracy: for each setting (beams, HMM/word limits, frame skipping),
 * the CPU real-time factor and the WER (CER for Mandarin) of the shipped engine on real and
 * synthetic speech. Prints JSON. Usage: npm run bench:decoder -- [--sets en16,en8,es,zh] [--settings NAME,...]
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createResampler } from '../src/audio/resampler.js';
import { readWav } from '../src/audio/wav.js';
import type { Language } from '../src/asr/engine.js';
import { pocketsphinxEngine } from '../src/asr/pocketsphinx/engine.js';
import { charErrors, rate, wordErrors, type ErrorCount } from '../src/asr/wer.js';
import { repoRoot } from '../src/paths.js';
import { fliteWav, machine, percentile, sharedDir, workDir } from './support.js';

/**
 * Candidate settings, each over the shipped flags (the engine's streaming defaults — no second passes,
 * maxhmmpf 3000, maxwpf 10 — then the profile's). `pocketsphinx-limits` puts pocketsphinx's own
 * HMM and word limits back: the baseline before tuning.
 */
const SETTINGS: Record<string, Record<string, string>> = {
  'pocketsphinx-limits': { maxhmmpf: '30000', maxwpf: '-1' },
  'maxhmmpf-3000': { maxhmmpf: '3000', maxwpf: '-1' },
  shipped: {},
  'shipped+topn-2': { topn: '2' },
  'shipped+ds-2': { ds: '2' },
  'shipped+pl_window-5': { pl_window: '5' },
  'maxhmmpf-2000+maxwpf-5': { maxhmmpf: '2000', maxwpf: '5' },
  'shipped+beam-1e-40': { beam: '1e-40', wbeam: '1e-24' },
  'shipped+fwdflat+bestpath': { fwdflat: 'yes', bestpath: 'yes' },
};

interface Clip {
  id: string;
  ref: string;
  wav: string;
}

interface TestSet {
  name: string;
  language: Language;
  telephone: boolean;
  cer: boolean;
  clips: Clip[];
}

function librivox(): Clip[] {
  const dir = '/usr/share/pocketsphinx/test/data/librivox';
  return readFileSync(join(dir, 'transcription'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const m = /^(.*)\(([^)]+)\)\s*$/.exec(line)!;
      return { id: m[2]!.trim(), ref: m[1]!.replace(/<\/?s>/g, '').trim(), wav: join(dir, `${m[2]!.trim()}.wav`) };
    });
}

/** Held-out corpus sentences (never in any LM) spoken by flite; digits skipped (flite reads them its own way). */
function heldOutEnglish(count: number, telephone: boolean): Clip[] {
  const lines = readFileSync(join(repoRoot, 'corpus', 'en', 'utterances.jsonl'), 'utf8').trim().split('\n');
  const eligible = lines
    .map((line) => JSON.parse(line) as { id: string; text: string; split: string; speaker: string })
    .filter((u) => u.split === 'test' && u.speaker === 'agent' && !/\d/.test(u.text));
  // Every k-th line: a spread over families and categories, the same lines on every run.
  const k = Math.max(1, Math.floor(eligible.length / count));
  return eligible
    .filter((_, i) => i % k === 0)
    .slice(0, count)
    .map((u) => ({ id: u.id, ref: u.text, wav: fliteWav(`heldout-${u.id}`, u.text, telephone) }));
}

function spanish(): Clip[] {
  const dir = join(sharedDir, 'audio', 'es', 'voxforge-AbdielNavarro');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.wav'))
    .sort()
    .map((f) => ({ id: f, ref: readFileSync(join(dir, f.replace('.wav', '.txt')), 'utf8').trim(), wav: join(dir, f) }));
}

function mandarin(): Clip[] {
  const dir = join(sharedDir, 'audio', 'zh');
  return readFileSync(join(dir, 'text'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const [id, ...rest] = line.trim().split(/\s+/);
      return { id: id!, ref: rest.join(''), wav: join(dir, `${id}.wav`) };
    });
}

/** The same audio as a phone call carries it: 8 kHz mu-law (sox); the reader decodes it back to PCM. */
function telephoneCopy(clip: Clip): Clip {
  const out = join(workDir, `tel-${clip.id}.wav`);
  execFileSync('sox', [clip.wav, '-r', '8000', '-e', 'u-law', out]);
  return { ...clip, wav: out };
}

function buildSets(names: string[]): TestSet[] {
  const sets: Record<string, () => TestSet> = {
    en16: () => ({ name: 'en16', language: 'en', telephone: false, cer: false, clips: [...librivox(), ...heldOutEnglish(30, false)] }),
    en8: () => ({ name: 'en8', language: 'en', telephone: true, cer: false, clips: [...librivox().map(telephoneCopy), ...heldOutEnglish(30, true)] }),
    es: () => ({ name: 'es', language: 'es', telephone: true, cer: false, clips: spanish() }),
    zh: () => ({ name: 'zh', language: 'zh', telephone: true, cer: true, clips: mandarin() }),
  };
  return names.map((n) => sets[n]!());
}

async function decodeSet(set: TestSet, flags: Record<string, string>) {
  const decoder = pocketsphinxEngine.open({ language: set.language, telephone: set.telephone, flags });
  const counts: ErrorCount[] = [];
  const windowMs: number[] = [];
  let cpuMs = 0;
  let audioMs = 0;
  for (const clip of set.clips) {
    const audio = readWav(clip.wav);
    const rs = await createResampler(audio.sampleRateHz, decoder.sampleRateHz);
    const pcm = rs.process(audio.samples);
    rs.close();
    const step = Math.round(decoder.sampleRateHz * 0.032);
    const c0 = process.cpuUsage();
    decoder.begin();
    for (let off = 0; off < pcm.length; off += step) {
      const t = performance.now();
      decoder.process(pcm.subarray(off, off + step));
      windowMs.push(performance.now() - t);
    }
    const words = decoder.end().map((w) => w.word);
    const cu = process.cpuUsage(c0);
    cpuMs += (cu.user + cu.system) / 1000;
    audioMs += (pcm.length * 1000) / decoder.sampleRateHz;
    const hyp = set.cer ? words.join('') : words.join(' ');
    counts.push(set.cer ? charErrors(clip.ref, hyp) : wordErrors(clip.ref, hyp));
  }
  decoder.close();
  windowMs.sort((a, b) => a - b);
  return {
    errorRate: Number((rate(counts) * 100).toFixed(1)),
    cpuRtf: Number((cpuMs / audioMs).toFixed(3)),
    window32msP99Ms: Number((percentile(windowMs, 99) ?? 0).toFixed(1)),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { sets: { type: 'string', default: 'en16,en8,es,zh' }, settings: { type: 'string' } } });
  const names = values.settings ? values.settings.split(',') : Object.keys(SETTINGS);
  const results = [];
  for (const set of buildSets(values.sets!.split(','))) {
    for (const name of names) {
      const flags = SETTINGS[name];
      if (!flags) throw new Error(`unknown setting ${name}`);
      const r = { set: set.name, metric: set.cer ? 'CER%' : 'WER%', clips: set.clips.length, setting: name, ...(await decodeSet(set, flags)) };
      process.stderr.write(JSON.stringify(r) + '\n');
      results.push(r);
    }
  }
  process.stdout.write(JSON.stringify({ benchmark: 'decoder-speed', machine: machine(), at: new Date().toISOString(), results }, null, 2) + '\n');
}

void main();
