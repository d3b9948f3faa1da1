/**
 * npm run bench:tone -- [--minutes 10] [--no-asr]
 *
 * The tone meter (src/audio/tone.ts): its CPU per channel, and the margins behind its default
 * thresholds, measured on real speech (LibriVox from Debian's pocketsphinx-testdata, the
 * VoxForge/command Spanish and the Mandarin clips of ../shared/audio). Prints JSON on stdout,
 * progress on stderr.
 *
 * - cpu: a two-channel call (agent, customer) of real speech looped to --minutes, pushed in 20 ms
 *   chunks per channel as Twilio sends them, at 8 kHz and 16 kHz: CPU time per second of audio per
 *   channel, and the time one push takes.
 * - raisedVoice: per speaker, a minute of their clips back to back (wideband and 8 kHz mu-law): the
 *   highest level above the running baseline held for minDurationMs, next to the threshold; and
 *   which gain steps (+4 to +12 dB for 12 s after a minute of normal speech) are caught.
 * - overtalk: a customer snippet of real speech of a given length inside the agent's continuous
 *   speech: the overlap the meter measures, next to minOverlapMs.
 * - fastSpeech: real pocketsphinx word times (the shipped recogniser, as a worker runs it) of the
 *   same clips at normal speed and sped up by sox `tempo`: the highest articulation rate the meter
 *   measured and whether it fired. Skipped with --no-asr or when the models are missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ToneMeter, type ToneFinding, type ToneLanguage, type ToneWord } from '../src/audio/tone.js';
import { readWav } from '../src/audio/wav.js';
import { machine, percentile, sharedDir, workDir } from './support.js';

const { values: args } = parseArgs({
  options: { minutes: { type: 'string', default: '10' }, 'no-asr': { type: 'boolean', default: false } },
});
const MINUTES = Number(args.minutes);
const LIBRIVOX_DIR = '/usr/share/pocketsphinx/test/data/librivox';
const log = (msg: string): void => void process.stderr.write(`[bench:tone] ${msg}\n`);
const round = (x: number, d = 2): number => Math.round(x * 10 ** d) / 10 ** d;

interface Clip {
  id: string;
  path: string;
  text: string;
}
interface Speaker {
  name: string;
  language: ToneLanguage;
  clips: Clip[];
}

function speakers(): Speaker[] {
  const out: Speaker[] = [];
  if (existsSync(LIBRIVOX_DIR)) {
    const lines = readFileSync(join(LIBRIVOX_DIR, 'transcription'), 'utf8').split('\n').filter((l) => l.trim());
    out.push({
      name: 'en-librivox',
      language: 'en',
      clips: lines.map((l) => {
        const m = /^(.*)\((\S+)\)\s*$/.exec(l)!;
        return { id: m[2]!, path: join(LIBRIVOX_DIR, `${m[2]}.wav`), text: m[1]!.replace(/<\/?s>/g, '').trim() };
      }),
    });
  }
  const txtDir = (dir: string): Clip[] =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.wav'))
      .sort()
      .map((f) => ({ id: f.slice(0, -4), path: join(dir, f), text: readFileSync(join(dir, `${f.slice(0, -4)}.txt`), 'utf8').trim() }));
  out.push({ name: 'es-voxforge', language: 'es', clips: txtDir(join(sharedDir, 'audio', 'es', 'voxforge-AbdielNavarro')) });
  out.push({ name: 'es-commands', language: 'es', clips: txtDir(join(sharedDir, 'audio', 'es', 'commands-geezsanr')) });
  const zhDir = join(sharedDir, 'audio', 'zh');
  for (const line of readFileSync(join(zhDir, 'text'), 'utf8').split('\n').filter((l) => l.trim())) {
    const [id, ...rest] = line.trim().split(/\s+/);
    out.push({ name: `zh-${id!.slice(0, 12)}`, language: 'zh', clips: [{ id: id!, path: join(zhDir, `${id}.wav`), text: rest.join('') }] });
  }
  return out;
}

/** A clip as mono 16-bit PCM at `rate` (8000: through G.711 mu-law, as a phone line carries it), optionally sped up. */
function load(path: string, rate: 8000 | 16000, tempo = 1): Int16Array {
  mkdirSync(join(workDir, 'tone'), { recursive: true });
  const name = `${path.replace(/[^\w]+/g, '_').slice(-60)}-${rate}-${tempo}.wav`;
  const out = join(workDir, 'tone', name);
  if (!existsSync(out)) {
    const effects = tempo === 1 ? [] : ['tempo', '-s', String(tempo)];
    const fmt = rate === 8000 ? ['-e', 'u-law', '-b', '8'] : ['-e', 'signed-integer', '-b', '16'];
    execFileSync('sox', [path, '-r', String(rate), '-c', '1', ...fmt, out, ...effects], { stdio: 'ignore' });
  }
  const a = readWav(out);
  if (a.channels === 1) return a.samples;
  return Int16Array.from({ length: a.samples.length / a.channels }, (_, i) => a.samples[i * a.channels]!);
}

function noise(ms: number, rate: number, dbfs = -62, seed = 1): Int16Array {
  const out = new Int16Array(Math.round((ms * rate) / 1000));
  const amp = 32768 * 10 ** (dbfs / 20) * Math.sqrt(3);
  let s = seed;
  for (let i = 0; i < out.length; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    out[i] = Math.round((s / 0x7fffffff) * 2 * amp - amp);
  }
  return out;
}

function concat(parts: Int16Array[]): Int16Array {
  const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** A speaker's clips back to back with 0.5 s of line noise between, repeated to at least `ms`. */
function backToBack(sp: Speaker, rate: 8000 | 16000, ms: number, tempo = 1): { pcm: Int16Array; clipStartsMs: number[] } {
  const parts: Int16Array[] = [];
  const clipStartsMs: number[] = [];
  let at = 0;
  for (let k = 0; at < ms; k++) {
    const pcm = load(sp.clips[k % sp.clips.length]!.path, rate, tempo);
    clipStartsMs.push(at);
    parts.push(pcm, noise(500, rate, -62, k + 1));
    at += ((pcm.length + rate / 2) * 1000) / rate;
  }
  return { pcm: concat(parts), clipStartsMs };
}

function gain(pcm: Int16Array, db: number, fromMs: number, toMs: number, rate: number): Int16Array {
  const out = Int16Array.from(pcm);
  const g = 10 ** (db / 20);
  for (let i = Math.round((fromMs * rate) / 1000); i < Math.min(pcm.length, Math.round((toMs * rate) / 1000)); i++) {
    out[i] = Math.max(-32768, Math.min(32767, Math.round(pcm[i]! * g)));
  }
  return out;
}

// ---- CPU ----

function cpuRun(rate: 8000 | 16000, channels: 1 | 2): Record<string, unknown> {
  const sp = speakers();
  const agent = backToBack(sp.find((s) => s.name === 'es-voxforge')!, rate, 60_000).pcm;
  const customer = backToBack(sp.find((s) => s.name.startsWith('en') || s.name === 'es-commands')!, rate, 60_000).pcm;
  const total = Math.round(MINUTES * 60 * rate);
  const loop = (src: Int16Array): Int16Array => {
    const out = new Int16Array(total);
    for (let o = 0; o < total; o += src.length) out.set(src.subarray(0, Math.min(src.length, total - o)), o);
    return out;
  };
  const chans = [loop(agent), loop(customer)].slice(0, channels);
  const step = rate / 50;
  const feed = (meter: ToneMeter, seconds: number, times?: number[]): number => {
    let findings = 0;
    const end = Math.min(total, seconds * rate);
    for (let o = 0; o < end; o += step) {
      for (let c = 0; c < chans.length; c++) {
        const chunk = chans[c]!.subarray(o, o + step);
        if (times) {
          const t0 = process.hrtime.bigint();
          findings += meter.push(c, chunk).length;
          times.push(Number(process.hrtime.bigint() - t0) / 1000);
        } else {
          findings += meter.push(c, chunk).length;
        }
      }
    }
    return findings;
  };
  const roles = (['agent', 'customer'] as const).slice(0, channels);
  feed(new ToneMeter({ sampleRateHz: rate, roles: [...roles] }), 60); // warm-up (JIT)
  const meter = new ToneMeter({ sampleRateHz: rate, roles: [...roles] });
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const findings = feed(meter, MINUTES * 60);
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(c0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const times: number[] = [];
  feed(new ToneMeter({ sampleRateHz: rate, roles: [...roles] }), 120, times);
  times.sort((a, b) => a - b);
  const audioS = MINUTES * 60;
  return {
    sampleRateHz: rate,
    channels,
    audioSeconds: audioS,
    chunkMs: 20,
    cpuMs: round(cpuMs, 1),
    wallMs: round(wallMs, 1),
    /** CPU seconds per second of audio, per channel, as a percentage of one core. */
    cpuPercentOfCorePerChannel: round(((cpuMs / 1000 / audioS) * 100) / channels, 4),
    pushMicros: { p50: round(percentile(times, 50) ?? 0, 1), p99: round(percentile(times, 99) ?? 0, 1), max: round(times.at(-1) ?? 0, 1) },
    findings,
  };
}

// ---- raised voice margins ----

/** Highest excess (dB over the baseline) held for `holdMs` (pauses up to maxGapMs allowed), and the findings. */
function raisedMargin(pcm: Int16Array, rate: number, language: ToneLanguage): { sustainedMaxDb: number; findings: ToneFinding[] } {
  const meter = new ToneMeter({ sampleRateHz: rate, roles: ['agent'], language });
  const { minDurationMs, maxGapMs } = meter.settings.raisedVoice;
  const step = rate / 50;
  const findings: ToneFinding[] = [];
  const trace: number[] = [];
  for (let o = 0; o < pcm.length; o += step) {
    findings.push(...meter.push(0, pcm.subarray(o, o + step)));
    const s = meter.snapshot();
    trace.push(s.baselineReady ? s.agentLevelDb - s.agentBaselineDb : NaN);
  }
  const hold = Math.round(minDurationMs / 20);
  const gapFrames = Math.round(maxGapMs / 20);
  let best = -Infinity;
  for (let t = hold; t <= trace.length; t++) {
    let min = Infinity;
    let judged = 0;
    let gap = 0;
    let worstGap = 0;
    for (let k = t - hold; k < t; k++) {
      const v = trace[k]!;
      if (Number.isNaN(v)) worstGap = Math.max(worstGap, ++gap);
      else {
        gap = 0;
        judged++;
        min = Math.min(min, v);
      }
    }
    if (judged > 0 && worstGap <= gapFrames) best = Math.max(best, min);
  }
  return { sustainedMaxDb: Number.isFinite(best) ? round(best, 1) : NaN, findings };
}

function raisedVoice(): Record<string, unknown> {
  const perSpeaker: Record<string, unknown>[] = [];
  for (const sp of speakers()) {
    for (const rate of [16000, 8000] as const) {
      const { pcm } = backToBack(sp, rate, 60_000);
      const r = raisedMargin(pcm, rate, sp.language);
      perSpeaker.push({ speaker: sp.name, sampleRateHz: rate, seconds: round(pcm.length / rate, 0), sustainedMaxDb: r.sustainedMaxDb, findings: r.findings.length });
    }
  }
  const vox = speakers().find((s) => s.name === 'es-voxforge')!;
  const steps: Record<string, unknown>[] = [];
  for (const rate of [16000, 8000] as const) {
    const { pcm, clipStartsMs } = backToBack(vox, rate, 90_000);
    // From the first clip that starts after a minute, for 12 s (that clip and part of the next).
    const from = clipStartsMs.find((t) => t >= 60_000)!;
    for (const db of [4, 6, 7, 8, 10, 12]) {
      const r = raisedMargin(gain(pcm, db, from, from + 12_000, rate), rate, 'es');
      const hit = r.findings.find((f) => f.startMs >= from - 1000 && f.startMs < from + 12_000);
      steps.push({
        sampleRateHz: rate,
        gainDb: db,
        caught: !!hit,
        // From the clip's start (which begins with ~1 s of room noise) to the finding.
        findingAfterMs: hit ? Math.round(hit.endMs - from) : null,
        startErrorMs: hit ? Math.round(hit.startMs - from) : null,
        measureDb: hit?.measure ?? null,
        otherFindings: r.findings.length - (hit ? 1 : 0),
      });
    }
  }
  return { thresholdDb: new ToneMeter({ sampleRateHz: 8000, roles: ['agent'] }).settings.raisedVoice.thresholdDb, perSpeaker, gainSteps: steps };
}

// ---- overtalk ----

function overtalk(): Record<string, unknown> {
  const sp = speakers();
  const vox = sp.find((s) => s.name === 'es-voxforge')!;
  const other = sp.find((s) => s.name === 'en-librivox') ?? sp.find((s) => s.name === 'es-commands')!;
  const out: Record<string, unknown>[] = [];
  for (const rate of [16000, 8000] as const) {
    // The agent reads continuously (es-0028: 12 s with no pause over 0.3 s); the customer says a snippet of real speech in the middle.
    const agent = concat([noise(1000, rate), load(vox.clips[1]!.path, rate), noise(2000, rate)]);
    const voice = concat(other.clips.map((c) => load(c.path, rate)));
    // Start the snippet at the customer's first loud sample, so its length is talk, not silence.
    let first = 0;
    while (first < voice.length && Math.abs(voice[first]!) < 1000) first++;
    for (const ms of [200, 400, 600, 800, 1000, 1200, 1500, 2000, 3000]) {
      const snippet = voice.subarray(first, first + Math.round((ms * rate) / 1000));
      const customer = noise(agent.length * (1000 / rate), rate, -62, 5);
      customer.set(snippet, Math.round(4.5 * rate));
      const fires = (minOverlapMs?: number): boolean => {
        const meter = new ToneMeter({ sampleRateHz: rate, roles: ['agent', 'customer'], options: { overtalk: minOverlapMs ? { minOverlapMs } : {} } });
        const step = rate / 50;
        let n = 0;
        for (let o = 0; o < agent.length; o += step) n += meter.push(0, agent.subarray(o, o + step)).length + meter.push(1, customer.subarray(o, o + step)).length;
        return n + meter.finish().length > 0;
      };
      // The overlap the meter measures: the largest minOverlapMs that still fires (20 ms steps).
      let lo = 0;
      let hi = 10_000;
      while (hi - lo > 20) {
        const mid = Math.round((lo + hi) / 40) * 20;
        if (fires(mid)) lo = mid;
        else hi = mid;
      }
      out.push({ sampleRateHz: rate, customerSnippetMs: ms, measuredOverlapMs: lo, overtalk: fires() });
    }
  }
  return { minOverlapMs: new ToneMeter({ sampleRateHz: 8000, roles: ['agent'] }).settings.overtalk.minOverlapMs, snippets: out };
}

// ---- fast speech with the real recogniser ----

async function fastSpeech(): Promise<Record<string, unknown>> {
  const { SileroModel } = await import('../src/audio/vad.js');
  const { DecoderPool } = await import('../src/asr/decoder-pool.js');
  const { ChannelRecognizer } = await import('../src/asr/channel-recognizer.js');
  const { pocketsphinxEngine } = await import('../src/asr/pocketsphinx/engine.js');
  const vad = await SileroModel.load();
  const rows: Record<string, unknown>[] = [];
  const cases: { sp: Speaker; rate: 8000 | 16000; telephone: boolean }[] = [];
  for (const sp of speakers()) {
    if (sp.name === 'es-commands' || (sp.language === 'zh' && !sp.name.includes('MEETING') && !sp.name.includes('BAC009'))) continue;
    if (sp.language === 'en') cases.push({ sp, rate: 16000, telephone: false }, { sp, rate: 8000, telephone: true });
    else cases.push({ sp, rate: 16000, telephone: false });
  }
  for (const { sp, rate, telephone } of cases) {
    for (const tempo of [1, 1.5, 1.8]) {
      const { pcm } = backToBack(sp, rate, 60_000 / tempo, tempo);
      const t0 = Date.now();
      let rec;
      try {
        rec = await ChannelRecognizer.open(new DecoderPool(0), pocketsphinxEngine, vad, { language: sp.language, telephone, inputRateHz: rate });
      } catch (err) {
        rows.push({ speaker: sp.name, skipped: String((err as Error).message) });
        break;
      }
      const meter = new ToneMeter({ sampleRateHz: rate, roles: ['agent'], language: sp.language });
      const words: ToneWord[] = [];
      const findings: ToneFinding[] = [];
      let maxRate = 0;
      const slice = Math.round(rate * 0.2);
      const onFinals = (hyps: { final: boolean; words: ToneWord[] }[]): void => {
        for (const h of hyps) {
          if (!h.final) continue;
          words.push(...h.words);
          findings.push(...meter.observeWords('agent', h.words));
          const r = meter.snapshot().agentRate;
          if (r > maxRate) maxRate = r;
        }
      };
      for (let o = 0; o < pcm.length; o += slice) onFinals(await rec.push(pcm.subarray(o, o + slice)));
      onFinals(rec.finish());
      rec.close(true);
      const reference = sp.clips.reduce((n, c) => n + (sp.language === 'zh' ? [...c.text.replace(/\s+/g, '')].length : c.text.split(/\s+/).length), 0);
      rows.push({
        speaker: sp.name,
        sampleRateHz: rate,
        tempo,
        seconds: round(pcm.length / rate, 0),
        recognisedUnits: words.reduce((n, w) => n + (sp.language === 'zh' ? [...w.word].length : 1), 0),
        referenceUnitsPerPass: reference,
        maxRate: round(maxRate, 2),
        threshold: meter.settings.fastSpeech.maxRate,
        fastSpeech: findings.filter((f) => f.kind === 'fast_speech').length,
        decodeMs: Date.now() - t0,
      });
      log(`asr ${sp.name} ${rate} tempo ${tempo}: max ${round(maxRate, 2)}/s`);
    }
  }
  return { rows };
}

async function main(): Promise<void> {
  const result: Record<string, unknown> = { machine: machine(), minutes: MINUTES };
  log('cpu');
  result.cpu = [cpuRun(8000, 1), cpuRun(8000, 2), cpuRun(16000, 2)];
  log('raised voice');
  result.raisedVoice = raisedVoice();
  log('overtalk');
  result.overtalk = overtalk();
  if (!args['no-asr']) {
    log('fast speech (pocketsphinx)');
    result.fastSpeech = await fastSpeech();
  }
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
