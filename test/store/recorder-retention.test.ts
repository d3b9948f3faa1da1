import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import wavefile from 'wavefile';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import { CallRecorder, recordingEnabled } from '../../src/store/recorder.js';
import { retentionDaysFromEnv, scheduleRetention } from '../../src/store/retention.js';

let dir: string;
let store: Store;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'earshot-rec-'));
  store = await openStore({ dataDir: dir, databaseUrl: '' });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('full-call recorder', () => {
  it('is off unless configured', () => {
    expect(recordingEnabled({})).toBe(false);
    expect(recordingEnabled({ EARSHOT_RECORD_CALLS: '1' })).toBe(true);
    expect(recordingEnabled({ EARSHOT_RECORD_CALLS: 'no' })).toBe(false);
  });

  it('streams stereo PCM into a playable WAV linked to the call', async () => {
    await store.createCall({ callId: 'rec-1', agentId: 'a', language: 'en' });
    const rec = await CallRecorder.open(store, 'rec-1', { sampleRate: 8000, channels: 2 });
    expect((await store.getCall('rec-1'))?.recordingPath).toBe(rec.path);
    const writes: Promise<void>[] = [];
    for (let k = 0; k < 25; k++) {
      // 100 ms chunks: left = chunk number, right = -chunk number.
      const chunk = new Int16Array(800 * 2);
      for (let i = 0; i < 800; i++) {
        chunk[i * 2] = k;
        chunk[i * 2 + 1] = -k;
      }
      writes.push(rec.write(chunk)); // not awaited one by one: order must still hold
    }
    await Promise.all(writes);
    expect(rec.durationMs).toBe(2500);
    expect(await rec.close()).toBe(rec.path);
    const wav = new wavefile.WaveFile(readFileSync(rec.path));
    const fmt = wav.fmt as { sampleRate: number; numChannels: number; bitsPerSample: number };
    expect(fmt).toMatchObject({ sampleRate: 8000, numChannels: 2, bitsPerSample: 16 });
    const [left, right] = wav.getSamples(false, Int16Array) as unknown as Int16Array[];
    expect(left?.length).toBe(20_000);
    expect(left?.[800 * 7 + 3]).toBe(7);
    expect(right?.[800 * 24]).toBe(-24);
    await expect(rec.write(new Int16Array(2))).rejects.toThrow(/closed/);
    await expect(CallRecorder.open(store, 'ghost', { sampleRate: 8000, channels: 1 })).rejects.toMatchObject({ code: 'STORE_NOT_FOUND' });
  });
});

describe('retention job', () => {
  it('reads EARSHOT_RETENTION_DAYS', () => {
    expect(retentionDaysFromEnv({})).toBeNull();
    expect(retentionDaysFromEnv({ EARSHOT_RETENTION_DAYS: '0' })).toBeNull();
    expect(retentionDaysFromEnv({ EARSHOT_RETENTION_DAYS: '90' })).toBe(90);
    expect(() => retentionDaysFromEnv({ EARSHOT_RETENTION_DAYS: 'forever' })).toThrow();
  });

  it('purges at start and on demand, removing recordings too', async () => {
    const old = Date.now() - 40 * 86_400_000;
    await store.createCall({ callId: 'old', agentId: 'a', language: 'en', startedAt: old });
    await store.endCall('old', old + 1000);
    await store.createCall({ callId: 'new', agentId: 'a', language: 'en' });
    const rec = await CallRecorder.open(store, 'old', { sampleRate: 8000, channels: 1 });
    await rec.write(new Int16Array(800));
    await rec.close();
    const purged: number[] = [];
    const job = scheduleRetention(store, { days: 30, intervalMs: 3_600_000, onPurge: (r) => purged.push(r.calls) });
    const second = await job.runNow(); // joins the start-up run or runs again
    job.stop();
    expect(purged.reduce((a, b) => a + b, 0)).toBe(1);
    expect(second).not.toBeNull();
    expect(existsSync(rec.path)).toBe(false);
    expect(await store.getCall('old')).toBeNull();
    expect(await store.getCall('new')).not.toBeNull();
    expect(await job.runNow()).toBeNull(); // stopped
  });
});
