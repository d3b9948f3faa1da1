/**
 * Configuration that QA and compliance rely on, on a running server: full-call recording when
 * switched on (both channels, the whole call, a WAV that plays) and the retention purge.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readWav } from '../../src/audio/wav.js';
import { openStore } from '../../src/store/index.js';
import { concat, fliteWav, firstChannel, interleave, loadWav, pcmBytes, pcmWav, silence } from '../support/audio.js';
import { getJson, ingestCall, newCallId, startServer, type TestServer } from '../support/server.js';

vi.setConfig({ testTimeout: 120_000 });

const RATE = 16_000;
const DAY = 86_400_000;
let t: TestServer;
const dataDir = mkdtempSync(join(tmpdir(), 'earshot-rec-'));

beforeAll(async () => {
  // A call from 40 days ago, written by an earlier run.
  const store = await openStore({ dataDir });
  await store.createCall({ callId: 'old-call', agentId: 'a1', language: 'en', startedAt: Date.now() - 40 * DAY });
  await store.endCall('old-call', Date.now() - 40 * DAY + 60_000);
  await store.createCall({ callId: 'recent-call', agentId: 'a1', language: 'en', startedAt: Date.now() - 2 * DAY });
  await store.close();
  t = await startServer({ dataDir, recordCalls: true, retentionDays: 30, asrWorkers: 1 });
});

afterAll(async () => {
  await t?.close();
});

describe('retention', () => {
  it('purges calls older than the retention at start and keeps the recent ones', async () => {
    await vi.waitFor(async () => expect((await getJson(t, '/v1/calls/old-call')).status).toBe(404), { timeout: 10_000, interval: 100 });
    expect((await getJson(t, '/v1/calls/recent-call')).status).toBe(200);
  });
});

describe('full-call recording', () => {
  it('writes both channels of the whole call to a WAV linked to the call', async () => {
    const callId = newCallId('rec');
    const agent = concat(firstChannel(loadWav(pcmWav(fliteWav('Hello, am I speaking with Jordan?'), RATE))), silence(1500, RATE));
    const customer = concat(silence(300, RATE), firstChannel(loadWav(pcmWav(fliteWav('Yes it is.'), RATE))));
    const stereo = interleave(agent, customer);
    // Odd frame sizes: channels are split and interleaved again on the way to the file.
    await ingestCall(
      t,
      { callId, agentId: 'a1', language: 'en', encoding: 'pcm_s16le', sampleRate: RATE, channels: 2, channelRoles: ['agent', 'customer'] },
      pcmBytes(stereo),
      { frameBytes: 4 * 777 },
    );
    let path: string | null = null;
    await vi.waitFor(
      async () => {
        path = ((await getJson(t, `/v1/calls/${callId}`)).body as { recordingPath: string | null }).recordingPath;
        expect(path).toBeTruthy();
      },
      { timeout: 10_000, interval: 100 },
    );
    await vi.waitFor(() => expect(readWav(path!).samples.length).toBe(stereo.length), { timeout: 10_000, interval: 100 });
    const wav = readWav(path!);
    expect(wav).toMatchObject({ sampleRateHz: RATE, channels: 2 });
    expect(Buffer.from(wav.samples.buffer).equals(Buffer.from(stereo.buffer))).toBe(true);
  });
});
