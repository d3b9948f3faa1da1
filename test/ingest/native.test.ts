/**
 * /v1/ingest end to end: a real server in this process, real ASR workers, flite English and real
 * Spanish / Mandarin speech, events on the agent socket and on /v1/live (design.md § Wire protocol).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  concat,
  durationMs,
  fliteWav,
  g711Bytes,
  interleave,
  loadWav,
  mandarinClips,
  pcmBytes,
  pcmWav,
  silence,
  spanishVoxforgeClips,
  type PcmAudio,
} from '../support/audio.js';
import {
  connectInbox,
  eventSocket,
  getJson,
  getText,
  ingestCall,
  metricSum,
  modelMissing,
  newCallId,
  sendAudio,
  waitCallEnded,
  words,
  type Inbox,
  type Message,
  type TestServer,
  type TranscriptEvent,
  startServer,
} from '../support/server.js';
import { normaliseChars, normaliseWords } from '../../src/asr/wer.js';

const AGENT = 'agent-native-1';
const OTHER_AGENT = 'agent-native-2';
const THREAT = 'If you do not pay today a warrant will be issued for your arrest';
/** Words of THREAT that every path here decodes (checked against the engine's output when written). */
const THREAT_KEYS = ['warrant', 'arrest', 'pay', 'today'];

// Real decoding on a shared 2-core machine: no test here is timed, but some wait on a busy decoder.
vi.setConfig({ testTimeout: 240_000 });

let t: TestServer;
let agentEvents: Inbox;
let otherAgentEvents: Inbox;
let live: Inbox;

beforeAll(async () => {
  t = await startServer();
  agentEvents = await eventSocket(t, `/v1/agents/${AGENT}/events`);
  otherAgentEvents = await eventSocket(t, `/v1/agents/${OTHER_AGENT}/events`);
  live = await eventSocket(t, '/v1/live');
});

afterAll(async () => {
  for (const i of [agentEvents, otherAgentEvents, live]) i?.socket.terminate();
  await t?.close();
});

/** Speech with a little silence around it, as a call has. */
function padded(audio: PcmAudio, beforeMs = 400, afterMs = 900): PcmAudio {
  const r = audio.sampleRateHz;
  return { ...audio, samples: concat(silence(beforeMs * audio.channels, r), audio.samples, silence(afterMs * audio.channels, r)) };
}

/**
 * Paced calls lead with this much silence: the channel's decoder loads while it plays, so the
 * speech is not decoded from a backlog (a channel over 1 s behind skips partials by design).
 */
const LEAD_MS = 2000;

/**
 * At real-time pace a multi-word sentence gets partials. The one exception the server allows
 * itself: a channel that fell behind (it says so with asr.lag) skips partials, keeps finals.
 */
function expectPartials(callId: string, partials: TranscriptEvent[]): void {
  const lagged = agentEvents.ofCall(callId).some((m) => m.type === 'asr.lag' && m.behind === true);
  if (lagged) {
    console.warn(`[native] ${callId}: the server reported ASR lag (machine overloaded?), so partials may be skipped; ${partials.length} arrived`);
    return;
  }
  expect(partials.length, 'partials before the final at real-time pace').toBeGreaterThan(0);
}

function keysFound(text: string, keys: string[]): string[] {
  const got = new Set(words(text));
  return keys.filter((k) => got.has(k));
}

/**
 * What every call must look like on an event socket: call.started first, call.ended last,
 * transcripts between, each with sane times on the audio timeline.
 */
function expectCallShape(inbox: Inbox, callId: string, audioMs: number, roles: string[] = ['agent']): { finals: TranscriptEvent[]; partials: TranscriptEvent[] } {
  const events = inbox.ofCall(callId);
  expect(events.length).toBeGreaterThanOrEqual(3);
  expect(events[0]).toMatchObject({ type: 'call.started', callId, agentId: AGENT });
  expect(typeof events[0]!.startedAt).toBe('string');
  expect(Number.isNaN(Date.parse(String(events[0]!.startedAt)))).toBe(false);
  expect(events[events.length - 1]).toMatchObject({ type: 'call.ended', callId, agentId: AGENT });
  const middle = events.slice(1, -1);
  expect(middle.filter((e) => e.type === 'call.started' || e.type === 'call.ended')).toEqual([]);
  expect(middle.filter((e) => e.type === 'asr.error')).toEqual([]);
  const transcripts = middle.filter((e) => e.type === 'transcript') as unknown as TranscriptEvent[];
  for (const tr of transcripts) {
    expect(roles).toContain(tr.channel);
    expect(typeof tr.final).toBe('boolean');
    expect(typeof tr.text).toBe('string');
    // A final may be empty (it closes partials whose words the full decode dropped); a partial may not.
    if (!tr.final) expect(tr.text.length).toBeGreaterThan(0);
    expect(tr.startMs).toBeGreaterThanOrEqual(0);
    expect(tr.startMs).toBeLessThanOrEqual(tr.endMs);
    expect(tr.endMs).toBeLessThanOrEqual(audioMs + 500);
  }
  const finals = transcripts.filter((tr) => tr.final);
  expect(finals.length).toBeGreaterThan(0);
  return { finals, partials: transcripts.filter((tr) => !tr.final) };
}

/** Every event the agent socket got for the call also reached /v1/live, in the same order. */
async function expectSameOnLive(callId: string): Promise<void> {
  await waitCallEnded(live, callId);
  const strip = (m: Message) => JSON.stringify(m);
  expect(live.ofCall(callId).filter((m) => m.type !== 'call.risk').map(strip)).toEqual(agentEvents.ofCall(callId).map(strip));
}

function fmt(trs: TranscriptEvent[]): string {
  return JSON.stringify(trs.map((tr) => [tr.channel, tr.final ? 'F' : 'p', tr.startMs, tr.endMs, tr.text]));
}

describe('/v1/ingest end to end', () => {
  it('16 kHz pcm_s16le English at real-time pace: started, partials, final with the key words, call.ended, stopped', async () => {
    const speech = loadWav(fliteWav(THREAT));
    const audio = padded(speech, LEAD_MS);
    expect(audio.sampleRateHz).toBe(16000);
    const callId = newCallId('pcm16');
    const frameMs = 20;
    const res = await ingestCall(
      t,
      { callId, agentId: AGENT, language: 'en', encoding: 'pcm_s16le', sampleRate: 16000, channels: 1, channelRoles: ['agent'], metadata: { campaign: 'test' } },
      pcmBytes(audio.samples),
      { frameBytes: (16000 * frameMs * 2) / 1000, paceMs: frameMs }, // real time: partials are the point
    );
    expect(res.started).toEqual({ type: 'started', callId });
    expect(res.stopped).toEqual({ type: 'stopped', callId });
    expect(res.close.code).toBe(1000);
    expect(res.inbox.messages).toEqual([res.started, res.stopped]);

    await waitCallEnded(agentEvents, callId);
    const { finals, partials } = expectCallShape(agentEvents, callId, durationMs(audio));
    console.log(`[native] pcm16 ${fmt(agentEvents.transcripts(callId))}`);
    const text = finals.map((f) => f.text).join(' ');
    expect(keysFound(text, THREAT_KEYS).length, `final "${text}"`).toBeGreaterThanOrEqual(3);
    // A multi-word sentence at real-time pace: at least one partial before the first final.
    const all = agentEvents.transcripts(callId);
    const firstFinal = all.findIndex((tr) => tr.final);
    expectPartials(callId, partials);
    if (partials.length) expect(all.slice(0, firstFinal).some((tr) => !tr.final)).toBe(true);
    // Partials of one utterance grow on the same start; the final keeps that start.
    const firstUtterance = all.slice(0, firstFinal + 1);
    expect(new Set(firstUtterance.map((tr) => tr.startMs)).size).toBe(1);
    // The speech starts LEAD_MS in; the utterance opens with at most ~320 ms of pre-roll and
    // ends near the end of the speech.
    expect(finals[0]!.startMs).toBeGreaterThanOrEqual(LEAD_MS - 350);
    expect(finals[0]!.endMs).toBeGreaterThan(LEAD_MS + durationMs(speech) * 0.6);
    expect(finals[0]!.endMs).toBeLessThan(LEAD_MS + durationMs(speech) + 600);
    // Word times, an extension on finals, sit inside the utterance.
    const withWords = finals[0] as TranscriptEvent & { words?: { word: string; startMs: number; endMs: number }[] };
    expect(withWords.words?.map((w) => w.word).join(' ')).toBe(finals[0]!.text);
    for (const w of withWords.words ?? []) {
      expect(w.startMs).toBeGreaterThanOrEqual(finals[0]!.startMs);
      expect(w.endMs).toBeLessThanOrEqual(finals[0]!.endMs);
    }

    await expectSameOnLive(callId);
    expect(otherAgentEvents.ofCall(callId)).toEqual([]);
  });

  it('8 kHz mu-law (telephone audio through sox) at real-time pace', async () => {
    const bytes = g711Bytes(fliteWav(THREAT), 'mulaw');
    const lead = new Uint8Array(8 * LEAD_MS).fill(0xff); // mu-law silence
    const tail = new Uint8Array(8000 * 0.9).fill(0xff);
    const all = Buffer.concat([lead, bytes, tail]);
    const callId = newCallId('mulaw');
    const res = await ingestCall(
      t,
      { callId, agentId: AGENT, language: 'en', encoding: 'mulaw', sampleRate: 8000, channels: 1 },
      all,
      { frameBytes: 160, paceMs: 20 },
    );
    expect(res.stopped).toEqual({ type: 'stopped', callId });
    await waitCallEnded(agentEvents, callId);
    const { finals, partials } = expectCallShape(agentEvents, callId, (all.length / 8000) * 1000);
    console.log(`[native] mulaw ${fmt(agentEvents.transcripts(callId))}`);
    const text = finals.map((f) => f.text).join(' ');
    expect(keysFound(text, THREAT_KEYS).length, `final "${text}"`).toBeGreaterThanOrEqual(2);
    expectPartials(callId, partials);
    await expectSameOnLive(callId);
  });

  it('8 kHz A-law, streamed as fast as the socket takes it', async () => {
    const bytes = g711Bytes(fliteWav(THREAT), 'alaw');
    const all = Buffer.concat([new Uint8Array(3200).fill(0xd5), bytes, new Uint8Array(7200).fill(0xd5)]); // 0xd5: A-law silence
    const callId = newCallId('alaw');
    const res = await ingestCall(t, { callId, agentId: AGENT, language: 'en', encoding: 'alaw', sampleRate: 8000 }, all, { frameBytes: 4000 });
    expect(res.stopped).toEqual({ type: 'stopped', callId });
    await waitCallEnded(agentEvents, callId);
    const { finals } = expectCallShape(agentEvents, callId, (all.length / 8000) * 1000);
    console.log(`[native] alaw ${fmt(agentEvents.transcripts(callId))}`);
    const text = finals.map((f) => f.text).join(' ');
    expect(keysFound(text, THREAT_KEYS).length, `final "${text}"`).toBeGreaterThanOrEqual(2);
  });

  it('two interleaved channels: each transcript carries its own role', async () => {
    const agentSpeech = loadWav(fliteWav(THREAT));
    const customerLine = 'I will send the money next friday';
    const customerSpeech = loadWav(fliteWav(customerLine));
    const r = 16000;
    // The agent speaks first; the customer answers after the agent has finished.
    const agentTrack = concat(silence(LEAD_MS, r), agentSpeech.samples);
    const customerAt = LEAD_MS + durationMs(agentSpeech) + 700;
    const customerTrack = concat(silence(customerAt, r), customerSpeech.samples, silence(900, r));
    const stereo = interleave(agentTrack, customerTrack);
    const audioMs = (stereo.length / 2 / r) * 1000;
    const callId = newCallId('stereo');
    const res = await ingestCall(
      t,
      { callId, agentId: AGENT, language: 'en', encoding: 'pcm_s16le', sampleRate: 16000, channels: 2, channelRoles: ['agent', 'customer'] },
      pcmBytes(stereo),
      { frameBytes: 3200, paceMs: 50 }, // 800 stereo samples = 50 ms per frame: real time
    );
    expect(res.stopped).toEqual({ type: 'stopped', callId });
    await waitCallEnded(agentEvents, callId);
    const { finals } = expectCallShape(agentEvents, callId, audioMs, ['agent', 'customer']);
    console.log(`[native] stereo ${fmt(agentEvents.transcripts(callId))}`);
    const agentText = finals.filter((f) => f.channel === 'agent').map((f) => f.text).join(' ');
    const customerText = finals.filter((f) => f.channel === 'customer').map((f) => f.text).join(' ');
    expect(keysFound(agentText, THREAT_KEYS).length, `agent "${agentText}"`).toBeGreaterThanOrEqual(2);
    const customerKeys = ['send', 'money', 'next', 'friday'];
    expect(keysFound(customerText, customerKeys).length, `customer "${customerText}"`).toBeGreaterThanOrEqual(3);
    // No cross-talk: the agent's key words are not on the customer channel and vice versa.
    expect(keysFound(customerText, ['warrant', 'arrest'])).toEqual([]);
    expect(keysFound(agentText, ['money', 'friday'])).toEqual([]);
    // Both channels share the call's timeline: the customer's speech comes after the agent's.
    const customerFinals = finals.filter((f) => f.channel === 'customer');
    expect(customerFinals[0]!.startMs).toBeGreaterThan(customerAt - 400);
    expect(finals.find((f) => f.channel === 'agent')!.endMs).toBeLessThan(customerAt);
  });

  it('channelRoles map to channels by position: ["customer", "agent"] puts the agent on the right', async () => {
    const r = 16000;
    const agentSpeech = concat(silence(300, r), loadWav(fliteWav(THREAT)).samples, silence(900, r));
    const customerSpeech = concat(silence(300, r), loadWav(fliteWav('I will send the money next friday')).samples);
    const stereo = interleave(customerSpeech, agentSpeech); // left = customer, right = agent
    const callId = newCallId('swapped');
    const res = await ingestCall(
      t,
      { callId, agentId: AGENT, language: 'en', encoding: 'pcm_s16le', sampleRate: r, channels: 2, channelRoles: ['customer', 'agent'] },
      pcmBytes(stereo),
      { frameBytes: 32000 },
    );
    expect(res.stopped).toEqual({ type: 'stopped', callId });
    await waitCallEnded(agentEvents, callId);
    const { finals } = expectCallShape(agentEvents, callId, (stereo.length / 2 / r) * 1000, ['agent', 'customer']);
    const agentText = finals.filter((f) => f.channel === 'agent').map((f) => f.text).join(' ');
    const customerText = finals.filter((f) => f.channel === 'customer').map((f) => f.text).join(' ');
    expect(keysFound(agentText, THREAT_KEYS).length, `agent "${agentText}"`).toBeGreaterThanOrEqual(2);
    expect(keysFound(customerText, ['send', 'money', 'next', 'friday']).length, `customer "${customerText}"`).toBeGreaterThanOrEqual(3);
  });

  it('44.1 kHz pcm_s16le is resampled for the engine', async () => {
    const audio = padded(loadWav(pcmWav(fliteWav(THREAT), 44100)));
    expect(audio.sampleRateHz).toBe(44100);
    const callId = newCallId('cd');
    const res = await ingestCall(t, { callId, agentId: AGENT, language: 'en', encoding: 'pcm_s16le', sampleRate: 44100 }, pcmBytes(audio.samples), {
      frameBytes: 44100 * 2 * 0.1,
    });
    expect(res.stopped).toEqual({ type: 'stopped', callId });
    await waitCallEnded(agentEvents, callId);
    const { finals } = expectCallShape(agentEvents, callId, durationMs(audio));
    console.log(`[native] 44.1k ${fmt(agentEvents.transcripts(callId))}`);
    const text = finals.map((f) => f.text).join(' ');
    expect(keysFound(text, THREAT_KEYS).length, `final "${text}"`).toBeGreaterThanOrEqual(3);
    // Times are ms of audio whatever the input rate: the final cannot lie past the audio.
    expect(finals[finals.length - 1]!.endMs).toBeLessThanOrEqual(durationMs(audio) + 500);
    expect(finals[finals.length - 1]!.endMs).toBeGreaterThan(durationMs(audio) / 2);
  });
});

describe('/v1/ingest with real Spanish and Mandarin speech', () => {
  const esMissing = modelMissing('es', false);
  if (esMissing) console.warn(`\n[native] SKIPPING the Spanish ingest test: the es model is not installed here: ${esMissing}\n`);

  it.skipIf(esMissing !== undefined)('Spanish VoxForge clip: most reference words come back', async () => {
    const clip = spanishVoxforgeClips().find((c) => c.id === 'es-0027')!;
    const audio = padded(loadWav(clip.path));
    const callId = newCallId('es');
    const res = await ingestCall(t, { callId, agentId: AGENT, language: 'es', encoding: 'pcm_s16le', sampleRate: audio.sampleRateHz }, pcmBytes(audio.samples), {
      frameBytes: 16000,
    });
    expect(res.stopped).toEqual({ type: 'stopped', callId });
    const ended = await waitCallEnded(agentEvents, callId);
    expect(ended).toMatchObject({ type: 'call.ended' });
    expect(agentEvents.ofCall(callId)[0]).toMatchObject({ type: 'call.started', language: 'es' });
    const { finals } = expectCallShape(agentEvents, callId, durationMs(audio));
    const text = finals.map((f) => f.text).join(' ');
    console.log(`[native] es ${fmt(agentEvents.transcripts(callId))}`);
    const ref = new Set(normaliseWords(clip.text));
    const hits = normaliseWords(text).filter((w) => ref.has(w));
    expect(hits.length, `"${text}" vs "${clip.text}"`).toBeGreaterThanOrEqual(ref.size * 0.4);
    for (const w of ['musicos', 'uniformados', 'camareros', 'piano']) expect(normaliseWords(text)).toContain(w);
  });

  const zhMissing = modelMissing('zh', false);
  if (zhMissing) console.warn(`\n[native] SKIPPING the Mandarin ingest test: the zh model is not installed here: ${zhMissing}\n`);

  it.skipIf(zhMissing !== undefined)('Mandarin clip: Han-character transcripts on the timeline', async () => {
    const clip = mandarinClips().find((c) => c.id.startsWith('TEST_MEETING'))!;
    const audio = padded(loadWav(clip.path));
    const callId = newCallId('zh');
    const res = await ingestCall(t, { callId, agentId: AGENT, language: 'zh', encoding: 'pcm_s16le', sampleRate: audio.sampleRateHz }, pcmBytes(audio.samples), {
      frameBytes: 16000,
    });
    expect(res.stopped).toEqual({ type: 'stopped', callId });
    await waitCallEnded(agentEvents, callId);
    expect(agentEvents.ofCall(callId)[0]).toMatchObject({ type: 'call.started', language: 'zh' });
    const { finals } = expectCallShape(agentEvents, callId, durationMs(audio));
    console.log(`[native] zh ${fmt(agentEvents.transcripts(callId))}`);
    // Accuracy is near nil with these models (see the accuracy test); the path must still deliver Han text.
    const chars = normaliseChars(finals.map((f) => f.text).join(''));
    expect(chars.length).toBeGreaterThan(0);
    expect(chars.every((c) => /\p{Script=Han}/u.test(c))).toBe(true);
  });
});

describe('server state after the calls', () => {
  it('/metrics has the transcript latency histogram with observations, and the RTF gauge', async () => {
    const { status, body } = await getText(t, '/metrics');
    expect(status).toBe(200);
    expect(body).toContain('# TYPE earshot_transcript_latency_seconds histogram');
    expect(metricSum(body, 'earshot_transcript_latency_seconds_count', { stage: 'final' })).toBeGreaterThan(0);
    expect(metricSum(body, 'earshot_transcript_latency_seconds_count', { stage: 'partial' })).toBeGreaterThan(0);
    expect(metricSum(body, 'earshot_transcript_latency_seconds_bucket', { stage: 'final', le: '+Inf' })).toBe(
      metricSum(body, 'earshot_transcript_latency_seconds_count', { stage: 'final' }),
    );
    expect(metricSum(body, 'earshot_audio_received_seconds_total', { protocol: 'native' })).toBeGreaterThan(10);
    expect(body).toContain('earshot_asr_real_time_factor');
    expect(metricSum(body, 'earshot_active_calls')).toBe(0);
    expect(metricSum(body, 'earshot_active_asr_streams')).toBe(0);
    expect(metricSum(body, 'earshot_transcripts_total', { final: 'true' })).toBeGreaterThan(0);
  });

  it('/healthz is ok with no live calls left', async () => {
    const { status, body } = await getJson(t, '/healthz');
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', calls: 0, asrStreams: 0, asrWorkers: 2 });
  });
});

describe('graceful server stop', () => {
  it('close() finishes a live call: its final and call.ended go out before the server stops', async () => {
    const own = await startServer({ asrWorkers: 1 });
    let closed = false;
    try {
      const ev = await eventSocket(own, '/v1/live');
      const ingest = await connectInbox(`${own.ws}/v1/ingest`);
      const callId = newCallId('shutdown');
      ingest.socket.send(JSON.stringify({ type: 'start', callId, agentId: AGENT, language: 'en', encoding: 'pcm_s16le', sampleRate: 16000 }));
      await ingest.waitFor((m) => m.type === 'started', 30_000);
      const speech = concat(silence(300, 16000), loadWav(fliteWav(THREAT)).samples);
      await sendAudio(ingest.socket, pcmBytes(speech), { frameBytes: 8000 });
      // Wait until the server has read all of it (what is still in TCP buffers at shutdown is not the call's).
      const sentSeconds = speech.length / 16000;
      for (let i = 0; i < 200; i++) {
        const m = await getText(own, '/metrics');
        if (metricSum(m.body, 'earshot_audio_received_seconds_total', { protocol: 'native' }) >= sentSeconds - 1e-6) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      // No stop: the server is told to shut down while the call is live.
      await own.close();
      closed = true;
      await waitCallEnded(ev, callId, 30_000);
      const text = ev.transcripts(callId).filter((x) => x.final).map((x) => x.text).join(' ');
      expect(keysFound(text, THREAT_KEYS).length, `final "${text}"; events ${JSON.stringify(ev.ofCall(callId))}`).toBeGreaterThanOrEqual(2);
      const ingestClose = await ingest.waitClosed(10_000);
      expect(ingestClose.code).not.toBe(1006); // closed by the server, not dropped
      expect(ingest.messages.filter((m) => m.type === 'error')).toEqual([]);
    } finally {
      if (!closed) await own.close();
    }
  });
});
