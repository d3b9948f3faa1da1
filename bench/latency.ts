/**
 * Word latency under load: N concurrent calls streamed at real-time pace into a server process.
 * For every word of every final transcript, the time from its last sample being sent to the
 * first transcript event (partial or final) on the agent's socket that contains it.
 * Prints JSON. Usage: npm run bench:latency -- [--configs en16,en8,es,zh] [--n 1,4,8,12,16] [--seconds 30] [--no-warmup]
 */
import { parseArgs } from 'node:util';
import { readWav } from '../src/audio/wav.js';
import { concatWav, fliteWav, machine, percentile, procUsage, realClips, startServer, openSocket } from './support.js';

const AGENT_LINES = [
  'Good morning, this is Sam from Acme Recovery, may I speak with Jordan Miller please.',
  'This is an attempt to collect a debt and any information obtained will be used for that purpose.',
  'Your balance is four hundred and twenty dollars and it is now ninety days past due.',
  'If you do not pay today a warrant will be issued for your arrest.',
  'We can set up a payment plan of fifty dollars a month starting next Friday.',
  'The police will come to your house and we will tell your employer about this debt.',
  'Can you confirm the last four digits of your social security number.',
  'Thank you for your time, you can call us back at eight hundred five five five one two one two.',
];

interface Config {
  name: string;
  encoding: 'pcm_s16le' | 'mulaw';
  language: 'en' | 'es' | 'zh';
  file: string;
}

function buildConfigs(names: string[]): Config[] {
  const en = AGENT_LINES.map((t, i) => fliteWav(`agent-line-${i}`, t));
  const all: Record<string, () => Config> = {
    en16: () => ({ name: 'en16', encoding: 'pcm_s16le', language: 'en', file: concatWav('call-en16', en, 0.8, 16000, 'signed-integer') }),
    en8: () => ({ name: 'en8', encoding: 'mulaw', language: 'en', file: concatWav('call-en8', en, 0.8, 8000, 'u-law') }),
    es: () => ({ name: 'es', encoding: 'pcm_s16le', language: 'es', file: concatWav('call-es', realClips('es'), 0.8, 16000, 'signed-integer') }),
    zh: () => ({ name: 'zh', encoding: 'pcm_s16le', language: 'zh', file: concatWav('call-zh', realClips('zh'), 0.8, 16000, 'signed-integer') }),
  };
  return names.map((n) => {
    const make = all[n];
    if (!make) throw new Error(`unknown config ${n}; use ${Object.keys(all).join(',')}`);
    return make();
  });
}

interface Received {
  at: number;
  ev: { type: string; final?: boolean; text?: string; startMs?: number; endMs?: number; behind?: boolean; words?: { word: string; endMs: number }[] };
}

const CHUNK_MS = 20;


async function runCall(base: string, cfg: Config, bytes: Uint8Array, rate: number, index: number, delayMs: number, seconds: number) {
  await new Promise((r) => setTimeout(r, delayMs));
  const agentId = `bench-agent-${index}`;
  const callId = `bench-${cfg.name}-${index}-${Date.now()}`;
  const events = await openSocket(`${base}/v1/agents/${agentId}/events`);
  const received: Received[] = [];
  let ended!: () => void;
  const endedP = new Promise<void>((r) => (ended = r));
  events.on('message', (d) => {
    const ev = JSON.parse(d.toString()) as Received['ev'];
    received.push({ at: performance.now(), ev });
    if (ev.type === 'call.ended') ended();
  });
  const ws = await openSocket(`${base}/v1/ingest`);
  const started = new Promise<void>((r) => ws.once('message', () => r()));
  ws.send(JSON.stringify({ type: 'start', callId, agentId, language: cfg.language, encoding: cfg.encoding, sampleRate: rate, channels: 1 }));
  await started;
  const bytesPerChunk = (rate * CHUNK_MS * (cfg.encoding === 'mulaw' ? 1 : 2)) / 1000;
  const limit = Math.min(bytes.length, Math.round((seconds * 1000 * bytesPerChunk) / CHUNK_MS));
  const sentAt: number[] = [];
  const t0 = performance.now();
  for (let k = 0; k * bytesPerChunk < limit; k++) {
    const wait = t0 + k * CHUNK_MS - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    ws.send(bytes.subarray(k * bytesPerChunk, Math.min(limit, (k + 1) * bytesPerChunk)));
    sentAt.push(performance.now());
  }
  ws.send(JSON.stringify({ type: 'stop' }));
  await Promise.race([endedP, new Promise((r) => setTimeout(r, 30_000))]);
  events.close();
  ws.close();
  return { received, sentAt, audioMs: (limit / bytesPerChunk) * CHUNK_MS };
}

/** Latency of every word of every final: first event whose i-th word is that word. */
function wordLatencies(received: Received[], sentAt: number[]): number[] {
  const out: number[] = [];
  const transcripts = received.filter((r) => r.ev.type === 'transcript');
  for (const fin of transcripts.filter((r) => r.ev.final)) {
    const sameUtterance = transcripts.filter((r) => r.ev.startMs === fin.ev.startMs && r.at <= fin.at);
    (fin.ev.words ?? []).forEach((w, i) => {
      const first = sameUtterance.find((r) => (r.ev.text ?? '').split(' ')[i] === w.word);
      const k = Math.min(sentAt.length - 1, Math.max(0, Math.floor((w.endMs - 1) / CHUNK_MS)));
      if (first) out.push(first.at - sentAt[k]!);
    });
  }
  return out;
}

async function runLoad(cfg: Config, n: number, port: number, seconds: number, warmup: boolean) {
  const server = await startServer(port);
  const audio = readWav(cfg.file);
  const rate = audio.sampleRateHz;
  const bytes =
    cfg.encoding === 'mulaw'
      ? new Uint8Array((await import('../src/audio/codecs.js')).encodeMulaw(audio.samples))
      : new Uint8Array(audio.samples.buffer);
  const base = server.url.replace('http', 'ws');
  const before = procUsage(server.pid); // no call yet: no decoder loaded
  // Steady state, as a server that has been up a while: N short calls first, so each worker has
  // loaded its decoders (later calls reuse them); the cold start is what --no-warmup measures.
  if (warmup) await Promise.all(Array.from({ length: n }, (_, i) => runCall(base, cfg, bytes, rate, 100 + i, 0, 2)));
  const idle = procUsage(server.pid);
  let peakRss = idle.rssMb;
  const poll = setInterval(() => (peakRss = Math.max(peakRss, procUsage(server.pid).rssMb)), 250);
  const wall0 = performance.now();
  const calls = await Promise.all(Array.from({ length: n }, (_, i) => runCall(base, cfg, bytes, rate, i, (i * 1000) / n, seconds)));
  const wallS = (performance.now() - wall0) / 1000;
  clearInterval(poll);
  const used = procUsage(server.pid);
  const metrics = await (await fetch(`${server.url}/metrics`)).text();
  await server.stop();
  const lat = calls.flatMap((c) => wordLatencies(c.received, c.sentAt)).sort((a, b) => a - b);
  const audioS = calls.reduce((s, c) => s + c.audioMs / 1000, 0);
  const lagEvents = calls.reduce((s, c) => s + c.received.filter((r) => r.ev.type === 'asr.lag' && r.ev.behind).length, 0);
  const finals = calls.reduce((s, c) => s + c.received.filter((r) => r.ev.type === 'transcript' && r.ev.final).length, 0);
  const round = (x: number | null) => (x === null ? null : Math.round(x));
  return {
    config: cfg.name,
    calls: n,
    warm: warmup,
    words: lat.length,
    finals,
    latencyMs: { p50: round(percentile(lat, 50)), p95: round(percentile(lat, 95)), p99: round(percentile(lat, 99)), max: round(lat[lat.length - 1] ?? null) },
    callsFallingBehind: lagEvents,
    serverCpuPercent: Math.round(((used.cpuS - idle.cpuS) / wallS) * 100),
    realTimeFactor: Number(((used.cpuS - idle.cpuS) / audioS).toFixed(3)),
    engineRtfGauge: Number(/earshot_asr_real_time_factor\{engine="pocketsphinx"\} ([\d.e-]+)/.exec(metrics)?.[1] ?? NaN),
    rssMb: { noCalls: Math.round(before.rssMb), peak: Math.round(peakRss), perChannel: n ? Math.round((peakRss - before.rssMb) / n) : null },
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      configs: { type: 'string', default: 'en16,en8,es,zh' },
      n: { type: 'string', default: '1,4,8,12,16' },
      seconds: { type: 'string', default: '30' },
      port: { type: 'string', default: '18931' },
      'no-warmup': { type: 'boolean', default: false },
    },
  });
  const configs = buildConfigs(values.configs!.split(','));
  const ns = values.n!.split(',').map(Number);
  const results = [];
  for (const cfg of configs) {
    for (const n of ns) {
      const r = await runLoad(cfg, n, Number(values.port), Number(values.seconds), !values['no-warmup']);
      process.stderr.write(`${JSON.stringify(r)}\n`);
      results.push(r);
    }
  }
  process.stdout.write(JSON.stringify({ benchmark: 'latency', machine: machine(), at: new Date().toISOString(), results }, null, 2) + '\n');
}

void main();
