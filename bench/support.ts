import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { repoRoot } from '../src/paths.js';

export const sharedDir = join(repoRoot, '..', 'shared');
export const workDir = join(repoRoot, '.tmp', 'bench');

/** Synthesise English speech with flite (16 kHz), optionally through sox to 8 kHz mu-law. */
export function fliteWav(name: string, text: string, telephone = false): string {
  mkdirSync(workDir, { recursive: true });
  const wide = join(workDir, `${name}.wav`);
  if (!existsSync(wide)) execFileSync('flite', ['-voice', 'slt', '-t', text, '-o', wide]);
  if (!telephone) return wide;
  const narrow = join(workDir, `${name}-8k-mulaw.wav`);
  if (!existsSync(narrow)) execFileSync('sox', [wide, '-r', '8000', '-e', 'u-law', narrow]);
  return narrow;
}

/** Concatenate WAVs with a pause between them (sox), resampled to one format. */
export function concatWav(name: string, files: string[], pauseS: number, rate: number, encoding: 'signed-integer' | 'u-law'): string {
  const out = join(workDir, `${name}.wav`);
  if (existsSync(out)) return out;
  const parts: string[] = [];
  files.forEach((f, i) => {
    const p = join(workDir, `${name}-part${i}.wav`);
    execFileSync('sox', [f, '-r', String(rate), '-c', '1', '-b', encoding === 'u-law' ? '8' : '16', '-e', encoding, p, 'pad', '0', String(pauseS)]);
    parts.push(p);
  });
  execFileSync('sox', [...parts, out]);
  return out;
}

export function realClips(lang: 'es' | 'zh'): string[] {
  if (lang === 'zh') return readdirSync(join(sharedDir, 'audio', 'zh')).filter((f) => f.endsWith('.wav')).sort().map((f) => join(sharedDir, 'audio', 'zh', f));
  const dir = join(sharedDir, 'audio', 'es', 'voxforge-AbdielNavarro');
  const found: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith('.wav')) found.push(join(d, e.name));
    }
  };
  walk(dir);
  return found.sort();
}

export interface ServerProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Extra node flags for the server process, e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof". */
const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);

/** Start the built server as its own process, as deployed. */
export async function startServer(port: number, env: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  // A server left on the port (a killed run) would answer instead, maybe already shutting down.
  const stale = await fetch(`http://127.0.0.1:${port}/healthz`).then(() => true, () => false);
  if (stale) throw new Error(`port ${port} already has a server on it: stop it, or pass another --port`);
  const child = spawn(process.execPath, [...nodeArgs, join(repoRoot, 'dist', 'src', 'cli.js'), 'serve'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', EARSHOT_DATA_DIR: join(workDir, 'data'), ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    pid: child.pid!,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** CPU seconds (user+system) and RSS of a process, from /proc. */
export function procUsage(pid: number): { cpuS: number; rssMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return { cpuS: ticks / 100, rssMb: rss / 1024 };
}

export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function machine(): Record<string, unknown> {
  const cpu = readFileSync('/proc/cpuinfo', 'utf8');
  return {
    cpu: /model name\s*:\s*(.*)/.exec(cpu)?.[1] ?? 'unknown',
    cores: (cpu.match(/^processor/gm) ?? []).length,
    memGb: Math.round(Number(/MemTotal:\s+(\d+)/.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1] ?? 0) / 1048576),
    node: process.version,
  };
}

/** A WebSocket once it is open. */
export function openSocket(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}
