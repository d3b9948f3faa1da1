/**
 * Crash safety of the embedded store: a child process writes to SQLite and is killed with
 * SIGKILL mid-stream; reopened, the store must hold every write the child saw acknowledged.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/paths.js';
import { openStore } from '../../src/store/index.js';

const WRITER = join(repoRoot, 'test', 'store', 'fixtures', 'crash-writer.ts');

describe('SQLite store crash safety', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('keeps every acknowledged write after kill -9', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'earshot-crash-'));
    dirs.push(dir);
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dir], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    const acks: string[] = [];
    let stderr = '';
    let buffered = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    await new Promise<void>((resolve, reject) => {
      child.on('exit', () => reject(new Error(`writer exited early: ${stderr}`)));
      child.stdout.on('data', (d: Buffer) => {
        buffered += d.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        acks.push(...lines);
        // Kill once it is well into its stream, at whatever point it happens to be.
        if (acks.length >= 600) {
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    const { signal } = await exited;
    expect(signal).toBe('SIGKILL');
    // Lines that arrived after the kill decision were acknowledged too: take them all.
    acks.push(...buffered.split('\n').filter(Boolean));

    const store = await openStore({ dataDir: dir, databaseUrl: '' });
    try {
      const call = await store.getCall('crash-call');
      expect(call).not.toBeNull();
      const texts = new Set(call?.utterances.map((u) => u.text));
      const alerts = new Set(call?.alerts.map((a) => a.alertId));
      let checked = 0;
      for (const line of acks) {
        const [, kind, ...rest] = line.split(' ');
        const id = rest.join(' ');
        if (kind === 'utterance') expect(texts.has(id), line).toBe(true);
        if (kind === 'alert') expect(alerts.has(id), line).toBe(true);
        if (kind === 'clip') {
          const clip = await store.getClip(id);
          expect(clip, line).not.toBeNull();
          expect(existsSync(clip!.path)).toBe(true);
          expect(readFileSync(clip!.path).subarray(0, 4).toString()).toBe('RIFF');
        }
        checked++;
      }
      expect(checked).toBeGreaterThanOrEqual(600);
      expect(texts.size).toBeGreaterThanOrEqual(acks.filter((l) => l.startsWith('ack utterance')).length);
    } finally {
      await store.close();
    }
  });
});
