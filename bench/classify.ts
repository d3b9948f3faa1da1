// npm run bench:classify: classify latency per language for partial-length (3-5 words /
// 4-8 characters) and sentence-length text, plus hostile inputs, and memory. Prints JSON.
// Texts are agent lines from the corpus (all splits: latency does not depend on labels).
import { loadDetector, MAX_ANALYSED_CHARS, type DetectLanguage, type DetectInput } from '../src/detect/index.js';
import { loadCorpus } from '../scripts/detect/corpus.js';

const ITER = Number(process.env.BENCH_ITER ?? 20000);

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] as number;
}

interface Timing { p50Ms: number; p99Ms: number; maxMs: number; meanMs: number; cpuP50Ms: number; cpuP99Ms: number }

/** Wall time per call, and CPU time per call (process user+system: what the call itself costs
 *  when the machine is shared and the scheduler takes the core away mid-call). */
function time(fn: () => void, iterations: number): Timing {
  for (let i = 0; i < Math.min(2000, iterations); i++) fn(); // warm-up
  const wall = new Array<number>(iterations);
  const cpu = new Array<number>(iterations);
  for (let i = 0; i < iterations; i++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    fn();
    wall[i] = Number(process.hrtime.bigint() - t0) / 1e6;
    const c = process.cpuUsage(c0);
    cpu[i] = (c.user + c.system) / 1000;
  }
  const mean = wall.reduce((a, b) => a + b, 0) / iterations;
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const r = (x: number): number => Math.round(x * 10000) / 10000;
  return {
    p50Ms: r(percentile(wall, 0.5)), p99Ms: r(percentile(wall, 0.99)), maxMs: r(wall[wall.length - 1] ?? 0), meanMs: r(mean),
    cpuP50Ms: r(percentile(cpu, 0.5)), cpuP99Ms: r(percentile(cpu, 0.99)),
  };
}

function partial(text: string, lang: DetectLanguage, k: number): string {
  if (lang === 'zh') return [...text.replace(/[，。？！、\s]/g, '')].slice(0, 4 + (k % 5)).join('');
  return text.split(/\s+/).slice(0, 3 + (k % 3)).join(' ');
}

async function main(): Promise<void> {
  const rssBefore = process.memoryUsage().rss;
  const t0 = Date.now();
  const det = await loadDetector();
  const loadMs = Date.now() - t0;
  const cpus = (await import('node:os')).cpus().length;
  const load = (await import('node:os')).loadavg().map((x) => +x.toFixed(2));
  const result: Record<string, unknown> = { iterations: ITER, node: process.version, cpus, loadAverageAtStart: load, loadMs };
  const perLang: Record<string, unknown> = {};
  for (const lang of ['en', 'es', 'zh'] as const) {
    const agent = loadCorpus(lang).filter((u) => u.speaker === 'agent');
    if (agent.length === 0) continue;
    const sentences: DetectInput[] = agent.map((u) => ({ text: u.text, lang, speaker: 'agent', rightParty: u.rightParty }));
    const partials: DetectInput[] = agent.map((u, k) => ({ text: partial(u.text, lang, k), lang, speaker: 'agent', rightParty: u.rightParty }));
    const noLang: DetectInput[] = agent.map((u) => ({ text: u.text, speaker: 'agent', rightParty: u.rightParty }));
    let i = 0;
    perLang[lang] = {
      sentence: time(() => { det.classify(sentences[i++ % sentences.length] as DetectInput); }, ITER),
      partial: time(() => { det.classify(partials[i++ % partials.length] as DetectInput); }, ITER),
      sentenceLangAuto: time(() => { det.classify(noLang[i++ % noLang.length] as DetectInput); }, ITER),
      avgSentenceChars: Math.round(sentences.reduce((a, s) => a + s.text.length, 0) / sentences.length),
    };
  }
  result.latency = perLang;
  const normal = 'If you do not pay today you are going to jail, you worthless deadbeat.';
  const hostile: Record<string, string> = {
    normal,
    empty: '',
    oneMegabyte: 'you owe money '.repeat(75_000),
    analysedWindow: 'you owe money '.repeat(Math.ceil(MAX_ANALYSED_CHARS / 14)),
    emojiOnly: '😀🔥💀'.repeat(300),
    controlChars: '\u0000\u0001\u001b[2J\u007f'.repeat(300),
    mixedLanguages: 'you are going to jail 你这个老赖 vas a ir a la cárcel '.repeat(20),
    loneSurrogates: '\uD800x\uDC00y'.repeat(500),
  };
  const h: Record<string, unknown> = {};
  for (const [name, text] of Object.entries(hostile)) {
    h[name] = { chars: text.length, ...time(() => { det.classify({ text, speaker: 'agent' }); }, name === 'oneMegabyte' ? 200 : 2000) };
  }
  result.hostile = h;
  const mem = process.memoryUsage();
  result.memory = {
    rssMiB: +(mem.rss / 2 ** 20).toFixed(1),
    rssBeforeLoadMiB: +(rssBefore / 2 ** 20).toFixed(1),
    heapUsedMiB: +(mem.heapUsed / 2 ** 20).toFixed(1),
    externalMiB: +(mem.external / 2 ** 20).toFixed(1),
    arrayBuffersMiB: +(mem.arrayBuffers / 2 ** 20).toFixed(1),
  };
  console.log(JSON.stringify(result, null, 2));
}

await main();
