/**
 * Whisper end to end: a real server, real worker threads, the real transformers.js pipeline on
 * whisper-random-tiny (random weights: the text is noise, the path is real), calls over /v1/ingest,
 * events on /v1/live. Engine choice by language and per call, beside pocketsphinx; refusals.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { concat, fliteWav, loadWav, pcmBytes, silence, spanishVoxforgeClips } from '../support/audio.js';
import {
  eventSocket,
  getText,
  ingestCall,
  metricSum,
  newCallId,
  startServer,
  waitCallEnded,
  words,
  type Inbox,
  type Message,
  type TestServer,
  type TranscriptEvent,
} from '../support/server.js';

vi.setConfig({ testTimeout: 120_000 });

// Read by the main thread when a call starts and by the Whisper worker threads when they start.
process.env.EARSHOT_WHISPER_MODEL = 'whisper-random-tiny';
process.env.EARSHOT_WHISPER_THREADS = '1';

let t: TestServer;
let live: Inbox;

beforeAll(async () => {
  t = await startServer({ asrWorkers: 1, engines: { en: ['pocketsphinx'], es: ['whisper', 'pocketsphinx'], zh: ['whisper'] } });
  live = await eventSocket(t, '/v1/live');
});

afterAll(async () => {
  live?.socket.terminate();
  await t?.close();
});

/** Real Spanish speech, two clips with pauses, 16 kHz. */
function spanishCall(): Int16Array {
  const [a, b] = spanishVoxforgeClips();
  return concat(silence(500, 16000), loadWav(a!.path).samples, silence(1000, 16000), loadWav(b!.path).samples, silence(1000, 16000));
}

/** A call at about 8x real time (200 ms frames every 25 ms); its events from /v1/live once it ended. */
async function runCall(start: Record<string, unknown>, pcm: Int16Array): Promise<{ events: Message[]; transcripts: TranscriptEvent[] }> {
  const callId = newCallId('whisper');
  const res = await ingestCall(
    t,
    { callId, agentId: 'agent-w', encoding: 'pcm_s16le', sampleRate: 16000, channels: 1, ...start },
    pcmBytes(pcm),
    { frameBytes: 6400, paceMs: 25 },
  );
  expect(res.stopped).toMatchObject({ type: 'stopped', callId });
  expect(res.close.code).toBe(1000);
  await waitCallEnded(live, callId);
  return { events: live.ofCall(callId), transcripts: live.transcripts(callId) };
}

function expectOnTimeline(transcripts: TranscriptEvent[], audioMs: number): void {
  const finals = transcripts.filter((x) => x.final);
  let lastEnd = 0;
  for (const f of finals) {
    expect(f.startMs).toBeGreaterThanOrEqual(lastEnd);
    expect(f.endMs).toBeGreaterThan(f.startMs);
    expect(f.endMs).toBeLessThanOrEqual(Math.ceil(audioMs));
    let at = f.startMs;
    for (const w of f.words ?? []) {
      expect(w.startMs).toBeGreaterThanOrEqual(at);
      expect(w.endMs).toBeGreaterThanOrEqual(w.startMs);
      at = w.endMs;
    }
    expect(at).toBeLessThanOrEqual(f.endMs);
    lastEnd = f.endMs;
  }
  for (const p of transcripts.filter((x) => !x.final)) {
    const i = transcripts.indexOf(p);
    // Its utterance's final comes later, from the same start.
    expect(transcripts.slice(i + 1).some((f) => f.final && f.startMs === p.startMs)).toBe(true);
    expect(p.endMs).toBeLessThanOrEqual(Math.ceil(audioMs));
  }
}

describe('Whisper through /v1/ingest', () => {
  it('takes a Spanish call by the per-language choice: partials and finals on the audio timeline, then a clean end', async () => {
    const pcm = spanishCall();
    const audioMs = (pcm.length * 1000) / 16000;
    const before = await getText(t, '/metrics');
    const { events, transcripts } = await runCall({ language: 'es' }, pcm);

    expect(events[0]).toMatchObject({ type: 'call.started', language: 'es' });
    expect(events.at(-1)?.type).toBe('call.ended');
    const finals = transcripts.filter((x) => x.final);
    expect(finals.length).toBeGreaterThanOrEqual(2);
    expect(transcripts.some((x) => !x.final)).toBe(true);
    expectOnTimeline(transcripts, audioMs);
    expect(events.filter((e) => e.type === 'asr.error')).toEqual([]);

    // It was Whisper that transcribed it: its latency and real-time factor are labelled so.
    const metrics = (await getText(t, '/metrics')).body;
    const finalsBefore = metricSum(before.body, 'earshot_transcript_latency_seconds_count', { stage: 'final', engine: 'whisper' });
    expect(metricSum(metrics, 'earshot_transcript_latency_seconds_count', { stage: 'final', engine: 'whisper' }) - (finalsBefore || 0)).toBe(finals.length);
    expect(metricSum(metrics, 'earshot_asr_real_time_factor', { engine: 'whisper' })).not.toBeNaN();
  });

  it('takes an English call when the call asks for Whisper, identifying the language of an "auto" call; pocketsphinx runs beside it', async () => {
    const english = loadWav(fliteWav('If you do not pay today a warrant will be issued for your arrest')).samples;
    const pcm = concat(silence(400, 16000), english, silence(1000, 16000), english, silence(1000, 16000));
    const [whisper, sphinx] = await Promise.all([
      runCall({ language: 'auto', metadata: { engine: 'whisper' } }, pcm),
      runCall({ language: 'en' }, pcm),
    ]);
    expect(whisper.events[0]).toMatchObject({ type: 'call.started', language: 'en' });
    expect(whisper.transcripts.filter((x) => x.final).length).toBeGreaterThanOrEqual(1);
    expectOnTimeline(whisper.transcripts, (pcm.length * 1000) / 16000);
    // The pocketsphinx call on the other worker still hears English.
    const heard = sphinx.transcripts.filter((x) => x.final).flatMap((x) => words(x.text));
    expect(heard).toEqual(expect.arrayContaining(['warrant', 'arrest']));
  });
});

describe('engine choice refusals', () => {
  async function refusal(start: Record<string, unknown>): Promise<Message> {
    const callId = newCallId('refused');
    const err = await ingestCall(t, { callId, agentId: 'agent-w', encoding: 'pcm_s16le', sampleRate: 16000, ...start }, new Uint8Array(0)).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    return JSON.parse((err as Error).message.replace(/^call refused: /, '')) as Message;
  }

  it('says which engine or model is missing, and falls back where the configuration allows', async () => {
    expect(await refusal({ language: 'en', metadata: { engine: 'sherpa' } })).toMatchObject({ code: 'ENGINE_UNAVAILABLE', message: expect.stringMatching(/engines: pocketsphinx, whisper/) });
    process.env.EARSHOT_WHISPER_MODEL = 'whisper-base';
    try {
      expect(await refusal({ language: 'es', metadata: { engine: 'whisper' } })).toMatchObject({
        code: 'ENGINE_UNAVAILABLE',
        message: expect.stringMatching(/Whisper model "whisper-base" is not installed/),
      });
      // Mandarin is configured for Whisper only.
      expect(await refusal({ language: 'zh' })).toMatchObject({ code: 'UNSUPPORTED_LANGUAGE', message: expect.stringMatching(/no speech engine installed for language "zh".*whisper: /) });
      // Spanish falls back to pocketsphinx.
      const callId = newCallId('fallback');
      const res = await ingestCall(t, { callId, agentId: 'agent-w', language: 'es', encoding: 'pcm_s16le', sampleRate: 16000 }, pcmBytes(silence(500, 16000)));
      expect(res.started).toMatchObject({ type: 'started' });
    } finally {
      process.env.EARSHOT_WHISPER_MODEL = 'whisper-random-tiny';
    }
  });
});
