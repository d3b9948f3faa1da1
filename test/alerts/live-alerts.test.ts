/**
 * Alerts end to end: a two-channel call (flite English; the agent verifies the debtor, then
 * threatens arrest) through /v1/ingest with real speech recognition and the real detector. The
 * alert reaches the agent's socket while the call is live, risk rises on /v1/live, and QA finds
 * the alert with a stereo clip of the flagged moment and can record a verdict.
 */
import wavefile from 'wavefile';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { concat, fliteWav, interleave, loadWav, pcmBytes, pcmWav, silence, firstChannel } from '../support/audio.js';
import { eventSocket, getJson, ingestCall, newCallId, startServer, waitCallEnded, type Inbox, type Message, type TestServer } from '../support/server.js';

vi.setConfig({ testTimeout: 240_000 });

const RATE = 16_000;
const AGENT = 'agent-alerts-1';

function speech(text: string): Int16Array {
  return firstChannel(loadWav(pcmWav(fliteWav(text), RATE)));
}
const ms = (samples: Int16Array): number => (samples.length * 1000) / RATE;

let t: TestServer;
let agentEvents: Inbox;
let live: Inbox;

beforeAll(async () => {
  t = await startServer();
  agentEvents = await eventSocket(t, `/v1/agents/${AGENT}/events`);
  live = await eventSocket(t, '/v1/live');
});

afterAll(async () => {
  agentEvents?.socket.close();
  live?.socket.close();
  await t?.close();
});

describe('a threatening call', () => {
  const callId = newCallId('threat');
  // Timeline: agent asks, customer confirms, agent threatens, both quiet.
  const ask = speech('Hello, am I speaking with John Smith?');
  const confirm = speech('Yes, this is John Smith speaking.');
  const threat = speech('If you do not pay today, a warrant will be issued for your arrest.');
  const gap = silence(700, RATE);
  const agentTrack = concat(ask, gap, silence(confirm.length * (1000 / RATE), RATE), gap, threat, silence(4000, RATE));
  const customerTrack = concat(silence(ms(ask), RATE), gap, confirm, gap, silence(ms(threat) + 4000, RATE));
  const threatStartMs = ms(ask) + 700 + ms(confirm) + 700;
  const threatEndMs = threatStartMs + ms(threat);
  let alert: Message;
  let ended: Message;

  beforeAll(async () => {
    await ingestCall(
      t,
      { callId, agentId: AGENT, language: 'en', encoding: 'pcm_s16le', sampleRate: RATE, channels: 2, channelRoles: ['agent', 'customer'] },
      pcmBytes(interleave(agentTrack, customerTrack)),
    );
    ended = await waitCallEnded(agentEvents, callId);
    alert = await agentEvents.waitFor((m) => m.type === 'alert' && m.callId === callId && m.category === 'false_legal', 5_000, 'false_legal alert');
  });

  it('reaches the collector during the call, with what the collector needs', () => {
    const events = agentEvents.ofCall(callId);
    expect(events.indexOf(alert)).toBeLessThan(events.indexOf(ended));
    expect(alert).toMatchObject({ agentId: AGENT, severity: 'critical' });
    expect(String(alert.rule)).toMatch(/^en\.false_legal\./);
    expect(String(alert.explanation).length).toBeGreaterThan(10);
    expect(String(alert.citation)).toMatch(/1692e/);
    expect(String(alert.suggestion ?? '').length).toBeGreaterThan(10);
    expect(Number.isNaN(Date.parse(String(alert.emittedAt)))).toBe(false);
    // On the call's audio timeline, inside the threat (a word's slack either side).
    expect(Number(alert.startMs)).toBeGreaterThanOrEqual(threatStartMs - 500);
    expect(Number(alert.endMs)).toBeLessThanOrEqual(threatEndMs + 500);
    expect(Number(alert.startMs)).toBeLessThan(Number(alert.endMs));
  });

  it('is raised once, and the transcript it is about arrived first', () => {
    const alerts = agentEvents.ofCall(callId).filter((m) => m.type === 'alert' && m.category === 'false_legal');
    expect(alerts).toHaveLength(1);
    const events = agentEvents.ofCall(callId);
    const firstAgentTranscript = events.findIndex((m) => m.type === 'transcript' && m.channel === 'agent' && /warrant|arrest/.test(String(m.text)));
    expect(firstAgentTranscript).toBeGreaterThanOrEqual(0);
    expect(firstAgentTranscript).toBeLessThan(events.indexOf(alert));
  });

  it('raises the call’s risk on the supervisors’ socket', async () => {
    const risk = await live.waitFor((m) => m.type === 'call.risk' && m.callId === callId && Number(m.score) >= 60, 5_000, 'call.risk');
    expect(risk.agentId).toBe(AGENT);
    expect(live.ofCall(callId).some((m) => m.type === 'alert' && m.alertId === alert.alertId)).toBe(true);
  });

  it('is stored with a stereo clip of the flagged moment that plays for its stated duration', async () => {
    // The archive writes behind the live events: the clip lands once its file is fsynced.
    const listed = async () => (await getJson(t, `/v1/alerts?callId=${callId}&category=false_legal`)).body as { items: Record<string, unknown>[]; total: number };
    await vi.waitFor(async () => expect((await listed()).items[0]?.hasClip).toBe(true), { timeout: 10_000, interval: 100 });
    const list = await listed();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ alertId: alert.alertId, status: 'open', hasClip: true, retractedAt: null });
    const detail = (await getJson(t, `/v1/alerts/${String(alert.alertId)}`)).body as {
      clip: { startMs: number; endMs: number; durationMs: number; channels: number; sampleRate: number; preRollMs: number; postRollMs: number };
      words: { channel: string; word: string; startMs: number }[];
    };
    expect(detail.clip).toMatchObject({ channels: 2, sampleRate: RATE });
    expect(detail.clip.startMs).toBeLessThanOrEqual(Number(alert.startMs));
    expect(detail.clip.endMs).toBeGreaterThanOrEqual(Number(alert.endMs));
    expect(detail.clip.preRollMs).toBeGreaterThan(4000); // 5 s asked; the call had that much before the threat
    expect(detail.clip.postRollMs).toBeGreaterThan(2900);
    // Words of both sides inside the clip, for highlighting while it plays.
    expect(detail.words.some((w) => w.channel === 'agent' && /warrant|arrest/.test(w.word))).toBe(true);
    expect(detail.words.every((w) => w.startMs >= detail.clip.startMs - 1000)).toBe(true);

    const res = await fetch(`${t.http}/v1/alerts/${String(alert.alertId)}/clip.wav`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/wav');
    const wav = new wavefile.WaveFile(new Uint8Array(await res.arrayBuffer()));
    const fmt = wav.fmt as { numChannels: number; sampleRate: number; bitsPerSample: number };
    expect(fmt).toMatchObject({ numChannels: 2, sampleRate: RATE, bitsPerSample: 16 });
    const frames = (wav.data as { chunkSize: number }).chunkSize / 4;
    expect(Math.abs((frames * 1000) / RATE - detail.clip.durationMs)).toBeLessThan(2);
    // The agent's side carries the threat's audio, the customer's side is quiet then.
    const samples = wav.getSamples(false, Int16Array) as unknown as Int16Array[];
    const at = Math.round(((Number(alert.startMs) - detail.clip.startMs) * RATE) / 1000);
    const energy = (ch: Int16Array) => ch.subarray(at, at + RATE / 2).reduce((s, v) => s + Math.abs(v), 0);
    expect(energy(samples[0]!)).toBeGreaterThan(100 * energy(samples[1]!) + 1000);

    const partial = await fetch(`${t.http}/v1/alerts/${String(alert.alertId)}/clip.wav`, { headers: { range: 'bytes=0-99' } });
    expect(partial.status).toBe(206);
    expect(partial.headers.get('content-range')).toMatch(/^bytes 0-99\/\d+$/);
    expect((await partial.arrayBuffer()).byteLength).toBe(100);
  });

  it('takes a verdict, which is kept with the alert and in the audit log', async () => {
    const id = String(alert.alertId);
    const bad = await fetch(`${t.http}/v1/alerts/${id}/review`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ verdict: 'maybe' }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('BAD_REVIEW');
    const missing = await fetch(`${t.http}/v1/alerts/al_nope/review`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ verdict: 'confirmed' }) });
    expect(missing.status).toBe(404);

    const ok = await fetch(`${t.http}/v1/alerts/${id}/review`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ verdict: 'confirmed', note: 'arrest threat, coached' }),
    });
    expect(ok.status).toBe(201);
    const detail = (await getJson(t, `/v1/alerts/${id}`)).body as { status: string; reviews: { verdict: string; note: string }[] };
    expect(detail.status).toBe('confirmed');
    expect(detail.reviews).toMatchObject([{ verdict: 'confirmed', note: 'arrest threat, coached' }]);
    const audit = await t.server.store.listAudit({ targetId: id });
    expect(audit.items.map((a) => a.action).sort()).toEqual(['alert.review', 'clip.listen']);

    const csv = await fetch(`${t.http}/v1/alerts.csv?callId=${callId}`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toMatch(/^alertId,callId,agentId,category,severity,status/);
    expect(lines.some((l) => l.startsWith(`${id},${callId},${AGENT},false_legal,critical,confirmed`))).toBe(true);
  });
});

describe('a lawful call', () => {
  it('raises no violation alert', async () => {
    const callId = newCallId('lawful');
    const agentTrack = concat(
      speech('Hello, am I speaking with John Smith?'),
      silence(3500, RATE),
      speech('This is an attempt to collect a debt. Nobody is going to arrest you. Can we set up a payment plan today?'),
      silence(1500, RATE),
    );
    const customerTrack = concat(silence(2600, RATE), speech('Yes, this is John.'), silence(Math.max(0, ms(agentTrack) - 2600), RATE));
    const len = Math.min(agentTrack.length, customerTrack.length);
    await ingestCall(
      t,
      { callId, agentId: AGENT, language: 'en', encoding: 'pcm_s16le', sampleRate: RATE, channels: 2, channelRoles: ['agent', 'customer'] },
      pcmBytes(interleave(agentTrack.subarray(0, len), customerTrack.subarray(0, len))),
    );
    await waitCallEnded(agentEvents, callId);
    const finals = agentEvents.ofCall(callId).filter((m) => m.type === 'transcript' && m.final);
    expect(finals.length).toBeGreaterThan(1);
    const alerts = agentEvents.ofCall(callId).filter((m) => m.type === 'alert' && m.category !== 'tone');
    expect(alerts.map((a) => `${String(a.category)} "${String(a.text)}"`)).toEqual([]);
  });
});

describe('tone', () => {
  it('raises a tone alert when the agent shouts after a calm start, and when the agent talks over the customer', async () => {
    const callId = newCallId('tone');
    const calm = [
      'Good morning, this is Sam from Acme Recovery calling about your account.',
      'I would like to go over the balance with you and see what we can arrange.',
      'We have a few options for a payment plan that could work for you this month.',
    ].map((line) => concat(speech(line), silence(600, RATE)));
    const loud = speech('I need an answer from you right now, today, not next week!').map((v) => Math.max(-32768, Math.min(32767, v * 4)));
    const agentTalk = speech('Let me explain the options one more time so that you understand them.');
    const customerTalk = speech('Wait, wait, I already told you that I cannot pay anything this month.');
    const calmAll = concat(...calm);
    const loudAt = ms(calmAll);
    const overlapAt = loudAt + ms(loud) + 2000;
    const agentTrack = concat(calmAll, Int16Array.from(loud), silence(2000, RATE), agentTalk, silence(1500, RATE));
    const customerTrack = concat(silence(overlapAt + 300, RATE), customerTalk, silence(1500, RATE));
    await ingestCall(
      t,
      { callId, agentId: AGENT, language: 'en', encoding: 'pcm_s16le', sampleRate: RATE, channels: 2, channelRoles: ['agent', 'customer'] },
      pcmBytes(interleave(agentTrack, customerTrack)),
    );
    await waitCallEnded(agentEvents, callId);
    const tone = agentEvents.ofCall(callId).filter((m) => m.type === 'alert' && m.category === 'tone');
    const raised = tone.find((m) => m.rule === 'tone.raised_voice');
    expect(raised, JSON.stringify(tone)).toBeDefined();
    expect(Number(raised!.startMs)).toBeGreaterThanOrEqual(loudAt - 500);
    expect(Number(raised!.startMs)).toBeLessThan(loudAt + ms(loud));
    expect(String(raised!.explanation).length).toBeGreaterThan(10);
    expect(String(raised!.suggestion ?? '').length).toBeGreaterThan(5);
    const overtalk = tone.find((m) => m.rule === 'tone.overtalk');
    expect(overtalk, JSON.stringify(tone)).toBeDefined();
    expect(Number(overtalk!.endMs)).toBeGreaterThan(overlapAt);
    // Nothing about tone before the agent raised their voice.
    expect(tone.every((m) => Number(m.endMs) > loudAt)).toBe(true);
  });
});
