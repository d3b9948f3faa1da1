/** The built `earshot` command, as a user runs it (npm test builds it first). */
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/paths.js';
import { fliteWav } from '../support/audio.js';
import { startServer, type TestServer } from '../support/server.js';

const bin = join(repoRoot, 'dist', 'src', 'cli.js');
const run = promisify(execFile);

let server: TestServer;

beforeAll(async () => {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run "npm run build" first (npm test does)`);
  server = await startServer();
});

afterAll(async () => {
  await server?.close();
});

describe('earshot bin', () => {
  it('prints its usage with the commands it has', async () => {
    const { stdout } = await run(process.execPath, [bin, '--help']);
    for (const cmd of ['serve', 'replay', 'classify']) expect(stdout).toContain(`earshot ${cmd}`);
  });

  it('exits 2 on an unknown command, saying so', async () => {
    const err = await run(process.execPath, [bin, 'frobnicate']).catch((e: { code: number; stderr: string }) => e);
    expect(err).toMatchObject({ code: 2 });
    expect((err as { stderr: string }).stderr).toContain('unknown command "frobnicate"');
  });

  it('classify: one JSONL line out per line in, errors as objects, never a crash', async () => {
    const child = spawn(process.execPath, [bin, 'classify']);
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stdin.end(
      [
        JSON.stringify({ id: 'a', text: 'if you do not pay today the police will arrest you', speaker: 'agent', lang: 'en' }),
        JSON.stringify({ id: 'b', text: 'nobody is going to arrest you', speaker: 'agent', lang: 'en' }),
        '{not json',
        JSON.stringify({ id: 'c', text: 'eres un sinvergüenza', speaker: 'agent' }),
      ].join('\n') + '\n',
    );
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(code).toBe(0);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as { id?: string; labels?: string[]; error?: { code: string } });
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ id: 'a' });
    expect(lines[0]!.labels).toContain('false_legal');
    expect(lines[1]).toMatchObject({ id: 'b', labels: [] });
    expect(lines[2]!.error?.code).toBeTruthy();
    expect(lines[3]!.labels).toContain('insult');
  });

  it('replay: streams a recording as a live call and prints its events, transcript included', async () => {
    const wav = fliteWav('Good morning, this is Sam from Acme Recovery.');
    for (const protocol of ['native', 'twilio']) {
      const { stdout } = await run(process.execPath, [bin, 'replay', wav, '--url', server.ws, '--protocol', protocol, '--speed', '20', '--agent', `bin-${protocol}`, '--call', `bin-call-${protocol}`], {
        timeout: 60_000,
      });
      const events = stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; final?: boolean; text?: string; callId?: string });
      expect(events[0]).toMatchObject({ type: 'call.started', callId: `bin-call-${protocol}` });
      expect(events.at(-1)).toMatchObject({ type: 'call.ended', callId: `bin-call-${protocol}` });
      const finals = events.filter((e) => e.type === 'transcript' && e.final);
      expect(finals.map((f) => f.text).join(' ')).toMatch(/morning|recovery|sam/);
    }
  });

  it('replay: a missing file is a clear error and exit 1', async () => {
    const err = await run(process.execPath, [bin, 'replay', '/nonexistent.wav', '--url', server.ws]).catch((e: { code: number; stderr: string }) => e);
    expect(err).toMatchObject({ code: 1 });
    expect((err as { stderr: string }).stderr).toMatch(/^earshot: /);
  });
});
