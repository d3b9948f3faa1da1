/**
 * Dashboard responsiveness: the supervisor page (/live) in Chromium while N live calls send
 * events at a realistic rate, one call opened (its transcript rendering live).
 *
 * Load, per call: both channels speak in turns of 4–14 words, a partial every 200 ms per
 * speaking channel (a word more each time), a final with word times at the end of each turn,
 * 0.4–1.5 s pauses; a risk update every ~2 s; alerts across all calls at --alerts per second,
 * one in ten retracted a second later; now and then an asr.lag. Published on the server's bus,
 * so they travel the real path: bus → JSON → WebSocket → page.
 *
 * Measured in the page (instrumentation injected before the page's own script):
 * - frame gaps: requestAnimationFrame deltas (16.7 ms at 60 Hz; a long gap is a visible stall);
 * - long tasks: PerformanceObserver 'longtask' entries (main-thread tasks over 50 ms);
 * - main-thread busy share: CDP Performance.getMetrics TaskDuration over the window;
 * - event-to-DOM delay: alerts and the open call's finals carry a marker; a MutationObserver
 *   notes when each marker's text is in the DOM; delay = that time − the time it was published.
 *
 * Prints JSON. Usage: npm run bench:dashboard -- [--calls 50] [--seconds 30] [--warmup 5] [--alerts 2] [--cpu-slowdown 1]
 * (--cpu-slowdown N: Chromium's CPU throttling, the page on an N times slower desktop).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { buildWeb } from '../scripts/build-web.js';
import { loadConfig } from '../src/config.js';
import type { CallEvent } from '../src/events/types.js';
import { buildServer } from '../src/server/app.js';
import { machine, percentile } from './support.js';

const { values: args } = parseArgs({
  options: {
    calls: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '5' },
    alerts: { type: 'string', default: '2' },
    'cpu-slowdown': { type: 'string', default: '1' },
  },
});
const CALLS = Number(args.calls);
const SECONDS = Number(args.seconds);
const WARMUP_S = Number(args.warmup);
const ALERTS_PER_S = Number(args.alerts);
const CPU_SLOWDOWN = Number(args['cpu-slowdown']);
const PARTIAL_EVERY_MS = 200;
const TICK_MS = 20;

const VOCAB = (
  'the balance on your account is past due we can set up a payment plan today could you confirm your date of birth ' +
  'i understand this is difficult what amount could you manage this month i lost my job and cannot pay right now ' +
  'please send me the letter again i will call back tomorrow the creditor may pursue its legal options'
).split(' ');
const CATEGORIES = ['threat', 'insult', 'false_legal', 'third_party_disclosure', 'tone'] as const;

const INSTRUMENT = `
(() => {
  const b = (window.__bench = { measuring: false, frames: [], longTasks: [], seen: {} });
  let last = performance.now();
  const tick = (t) => { if (b.measuring) b.frames.push(t - last); last = t; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (b.measuring) b.longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
  } catch {}
  const scan = (text, now) => {
    if (!text || text.indexOf('#') < 0) return;
    const re = /#([PT]\\d+)/g;
    let m;
    while ((m = re.exec(text))) if (!(m[1] in b.seen)) b.seen[m[1]] = now;
  };
  const start = () => new MutationObserver((muts) => {
    const now = performance.timeOrigin + performance.now();
    for (const m of muts) {
      if (m.type === 'characterData') scan(m.target.data, now);
      else for (const n of m.addedNodes) scan(n.textContent, now);
    }
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
  if (document.body) start(); else addEventListener('DOMContentLoaded', start);
})();
`;

interface Turn {
  words: string[];
  said: number;
  startMs: number;
  nextAt: number;
}

interface SimCall {
  callId: string;
  agentId: string;
  startedAt: number;
  risk: number;
  nextRiskAt: number;
  turns: Record<'agent' | 'customer', Turn | { pauseUntil: number }>;
}

const rand = (a: number, b: number): number => a + Math.random() * (b - a);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)] as T;

function stats(xs: number[]): { n: number; p50: number | null; p95: number | null; p99: number | null; max: number | null } {
  const s = [...xs].sort((a, b) => a - b);
  const r = (v: number | null): number | null => (v === null ? null : Math.round(v * 10) / 10);
  return { n: s.length, p50: r(percentile(s, 50)), p95: r(percentile(s, 95)), p99: r(percentile(s, 99)), max: r(s.at(-1) ?? null) };
}

async function main(): Promise<void> {
  await buildWeb();
  const dataDir = mkdtempSync(join(tmpdir(), 'earshot-dash-'));
  const server = await buildServer({ ...loadConfig({}), port: 0, logLevel: 'silent', asrWorkers: 1, dataDir });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = server.app.server.address();
  if (!addr || typeof addr === 'string') throw new Error('no address');
  const base = `http://127.0.0.1:${addr.port}`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const counts: Record<string, number> = {};
  const published = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript(INSTRUMENT);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    if (CPU_SLOWDOWN > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(`${base}/live`);
    await page.locator('.conn[data-state="open"]').waitFor({ timeout: 15_000 });

    const send = (e: CallEvent): void => {
      counts[e.type] = (counts[e.type] ?? 0) + 1;
      server.bus.publish(e);
    };
    const t0 = Date.now();
    const calls: SimCall[] = Array.from({ length: CALLS }, (_, i) => ({
      callId: `dash-${i}`,
      agentId: `agent-${String(i).padStart(2, '0')}`,
      startedAt: t0 - Math.round(rand(0, 600_000)),
      risk: Math.round(rand(0, 30)),
      nextRiskAt: t0 + rand(0, 2000),
      turns: { agent: { pauseUntil: t0 + rand(0, 1500) }, customer: { pauseUntil: t0 + rand(0, 3000) } },
    }));
    for (const c of calls) send({ type: 'call.started', callId: c.callId, agentId: c.agentId, language: 'en', startedAt: new Date(c.startedAt).toISOString() });
    await page.waitForFunction((n) => document.querySelectorAll('tr.row').length === n, CALLS, { timeout: 15_000 });

    // The supervisor opens one call and follows it.
    const watched = calls[0]!;
    await page.locator(`tr[data-call-id="${watched.callId}"] button.row-open`).click();
    await page.locator(`.detail[data-call-id="${watched.callId}"]`).waitFor();

    let probe = 0;
    let nextAlertAt = t0 + 1000 / ALERTS_PER_S;
    const retractions: { at: number; call: SimCall; alertId: string }[] = [];
    const step = (): void => {
      const now = Date.now();
      const ms = now - t0;
      for (const c of calls) {
        for (const channel of ['agent', 'customer'] as const) {
          const st = c.turns[channel];
          if ('pauseUntil' in st) {
            if (now >= st.pauseUntil) {
              const n = Math.round(rand(4, 14));
              c.turns[channel] = { words: Array.from({ length: n }, () => pick(VOCAB)), said: 0, startMs: ms, nextAt: now };
            }
            continue;
          }
          if (now < st.nextAt) continue;
          st.said++;
          st.nextAt = now + PARTIAL_EVERY_MS;
          const endMs = st.startMs + st.said * PARTIAL_EVERY_MS;
          if (st.said < st.words.length) {
            send({ type: 'transcript', callId: c.callId, agentId: c.agentId, channel, final: false, text: st.words.slice(0, st.said).join(' '), startMs: st.startMs, endMs });
            continue;
          }
          let text = st.words.join(' ');
          if (c === watched) {
            const id = `T${++probe}`;
            text += ` #${id}`;
            published.set(id, Date.now());
          }
          const words = st.words.map((word, i) => ({ word, startMs: st.startMs + i * PARTIAL_EVERY_MS, endMs: st.startMs + (i + 1) * PARTIAL_EVERY_MS - 20 }));
          send({ type: 'transcript', callId: c.callId, agentId: c.agentId, channel, final: true, text, startMs: st.startMs, endMs, words });
          c.turns[channel] = { pauseUntil: now + rand(400, 1500) };
        }
        if (now >= c.nextRiskAt) {
          c.risk = Math.max(0, Math.min(100, c.risk + Math.round(rand(-6, 6))));
          c.nextRiskAt = now + rand(1500, 2500);
          send({ type: 'call.risk', callId: c.callId, agentId: c.agentId, score: c.risk });
        }
      }
      while (now >= nextAlertAt) {
        nextAlertAt += 1000 / ALERTS_PER_S;
        const c = pick(calls);
        const id = `P${++probe}`;
        const alertId = `${c.callId}-${id}`;
        const category = pick(CATEGORIES);
        published.set(id, Date.now());
        send({
          type: 'alert', alertId, callId: c.callId, agentId: c.agentId, category, severity: category === 'tone' ? 'warning' : 'critical',
          text: `${pick(VOCAB)} ${pick(VOCAB)} #${id}`, startMs: ms, endMs: ms + 800, rule: `en.${category}.bench`, explanation: 'bench',
          citation: 'bench', emittedAt: new Date().toISOString(),
        });
        c.risk = Math.min(100, c.risk + 15);
        send({ type: 'call.risk', callId: c.callId, agentId: c.agentId, score: c.risk });
        if (Math.random() < 0.1) retractions.push({ at: now + 1000, call: c, alertId });
      }
      while (retractions.length && retractions[0]!.at <= now) {
        const r = retractions.shift()!;
        send({ type: 'alert.retracted', alertId: r.alertId, callId: r.call.callId, agentId: r.call.agentId });
      }
      if (Math.random() < TICK_MS / 10_000) {
        const c = pick(calls);
        send({ type: 'asr.lag', callId: c.callId, agentId: c.agentId, channel: 'customer', behind: Math.random() < 0.5, backlogMs: 1200, droppedMs: 0 });
      }
    };
    timer = setInterval(step, TICK_MS);

    await new Promise((r) => setTimeout(r, WARMUP_S * 1000));
    const before = { ...counts };
    const metricsBefore = await cdp.send('Performance.getMetrics');
    const measureStart = Date.now();
    const loadBefore = loadavg()[0]!;
    await page.evaluate(() => ((window as unknown as { __bench: { measuring: boolean } }).__bench.measuring = true));
    await new Promise((r) => setTimeout(r, SECONDS * 1000));
    await page.evaluate(() => ((window as unknown as { __bench: { measuring: boolean } }).__bench.measuring = false));
    const measuredMs = Date.now() - measureStart;
    // The machine's 1-minute load average: other work on these cores shows up in every figure.
    const loadAfter = loadavg()[0]!;
    const metricsAfter = await cdp.send('Performance.getMetrics');
    clearInterval(timer);
    timer = undefined;
    // Let the last markers land before reading what the page saw.
    await new Promise((r) => setTimeout(r, 1000));

    const bench = (await page.evaluate('window.__bench')) as { frames: number[]; longTasks: number[]; seen: Record<string, number> };
    const metric = (m: { metrics: { name: string; value: number }[] }, name: string): number => m.metrics.find((x) => x.name === name)?.value ?? 0;
    const busy = (metric(metricsAfter, 'TaskDuration') - metric(metricsBefore, 'TaskDuration')) / (measuredMs / 1000);
    const script = (metric(metricsAfter, 'ScriptDuration') - metric(metricsBefore, 'ScriptDuration')) / (measuredMs / 1000);
    const layout =
      (metric(metricsAfter, 'LayoutDuration') + metric(metricsAfter, 'RecalcStyleDuration') - metric(metricsBefore, 'LayoutDuration') - metric(metricsBefore, 'RecalcStyleDuration')) /
      (measuredMs / 1000);
    const alertDelays: number[] = [];
    const transcriptDelays: number[] = [];
    let missed = 0;
    for (const [id, at] of published) {
      const seen = bench.seen[id];
      if (seen === undefined) {
        missed++;
        continue;
      }
      (id.startsWith('P') ? alertDelays : transcriptDelays).push(seen - at);
    }
    const inWindow: Record<string, number> = {};
    for (const [k, v] of Object.entries(counts)) inWindow[k] = v - (before[k] ?? 0);
    const totalInWindow = Object.values(inWindow).reduce((a, b) => a + b, 0);
    const frames = bench.frames;
    const rows = await page.locator('tr.row').count();
    console.log(
      JSON.stringify(
        {
          bench: 'dashboard',
          machine: { ...machine(), chromium: browser.version(), headless: true, loadAvg1m: [loadBefore, loadAfter].map((l) => Math.round(l * 100) / 100) },
          calls: CALLS,
          cpuSlowdown: CPU_SLOWDOWN,
          measuredS: Math.round(measuredMs / 100) / 10,
          rowsShown: rows,
          events: { perSecond: Math.round(totalInWindow / (measuredMs / 1000)), byType: inWindow },
          frames: {
            count: frames.length,
            fps: Math.round((frames.length / (measuredMs / 1000)) * 10) / 10,
            gapMs: stats(frames),
            over50ms: frames.filter((f) => f > 50).length,
            over100ms: frames.filter((f) => f > 100).length,
          },
          longTasks: { count: bench.longTasks.length, totalMs: Math.round(bench.longTasks.reduce((a, b) => a + b, 0)), maxMs: Math.round(Math.max(0, ...bench.longTasks)) },
          mainThread: { busyShare: Math.round(busy * 1000) / 1000, scriptShare: Math.round(script * 1000) / 1000, styleLayoutShare: Math.round(layout * 1000) / 1000 },
          eventToDomMs: { alertInList: stats(alertDelays), finalInOpenCall: stats(transcriptDelays), markersNeverShown: missed },
        },
        null,
        2,
      ),
    );
  } finally {
    if (timer) clearInterval(timer);
    await browser.close().catch(() => undefined);
    await server.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
