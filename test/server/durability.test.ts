/**
 * Nothing accepted is lost: finals and alerts are in the store once they are out, a kill -9 leaves them
 * there (and the call is closed at the next start), and SIGTERM finishes live calls first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/paths.js';
import { fliteWav, loadWav } from '../support/audio.js';
import { Inbox, openSocket, sendAudio } from '../support/server.js';

const children: ChildProcess[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function startProcess(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'src', 'cli.ts'), 'serve'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', EARSHOT_DATA_DIR: dataDir, LOG_LEVEL: 'silent', EARSHOT_ASR_WORKERS: '1' },
    stdio: 'ignore',
  });
  children.push(child);
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
  });
}

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

/** A live-event socket and a started ingest call on a server process. */
async function startCall(port: number, callId: string): Promise<{ events: Inbox; ingest: Inbox }> {
  const events = new Inbox(await openSocket(`ws://127.0.0.1:${port}/v1/live`));
  const ingest = new Inbox(await openSocket(`ws://127.0.0.1:${port}/v1/ingest`));
  ingest.socket.send(JSON.stringify({ type: 'start', callId, agentId: 'a1', language: 'en', encoding: 'pcm_s16le', sampleRate: 16000, channels: 1 }));
  await ingest.waitFor((m) => m.type === 'started');
  return { events, ingest };
}

/** Two sentences with a long pause: the first has its final well before the second ends. */
function twoUtterances(): Uint8Array {
  const a = loadWav(fliteWav('If you do not pay today, a warrant will be issued for your arrest.'));
  const b = loadWav(fliteWav('We can set up a payment plan starting next Friday.'));
  const gap = new Int16Array(16000 * 2);
  const all = new Int16Array(a.samples.length + gap.length + b.samples.length);
  all.set(a.samples, 0);
  all.set(b.samples, a.samples.length + gap.length);
  return new Uint8Array(all.buffer);
}

describe('durability', () => {
  it('keeps finals and alerts through a kill -9 and closes the orphaned call at the next start', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'earshot-crash-'));
    const port = await freePort();
    const child = await startProcess(dataDir, port);
    const { events, ingest } = await startCall(port, 'crash-1');
    const audio = twoUtterances();
    // Real-time pace for the first sentence and the pause: its final must come out while the call is live.
    void sendAudio(ingest.socket, audio.subarray(0, audio.length - 32000), { frameBytes: 6400, paceMs: 100 });
    const first = await events.waitFor((m) => m.type === 'transcript' && m.final === true, 60_000, 'the first final');
    expect(String(first.text).length).toBeGreaterThan(0);
    const alert = await events.waitFor((m) => m.type === 'alert' && m.category === 'false_legal', 10_000, 'the arrest alert');
    await new Promise((r) => setTimeout(r, 300)); // the archive writes right after publishing
    child.kill('SIGKILL');
    await exited(child);

    await startProcess(dataDir, port);
    const res = await fetch(`http://127.0.0.1:${port}/v1/calls/crash-1`);
    expect(res.status).toBe(200);
    const call = (await res.json()) as { status: string; utterances: { text: string; startMs: number }[] };
    expect(call.status).toBe('ended');
    expect(call.utterances.map((u) => u.text)).toContain(first.text);
    const alerts = (await (await fetch(`http://127.0.0.1:${port}/v1/alerts?callId=crash-1`)).json()) as { items: { alertId: string }[] };
    expect(alerts.items.map((a) => a.alertId)).toContain(alert.alertId);
  });

  it('on SIGTERM finishes the live call: its last final is published and stored before exit', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'earshot-term-'));
    const port = await freePort();
    const child = await startProcess(dataDir, port);
    const { events, ingest } = await startCall(port, 'term-1');
    // One sentence, no trailing silence: only the flush at shutdown can produce its final.
    const one = loadWav(fliteWav('Thank you for your time today.'));
    await sendAudio(ingest.socket, new Uint8Array(one.samples.buffer, one.samples.byteOffset, one.samples.byteLength));
    await new Promise((r) => setTimeout(r, 200));
    child.kill('SIGTERM');
    const ended = await events.waitFor((m) => m.type === 'call.ended' && m.callId === 'term-1', 60_000, 'call.ended');
    expect(ended.callId).toBe('term-1');
    const finals = events.transcripts('term-1').filter((t) => t.final);
    expect(finals.length).toBeGreaterThan(0);
    expect(await exited(child)).toBe(0);

    await startProcess(dataDir, port);
    const call = (await (await fetch(`http://127.0.0.1:${port}/v1/calls/term-1`)).json()) as { status: string; utterances: { text: string }[] };
    expect(call.status).toBe('ended');
    expect(call.utterances.map((u) => u.text)).toEqual(finals.filter((f) => f.text).map((f) => f.text));
  });
});
