/**
 * Alert latency and false alerts, through the whole server (ingest → ASR → detector → policy →
 * agent socket), with two-channel synthetic English calls streamed at real-time pace.
 *
 * - Offending calls: the agent asks for the debtor, the customer confirms, the agent says a lawful
 *   line, then one offending phrase, then another lawful line. Latency = from the last sample of
 *   the offending phrase being sent to the first alert of the expected category about it on the
 *   agent's socket (negative: the alert came while the phrase was still being said).
 * - Lawful calls: the same shape with only lawful lines; every violation alert raised is false
 *   (counted whether or not the final transcript later retracted it: the collector saw it).
 * - Spanish and Mandarin: flite cannot speak them and the engines cannot decode espeak-ng, so
 *   only false alerts over the real (neutral) clips are measured through the server.
 *
 * Prints JSON. Usage: npm run bench:alerts -- [--rates 16000,8000] [--n 1,4,8]
 *   [--policies s2w1,s1w0,s2w0,final] [--lawful 10] [--langs es,zh]; BENCH_DEBUG=1 prints each call's
 *   reply to start and the event types it received (stderr)
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { encodeMulaw } from '../src/audio/codecs.js';
import { readWav, wavBytes } from '../src/audio/wav.js';
import { fliteWav, machine, percentile, realClips, startServer, workDir, openSocket, procUsage } from './support.js';

const RATE = 16_000;
const CHUNK_MS = 20;

const GREETING = 'Hello, this is Sam from Acme Recovery. Am I speaking with Jordan Miller?';
const CONFIRM = 'Yes, this is Jordan.';
const LAWFUL = [
  'This is an attempt to collect a debt and any information obtained will be used for that purpose.',
  'Your balance is four hundred and twenty dollars and it is now ninety days past due.',
  'We can set up a payment plan of fifty dollars a month starting next Friday.',
  'Can you confirm the last four digits of your social security number?',
  'Thank you for your time, you can call us back at eight hundred five five five one two one two.',
  'If you dispute this debt you can send us a letter within thirty days.',
  'The creditor may pursue its legal options if the account stays unpaid.',
  'Nobody is going to arrest you, this is a civil matter.',
  'I understand this is a hard time, what amount could you manage this month?',
  'I can send you a written statement of the balance by mail.',
];
const OFFENDING: { text: string; category: string }[] = [
  { text: 'If you do not pay today a warrant will be issued for your arrest.', category: 'false_legal' },
  { text: 'The police will come to your house and take you to jail.', category: 'false_legal' },
  { text: 'You are a worthless deadbeat and a liar.', category: 'insult' },
  { text: 'We know where you live and we will hurt your family.', category: 'threat' },
  { text: 'We will garnish your wages and seize your car tomorrow.', category: 'false_legal' },
  { text: 'Shut up you stupid idiot and listen to me.', category: 'insult' },
  { text: 'You had better watch your back if you do not pay.', category: 'threat' },
  { text: 'I am calling from the court and you will be arrested.', category: 'false_legal' },
];

const POLICIES: Record<string, Record<string, string>> = {
  s2w1: { EARSHOT_ALERT_STABLE_PARTIALS: '2', EARSHOT_ALERT_SETTLED_WORDS: '1' },
  s1w0: { EARSHOT_ALERT_STABLE_PARTIALS: '1', EARSHOT_ALERT_SETTLED_WORDS: '0' },
  s2w0: { EARSHOT_ALERT_STABLE_PARTIALS: '2', EARSHOT_ALERT_SETTLED_WORDS: '0' },
  s1w1: { EARSHOT_ALERT_STABLE_PARTIALS: '1', EARSHOT_ALERT_SETTLED_WORDS: '1' },
  final: { EARSHOT_ALERT_STABLE_PARTIALS: '0' },
};

function speech(name: string, text: string): Int16Array {
  return readWav(fliteWav(name, text)).samples; // flite: 16 kHz mono
}
const silence = (ms: number) => new Int16Array(Math.round((ms * RATE) / 1000));
const lenMs = (s: Int16Array) => (s.length * 1000) / RATE;

interface Script {
  name: string;
  /** Interleaved stereo (agent, customer) at 16 kHz. */
  stereo: Int16Array;
  /** The offending phrase on the call timeline, when there is one. */
  offending?: { startMs: number; endMs: number; category: string };
}

function buildScript(name: string, agentLines: { text: string; offending?: string }[]): Script {
  const agent: Int16Array[] = [];
  const customer: Int16Array[] = [];
  const push = (a: Int16Array, c: Int16Array) => {
    const n = Math.max(a.length, c.length);
    const pa = new Int16Array(n);
    pa.set(a);
    const pc = new Int16Array(n);
    pc.set(c);
    agent.push(pa);
    customer.push(pc);
  };
  const greet = speech('alert-greeting', GREETING);
  push(greet, new Int16Array(0));
  push(silence(600), new Int16Array(0));
  const conf = speech('alert-confirm', CONFIRM);
  push(new Int16Array(0), conf);
  push(silence(600), new Int16Array(0));
  let offending: Script['offending'];
  agentLines.forEach((line, i) => {
    const s = speech(`alert-${name}-${i}`, line.text);
    const at = agent.reduce((n, a) => n + a.length, 0);
    if (line.offending) offending = { startMs: (at * 1000) / RATE, endMs: (at * 1000) / RATE + lenMs(s), category: line.offending };
    push(s, new Int16Array(0));
    push(silence(800), new Int16Array(0));
  });
  push(silence(2500), new Int16Array(0));
  const a = concat(agent);
  const c = concat(customer);
  const stereo = new Int16Array(a.length * 2);
  for (let i = 0; i < a.length; i++) {
    stereo[2 * i] = a[i]!;
    stereo[2 * i + 1] = c[i]!;
  }
  return { name, stereo, offending };
}

function concat(parts: Int16Array[]): Int16Array {
  const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/** 8 kHz mu-law bytes of a 16 kHz stereo script (sox does the resampling, as a phone network would band-limit). */
function telephoneBytes(script: Script): Uint8Array {
  const wide = join(workDir, `alerts-${script.name}-16k.wav`);
  const narrow = join(workDir, `alerts-${script.name}-8k.wav`);
  writeFileSync(wide, wavBytes({ sampleRateHz: RATE, channels: 2, samples: script.stereo }));
  execFileSync('sox', [wide, '-r', '8000', '-b', '16', '-e', 'signed-integer', narrow]);
  return encodeMulaw(readWav(narrow).samples);
}

interface Received {
  at: number;
  ev: { type: string; category?: string; startMs?: number; endMs?: number; alertId?: string; basis?: string; text?: string; final?: boolean; channel?: string };
}


interface CallAudio {
  bytes: Uint8Array;
  encoding: 'pcm_s16le' | 'mulaw';
  rate: number;
  channels: number;
  language: 'en' | 'es' | 'zh';
}

async function runCall(base: string, audio: CallAudio, tag: string, delayMs: number, maxMs = Infinity): Promise<{ received: Received[]; sentAt: number[] }> {
  await new Promise((r) => setTimeout(r, delayMs));
  const agentId = `bench-${tag}`;
  const callId = `bench-${tag}-${Date.now()}`;
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
  let reply = '';
  const started = new Promise<void>((r) => ws.once('message', (d) => { reply = d.toString(); r(); }));
  ws.send(
    JSON.stringify({
      type: 'start',
      callId,
      agentId,
      language: audio.language,
      encoding: audio.encoding,
      sampleRate: audio.rate,
      channels: audio.channels,
      channelRoles: audio.channels === 2 ? ['agent', 'customer'] : ['agent'],
    }),
  );
  await started;
  const bytesPerChunk = (audio.rate * CHUNK_MS * audio.channels * (audio.encoding === 'mulaw' ? 1 : 2)) / 1000;
  const sentAt: number[] = [];
  const t0 = performance.now();
  const limit = Math.min(audio.bytes.length, Math.floor(maxMs / CHUNK_MS) * bytesPerChunk);
  for (let k = 0; k * bytesPerChunk < limit; k++) {
    const wait = t0 + k * CHUNK_MS - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    ws.send(audio.bytes.subarray(k * bytesPerChunk, Math.min(limit, (k + 1) * bytesPerChunk)));
    sentAt.push(performance.now());
  }
  ws.send(JSON.stringify({ type: 'stop' }));
  await Promise.race([endedP, new Promise((r) => setTimeout(r, 30_000))]);
  events.close();
  ws.close();
  if (process.env.BENCH_DEBUG === 'finals') {
    const lines = received.filter((x) => (x.ev.type === 'transcript' && x.ev.final) || x.ev.type === 'alert' || x.ev.type === 'asr.lag');
    process.stderr.write(`[${tag}]\n${lines.map((x) => `  +${Math.round(x.at - t0)}ms ${x.ev.type} ${JSON.stringify(x.ev).slice(0, 240)}`).join('\n')}\n`);
  } else if (process.env.BENCH_DEBUG) process.stderr.write(`[${tag}] ${reply.slice(0, 200)} ${received.map((x) => x.ev.type).join(',').slice(0, 300)}\n`);
  return { received, sentAt };
}

const encoded = new Map<string, CallAudio>();

/** The call's audio as sent, encoded once per script and rate: encoding while calls start would hold
 * their staggered start timers back, so they would all start (and speak) in the same instant. */
function audioOf(script: Script, rate: number): CallAudio {
  const key = `${script.name}|${rate}`;
  let audio = encoded.get(key);
  if (!audio) encoded.set(key, (audio = encode(script, rate)));
  return audio;
}

function encode(script: Script, rate: number): CallAudio {
  return rate === 8000
    ? { bytes: telephoneBytes(script), encoding: 'mulaw', rate: 8000, channels: 2, language: 'en' }
    : { bytes: new Uint8Array(script.stereo.buffer, script.stereo.byteOffset, script.stereo.byteLength), encoding: 'pcm_s16le', rate: RATE, channels: 2, language: 'en' };
}

const violations = (r: Received[]) => r.filter((x) => x.ev.type === 'alert' && x.ev.category !== 'tone');
const round = (x: number | null) => (x === null ? null : Math.round(x));

/** Every offending script once, N calls at a time (at least one round of N). */
async function offendingRun(base: string, scripts: Script[], rate: number, n: number) {
  const calls: (Awaited<ReturnType<typeof runCall>> & { script: Script })[] = [];
  const rounds = Math.max(1, Math.ceil(scripts.length / n));
  for (let round = 0; round < rounds; round++) {
    const batch = await Promise.all(
      Array.from({ length: n }, (_, i) => {
        const s = scripts[(round * n + i) % scripts.length]!;
        return runCall(base, audioOf(s, rate), `off-${rate}-${n}-${round}-${i}`, (i * 1000) / n).then((r) => ({ ...r, script: s }));
      }),
    );
    calls.push(...batch);
  }
  const latencies: number[] = [];
  let missed = 0;
  const missedDetail: string[] = [];
  let otherAlerts = 0;
  let retracted = 0;
  for (const c of calls) {
    const o = c.script.offending!;
    const about = violations(c.received).filter((x) => x.ev.startMs! <= o.endMs + 1000 && x.ev.endMs! >= o.startMs - 1000);
    const hit = about.find((x) => x.ev.category === o.category);
    retracted += c.received.filter((x) => x.ev.type === 'alert.retracted').length;
    otherAlerts += violations(c.received).filter((x) => !about.includes(x)).length;
    if (!hit) {
      missed++;
      const heard = c.received.filter((x) => x.ev.type === 'transcript' && x.ev.final && x.ev.channel === 'agent' && x.ev.endMs! > o.startMs && x.ev.startMs! < o.endMs);
      missedDetail.push(`${o.category}: heard "${heard.map((x) => x.ev.text).join(' | ')}"${about.length ? `, alerted ${about.map((x) => x.ev.category).join(',')}` : ''}`);
      continue;
    }
    const k = Math.min(c.sentAt.length - 1, Math.max(0, Math.floor((o.endMs - 1) / CHUNK_MS)));
    latencies.push(hit.at - c.sentAt[k]!);
  }
  latencies.sort((a, b) => a - b);
  return {
    concurrent: n,
    calls: calls.length,
    lagEvents: calls.reduce((k, c) => k + c.received.filter((x) => x.ev.type === 'asr.lag' && (x.ev as { behind?: boolean }).behind).length, 0),
    alerted: latencies.length,
    missed,
    latencyMs: { p50: round(percentile(latencies, 50)), p95: round(percentile(latencies, 95)), p99: round(percentile(latencies, 99)), max: round(latencies.at(-1) ?? null) },
    alertsOutsideThePhrase: otherAlerts,
    retractions: retracted,
    missedDetail,
  };
}

async function lawfulRun(base: string, scripts: Script[], rate: number) {
  const per: { name: string; alerts: string[]; retracted: number }[] = [];
  // Two at a time: false alerts do not depend on load, and this keeps the run short.
  for (let i = 0; i < scripts.length; i += 2) {
    const batch = scripts.slice(i, i + 2);
    const results = await Promise.all(batch.map((s, j) => runCall(base, audioOf(s, rate), `lawful-${rate}-${i + j}`, j * 500)));
    results.forEach((r, j) =>
      per.push({
        name: batch[j]!.name,
        alerts: violations(r.received).map((x) => `${x.ev.category}:${x.ev.basis}:"${x.ev.text}"`),
        retracted: r.received.filter((x) => x.ev.type === 'alert.retracted').length,
      }),
    );
  }
  const raised = per.reduce((s, p) => s + p.alerts.length, 0);
  const retracted = per.reduce((s, p) => s + p.retracted, 0);
  return { calls: per.length, falseAlerts: raised, falseAlertsStanding: raised - retracted, perTenCalls: Number(((raised * 10) / per.length).toFixed(2)), detail: per.filter((p) => p.alerts.length) };
}

async function realClipsRun(base: string, lang: 'es' | 'zh') {
  const clips = realClips(lang);
  let alerts: string[] = [];
  let finals = 0;
  for (let i = 0; i < clips.length; i += 4) {
    const batch = clips.slice(i, i + 4);
    const results = await Promise.all(
      batch.map((f, j) => {
        const a = readWav(f);
        const samples = a.channels === 1 ? a.samples : a.samples.filter((_, k) => k % a.channels === 0);
        return runCall(base, { bytes: new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength), encoding: 'pcm_s16le', rate: a.sampleRateHz, channels: 1, language: lang }, `${lang}-${i + j}`, j * 200);
      }),
    );
    for (const r of results) {
      alerts = alerts.concat(violations(r.received).map((x) => `${x.ev.category}:"${x.ev.text}"`));
      finals += r.received.filter((x) => x.ev.type === 'transcript' && x.ev.final).length;
    }
  }
  return { language: lang, clips: clips.length, finals, falseAlerts: alerts.length, detail: alerts };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rates: { type: 'string', default: '16000,8000' },
      n: { type: 'string', default: '1,4,8' },
      policies: { type: 'string', default: 's2w1' },
      lawful: { type: 'string', default: '10' },
      langs: { type: 'string', default: 'es,zh' },
      port: { type: 'string', default: '18951' },
      warm: { type: 'string', default: 'offending' },
    },
  });
  const offendingScripts = OFFENDING.map((o, i) =>
    buildScript(`off${i}`, [{ text: LAWFUL[i % LAWFUL.length]! }, { text: o.text, offending: o.category }, { text: LAWFUL[(i + 3) % LAWFUL.length]! }]),
  );
  const lawfulScripts = Array.from({ length: Number(values.lawful) }, (_, i) =>
    buildScript(`lawful${i}`, [0, 1, 2].map((k) => ({ text: LAWFUL[(i * 3 + k) % LAWFUL.length]! }))),
  );
  const results: Record<string, unknown>[] = [];
  for (const policy of values.policies!.split(',')) {
    const env = POLICIES[policy];
    if (!env) throw new Error(`unknown policy ${policy}; use ${Object.keys(POLICIES).join(',')}`);
    for (const rate of values.rates!.split(',').map(Number)) {
      for (const s of [...offendingScripts, ...lawfulScripts]) audioOf(s, rate);
      const server = await startServer(Number(values.port), env);
      const base = server.url.replace('http', 'ws');
      for (const n of values.n!.split(',').map(Number)) {
        // Warm: N calls open their decoders first, as on a server that has been up a while
        // (a decoder's first load stalls its worker ~0.5 s; later calls reuse it).
        if (values.warm === 'lawful2') await Promise.all([0, 1].map((i) => runCall(base, audioOf(lawfulScripts[0] ?? offendingScripts[0]!, rate), `warm-${n}-${i}`, 0)));
        else await Promise.all(Array.from({ length: n }, (_, i) => runCall(base, audioOf(offendingScripts[0]!, rate), `warm-${n}-${i}`, 0, 3000)));
        const before = { server: procUsage(server.pid).cpuS, bench: process.cpuUsage(), at: performance.now() };
        const run = await offendingRun(base, offendingScripts, rate, n);
        const wallS = (performance.now() - before.at) / 1000;
        const benchCpu = process.cpuUsage(before.bench);
        const cpu = {
          serverCpuPercent: Math.round(((procUsage(server.pid).cpuS - before.server) / wallS) * 100),
          benchClientCpuPercent: Math.round(((benchCpu.user + benchCpu.system) / 1e6 / wallS) * 100),
        };
        const r = { policy, rate, kind: 'offending', ...run, ...cpu };
        process.stderr.write(`${JSON.stringify(r)}\n`);
        results.push(r);
      }
      if (Number(values.lawful) > 0) {
        const r = { policy, rate, kind: 'lawful', ...(await lawfulRun(base, lawfulScripts, rate)) };
        process.stderr.write(`${JSON.stringify(r)}\n`);
        results.push(r);
      }
      await server.stop();
    }
  }
  const langs = values.langs ? values.langs.split(',').filter((l): l is 'es' | 'zh' => l === 'es' || l === 'zh') : [];
  if (langs.length) {
    const server = await startServer(Number(values.port));
    const base = server.url.replace('http', 'ws');
    for (const lang of langs) {
      const r = { kind: 'real-clips', ...(await realClipsRun(base, lang)) };
      process.stderr.write(`${JSON.stringify(r)}\n`);
      results.push(r);
    }
    await server.stop();
  }
  process.stdout.write(JSON.stringify({ benchmark: 'alerts', machine: machine(), at: new Date().toISOString(), results }, null, 2) + '\n');
}

void main();
