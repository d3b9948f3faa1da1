/**
 * Whisper on this machine, beside pocketsphinx. Prints JSON (progress on stderr).
 *
 * 1. Windows: one Whisper decode per window length (real Spanish speech), features from the stock
 *    extractor (30 s of padding) and over the real audio only (the engine's default), each split
 *    into feature time and generate time (encoder + decoder), with the token budget the engine uses.
 * 2. Streams: N concurrent streams of real Spanish speech fed at real-time pace through the real
 *    worker threads (AsrPool, as the server runs them), Whisper at each step and pocketsphinx on
 *    the same audio, each configuration in its own process (clean RSS): speech-to-text latency,
 *    partial-update latency, final latency, CPU real-time factor, RSS, streams falling behind.
 * 3. Capacity: the most Whisper streams whose speech reaches a transcript within one second (p95).
 *
 * Usage: npm run bench:whisper -- [--model whisper-random-tinydims] [--windows 1,2,5,10,15] [--repeats 5]
 *        [--n 1,2,3,4] [--steps 500,1000] [--seconds 20] [--whisper-workers 1] [--threads N] [--tokens-per-s 3.3]
 *        [--engines whisper,pocketsphinx] [--skip-windows] [--skip-streams]
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readWav } from '../src/audio/wav.js';
import type { TimedHypothesis } from '../src/asr/endpointer.js';
import { AsrPool, type AsrStream } from '../src/asr/pool.js';
import { loadWhisperSettings } from '../src/asr/whisper/settings.js';
import { WhisperTranscriber } from '../src/asr/whisper/transcriber.js';
import { machine, percentile, realClips } from './support.js';

const RATE = 16000;
const CHUNK_MS = 20;
const BIN_MS = 100;
const BUDGET_MS = 1000;

const log = (line: string): void => void process.stderr.write(`${line}\n`);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number | null, d = 0): number | null => (x === null || !Number.isFinite(x) ? null : Number(x.toFixed(d)));

/** The real Spanish clips, 0.8 s apart, as one 16 kHz signal (repeated to `seconds`). */
function spanishSpeech(seconds: number): Int16Array {
  const gap = new Int16Array(Math.round(0.8 * RATE));
  const parts: Int16Array[] = [];
  let n = 0;
  while (n < seconds * RATE) {
    for (const file of realClips('es')) {
      const wav = readWav(file);
      if (wav.sampleRateHz !== RATE || wav.channels !== 1) throw new Error(`${file}: expected 16 kHz mono`);
      parts.push(wav.samples, gap);
      n += wav.samples.length + gap.length;
      if (n >= seconds * RATE) break;
    }
  }
  const out = new Int16Array(Math.round(seconds * RATE));
  let off = 0;
  for (const p of parts) {
    if (off >= out.length) break;
    out.set(p.subarray(0, out.length - off), off);
    off += p.length;
  }
  return out;
}

// ---------------------------------------------------------------- 1. windows

async function windows(model: string, lengths: number[], repeats: number, threads: number, tokensPerSecond: number) {
  const rss0 = process.memoryUsage().rss;
  const t0 = performance.now();
  const transcriber = await WhisperTranscriber.load({ ...loadWhisperSettings({}), model, threads, tokensPerSecond });
  const loadMs = performance.now() - t0;
  const rssLoaded = process.memoryUsage().rss;
  let rssPeak = rssLoaded;
  const poll = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 50);
  const speech = spanishSpeech(Math.max(...lengths));
  const rows: {
    windowS: number;
    mel: string;
    featuresMs: number | null;
    generateMs: number | null;
    decodeMs: number | null;
    fastestDecodeMs: number | null;
    cpuMs: number | null;
    tokens: number;
  }[] = [];
  for (const seconds of lengths) {
    const audio = Float32Array.from(speech.subarray(0, seconds * RATE), (s) => s / 32768);
    for (const mel of ['stock', 'trimmed'] as const) {
      const runs: { featuresMs: number; generateMs: number; totalMs: number; cpuMs: number; tokens: number }[] = [];
      for (let i = 0; i <= repeats; i++) {
        // CPU time (all of this process's threads) as well as wall time: on a shared machine the
        // wall time also measures the neighbours.
        const cpu0 = process.cpuUsage();
        const r = await transcriber.transcribe(audio, { language: 'es', mel });
        const cpu = process.cpuUsage(cpu0);
        const cpuMs = (cpu.user + cpu.system) / 1000;
        if (i > 0) runs.push({ featuresMs: r.timing.featuresMs, generateMs: r.timing.generateMs, totalMs: r.timing.featuresMs + r.timing.generateMs, cpuMs, tokens: r.timing.tokens });
      }
      const row = {
        windowS: seconds,
        mel,
        featuresMs: round(median(runs.map((r) => r.featuresMs)), 1),
        generateMs: round(median(runs.map((r) => r.generateMs)), 1),
        decodeMs: round(median(runs.map((r) => r.totalMs)), 1),
        fastestDecodeMs: round(Math.min(...runs.map((r) => r.totalMs)), 1),
        cpuMs: round(median(runs.map((r) => r.cpuMs)), 1),
        tokens: median(runs.map((r) => r.tokens)),
      };
      log(JSON.stringify(row));
      rows.push(row);
    }
  }
  clearInterval(poll);
  await transcriber.dispose();
  const saving = lengths.map((seconds) => {
    const stock = rows.find((r) => r.windowS === seconds && r.mel === 'stock')!;
    const trimmed = rows.find((r) => r.windowS === seconds && r.mel === 'trimmed')!;
    return {
      windowS: seconds,
      featuresSavedMs: round(stock.featuresMs! - trimmed.featuresMs!, 1),
      // Of a whole decode (features + generate; generate does not depend on the mode).
      decodeSavedPercent: round((100 * (stock.featuresMs! - trimmed.featuresMs!)) / (stock.featuresMs! + trimmed.generateMs!), 0),
      cpuSavedMs: round(stock.cpuMs! - trimmed.cpuMs!, 1),
    };
  });
  return {
    model,
    threads,
    loadMs: Math.round(loadMs),
    rssMb: { beforeLoad: Math.round(rss0 / 1e6), afterLoad: Math.round(rssLoaded / 1e6), peakDecoding: Math.round(rssPeak / 1e6) },
    rows,
    paddingSaving: saving,
  };
}

// ---------------------------------------------------------------- 2. streams (one configuration per process)

interface StreamConfig {
  engine: 'whisper' | 'pocketsphinx';
  n: number;
  stepMs: number;
  tokensPerSecond: number;
  seconds: number;
  model: string;
  whisperWorkers: number;
  threads: number;
}

interface Received {
  at: number;
  hyp: TimedHypothesis;
}

/** Feed one stream at real-time pace; returns when each 20 ms chunk was pushed (index = chunk). */
async function feedRealTime(stream: AsrStream, pcm: Int16Array): Promise<number[]> {
  const chunk = (RATE * CHUNK_MS) / 1000;
  const pushedAt: number[] = [];
  const t0 = performance.now();
  for (let k = 0; k * chunk < pcm.length; k++) {
    const wait = t0 + k * CHUNK_MS - performance.now();
    if (wait > 0) await sleep(wait);
    stream.push(pcm.slice(k * chunk, (k + 1) * chunk));
    pushedAt.push(performance.now());
  }
  return pushedAt;
}

/** Wall time at which the audio up to `ms` had been pushed. */
function pushedBy(pushedAt: number[], ms: number): number {
  return pushedAt[Math.min(pushedAt.length - 1, Math.max(0, Math.ceil(ms / CHUNK_MS) - 1))]!;
}

function streamMetrics(received: Received[], pushedAt: number[]) {
  const finals = received.filter((r) => r.hyp.final);
  const partials = received.filter((r) => !r.hyp.final);
  // Speech-to-text: every 100 ms of every utterance, from its last sample being pushed to the first
  // transcript (partial or final) that covers it.
  const speech: number[] = [];
  for (const f of finals) {
    for (let end = f.hyp.startMs + BIN_MS; end <= f.hyp.decodedToMs; end += BIN_MS) {
      const first = received.find((r) => r.hyp.decodedToMs >= end && r.hyp.startMs <= end - BIN_MS);
      if (first) speech.push(first.at - pushedBy(pushedAt, end));
    }
  }
  return {
    speech,
    partial: partials.map((r) => r.at - pushedBy(pushedAt, r.hyp.decodedToMs)),
    final: finals.map((r) => r.at - pushedBy(pushedAt, r.hyp.decodedToMs)),
    partials: partials.length,
    finals: finals.length,
  };
}

function pcts(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: round(percentile(s, 50)), p95: round(percentile(s, 95)), max: round(s.at(-1) ?? null) };
}

async function runStreams(cfg: StreamConfig) {
  if (cfg.engine === 'whisper') {
    process.env.EARSHOT_WHISPER_MODEL = cfg.model;
    process.env.EARSHOT_WHISPER_STEP_MS = String(cfg.stepMs);
    process.env.EARSHOT_WHISPER_MAX_STEP_MS = String(Math.max(4000, cfg.stepMs));
    process.env.EARSHOT_WHISPER_WORKERS = String(cfg.whisperWorkers);
    process.env.EARSHOT_WHISPER_THREADS = String(cfg.threads);
    process.env.EARSHOT_WHISPER_TOKENS_PER_S = String(cfg.tokensPerSecond);
  }
  const rssBase = process.memoryUsage().rss;
  // The server's layout: pocketsphinx on one ASR worker per core; Whisper on its own workers.
  const pool = new AsrPool(cfg.engine === 'pocketsphinx' ? availableParallelism() : 1);
  await pool.ready();
  const speech = spanishSpeech(cfg.seconds);
  const open = (onHyp: (h: TimedHypothesis) => void, onLag: (behind: boolean, droppedMs: number) => void): AsrStream =>
    pool.open(
      { engine: cfg.engine, language: 'es', telephone: false, inputRateHz: RATE },
      { onHypothesis: onHyp, onLag: ({ behind, droppedMs }) => onLag(behind, droppedMs), onError: (code, message) => log(`asr.error ${code}: ${message}`) },
    );
  // Warm-up: models loaded on every worker before the measured run.
  const warm = Array.from({ length: cfg.engine === 'whisper' ? cfg.whisperWorkers : availableParallelism() }, () => open(() => undefined, () => undefined));
  for (const s of warm) s.push(speech.slice(0, 4 * RATE));
  await Promise.all(warm.map((s) => s.finish()));
  const rssIdle = process.memoryUsage().rss;
  let rssPeak = rssIdle;
  const poll = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 250);
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  const results = await Promise.all(
    Array.from({ length: cfg.n }, async (_, i) => {
      await sleep((i * 1000) / cfg.n);
      const received: Received[] = [];
      let behind = false;
      let droppedMs = 0;
      const stream = open(
        (hyp) => received.push({ at: performance.now(), hyp }),
        (b, d) => {
          behind ||= b;
          droppedMs = d;
        },
      );
      const pushedAt = await feedRealTime(stream, speech);
      await stream.finish();
      return { ...streamMetrics(received, pushedAt), behind, droppedMs };
    }),
  );
  const wallS = (performance.now() - wall0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(poll);
  await pool.stop();
  const cpuS = (cpu.user + cpu.system) / 1e6;
  const audioS = cfg.seconds * cfg.n;
  const speechLatency = pcts(results.flatMap((r) => r.speech));
  return {
    engine: cfg.engine,
    ...(cfg.engine === 'whisper'
      ? { model: cfg.model, stepMs: cfg.stepMs, tokensPerSecond: cfg.tokensPerSecond, whisperWorkers: cfg.whisperWorkers, threads: cfg.threads }
      : {}),
    streams: cfg.n,
    seconds: cfg.seconds,
    speechToTextMs: speechLatency,
    partialUpdateMs: pcts(results.flatMap((r) => r.partial)),
    finalMs: pcts(results.flatMap((r) => r.final)),
    partialsPerStreamMinute: round((60 * results.reduce((n, r) => n + r.partials, 0)) / audioS, 1),
    finals: results.reduce((n, r) => n + r.finals, 0),
    streamsBehind: results.filter((r) => r.behind).length,
    droppedMs: results.reduce((n, r) => n + r.droppedMs, 0),
    withinBudget: speechLatency.p95 !== null && speechLatency.p95 <= BUDGET_MS && results.every((r) => r.droppedMs === 0),
    cpuPercent: Math.round((100 * cpuS) / wallS),
    realTimeFactor: round(cpuS / audioS, 3),
    rssMb: { base: Math.round(rssBase / 1e6), modelsLoaded: Math.round(rssIdle / 1e6), peak: Math.round(rssPeak / 1e6), perStream: Math.round((rssPeak - rssIdle) / 1e6 / cfg.n) },
  };
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      model: { type: 'string', default: 'whisper-random-tinydims' },
      windows: { type: 'string', default: '1,2,5,10,15' },
      repeats: { type: 'string', default: '5' },
      n: { type: 'string', default: '1,2,3,4' },
      steps: { type: 'string', default: '500,1000' },
      seconds: { type: 'string', default: '20' },
      'whisper-workers': { type: 'string', default: '1' },
      threads: { type: 'string' },
      // whisper-random-tinydims never ends by itself: it decodes exactly its token budget. Real
      // Whisper stops at the end of the speech, ~3.3 tokens per second of English or Spanish.
      'tokens-per-s': { type: 'string', default: '3.3' },
      engines: { type: 'string', default: 'whisper,pocketsphinx' },
      'skip-windows': { type: 'boolean', default: false },
      'skip-streams': { type: 'boolean', default: false },
      child: { type: 'string' },
    },
  });
  if (values.child) {
    process.stdout.write(`${JSON.stringify(await runStreams(JSON.parse(values.child) as StreamConfig))}\n`);
    return;
  }
  const whisperWorkers = Number(values['whisper-workers']);
  const threads = Number(values.threads ?? Math.max(1, Math.floor(availableParallelism() / whisperWorkers)));
  const tokensPerSecond = Number(values['tokens-per-s']);
  const out: Record<string, unknown> = { benchmark: 'whisper', machine: machine(), at: new Date().toISOString(), budgetMs: BUDGET_MS };
  if (!values['skip-windows']) {
    out.windows = await windows(values.model!, values.windows!.split(',').map(Number), Number(values.repeats), threads, tokensPerSecond);
  }
  if (!values['skip-streams']) {
    const engines = values.engines!.split(',');
    const streams: Record<string, unknown>[] = [];
    for (const n of values.n!.split(',').map(Number)) {
      const configs: StreamConfig[] = [];
      if (engines.includes('pocketsphinx')) configs.push({ engine: 'pocketsphinx', n, stepMs: 0, tokensPerSecond, seconds: Number(values.seconds), model: '', whisperWorkers, threads });
      if (engines.includes('whisper')) {
        for (const stepMs of values.steps!.split(',').map(Number)) {
          configs.push({ engine: 'whisper', n, stepMs, tokensPerSecond, seconds: Number(values.seconds), model: values.model!, whisperWorkers, threads });
        }
      }
      for (const cfg of configs) {
        // Each configuration in a fresh process: RSS and model loads do not carry over.
        const self = fileURLToPath(import.meta.url);
        const text = execFileSync(process.execPath, [...process.execArgv, self, '--child', JSON.stringify(cfg)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
        const row = JSON.parse(text.trim().split('\n').at(-1)!) as Record<string, unknown>;
        log(JSON.stringify(row));
        streams.push(row);
      }
    }
    out.streams = streams;
    const held = (step: number) =>
      Math.max(0, ...streams.filter((r) => r.engine === 'whisper' && r.stepMs === step && r.withinBudget).map((r) => r.streams as number));
    out.capacity = Object.fromEntries(values.steps!.split(',').map((s) => [`whisperStreamsWithinBudget@step${s}ms`, held(Number(s))]));
  }
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
}

void main().catch((err: unknown) => {
  log(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exitCode = 1;
});
