/**
 * Streaming on the Whisper worker's inside (src/asr/whisper/worker.ts), in this thread: real
 * Silero VAD, real speech. First with the real transformers.js pipeline on whisper-random-tiny
 * (partials, finals, times on the audio timeline); then with a scripted slow transcriber, where
 * the point is the scheduling (one decode at a time, decoding less often when behind and saying
 * so, bounded work), not the transcripts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SileroModel } from '../../src/audio/vad.js';
import type { TimedHypothesis } from '../../src/asr/endpointer.js';
import type { Language, WindowTranscriber, WindowTranscript } from '../../src/asr/engine.js';
import type { FromWorker } from '../../src/asr/messages.js';
import { loadWhisperSettings } from '../../src/asr/whisper/settings.js';
import { WhisperTranscriber } from '../../src/asr/whisper/transcriber.js';
import { WhisperWorker } from '../../src/asr/whisper/worker.js';
import { concat, loadWav, silence, spanishVoxforgeClips } from '../support/audio.js';

const RATE = 16000;
const vad = SileroModel.load();
let tiny: WhisperTranscriber;

/** Real Spanish speech: clips with pauses between them, 16 kHz mono. */
function call(clips: number, pauseMs = 1000): Int16Array {
  const parts = spanishVoxforgeClips()
    .slice(0, clips)
    .flatMap((c) => [silence(pauseMs, RATE), loadWav(c.path).samples]);
  return concat(...parts, silence(pauseMs, RATE));
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A worker in this thread and everything it sends, per stream. */
function harness(transcriber: WindowTranscriber, stepMs = 1000) {
  const messages: FromWorker[] = [];
  const waiters: (() => void)[] = [];
  const worker = new WhisperWorker(
    (m) => {
      messages.push(m);
      waiters.splice(0).forEach((w) => w());
    },
    vad,
    Promise.resolve(transcriber),
    { stepMs, maxStepMs: 4 * stepMs },
  );
  const of = (id: string) => messages.filter((m) => 'streamId' in m && m.streamId === id);
  const until = async (pred: () => boolean, ms = 60_000): Promise<void> => {
    const end = Date.now() + ms;
    while (!pred()) {
      if (Date.now() > end) throw new Error(`timed out; got ${JSON.stringify(messages.map((m) => m.type))}`);
      await new Promise<void>((r) => {
        waiters.push(r);
        setTimeout(r, 50);
      });
    }
  };
  return { worker, messages, of, until };
}

/** Feed one stream at `speed` times real time, 100 ms per message, then finish it. */
async function feed(worker: WhisperWorker, streamId: string, pcm: Int16Array, speed: number): Promise<void> {
  const chunk = RATE / 10;
  for (let off = 0; off < pcm.length; off += chunk) {
    worker.handle({ type: 'audio', streamId, pcm: pcm.slice(off, off + chunk) });
    await sleep(100 / speed);
  }
  worker.handle({ type: 'finish', streamId });
}

function hyps(messages: FromWorker[]): TimedHypothesis[] {
  return messages.flatMap((m) => (m.type === 'hyp' ? [m.hyp] : []));
}

beforeAll(async () => {
  tiny = await WhisperTranscriber.load({ ...loadWhisperSettings({}), model: 'whisper-random-tiny', threads: 1 });
});

afterAll(async () => {
  await tiny?.dispose();
});

describe('a Whisper stream on the real pipeline', () => {
  it('gives partials then a final per utterance, all on the audio timeline, and finishes', async () => {
    const h = harness(tiny);
    const pcm = call(2);
    const audioMs = (pcm.length * 1000) / RATE;
    h.worker.handle({ type: 'open', streamId: 'a', engine: 'whisper', language: 'es', telephone: false, inputRateHz: RATE });
    await feed(h.worker, 'a', pcm, 6);
    await h.until(() => h.of('a').some((m) => m.type === 'finished'));

    const msgs = h.of('a');
    expect(msgs[0]).toMatchObject({ type: 'opened', sampleRateHz: RATE });
    expect(msgs.at(-1)?.type).toBe('finished');
    expect(msgs.filter((m) => m.type === 'progress').at(-1)).toMatchObject({ consumedSamples: pcm.length });
    const all = hyps(msgs);
    const finals = all.filter((x) => x.final);
    expect(finals.length).toBeGreaterThanOrEqual(2); // two clips, a second of silence between them
    expect(all.some((x) => !x.final)).toBe(true);
    let lastEnd = 0;
    for (const f of finals) {
      expect(f.startMs).toBeGreaterThanOrEqual(lastEnd);
      expect(f.endMs).toBeGreaterThan(f.startMs);
      expect(f.decodedToMs).toBeLessThanOrEqual(audioMs + 1);
      expect(f.words.length).toBeGreaterThan(0);
      expect(f.text).toBe(f.words.map((w) => w.word).join(' '));
      let t = f.startMs;
      for (const w of f.words) {
        expect(w.startMs).toBeGreaterThanOrEqual(t);
        expect(w.endMs).toBeGreaterThanOrEqual(w.startMs);
        t = w.endMs;
      }
      expect(t).toBeLessThanOrEqual(f.endMs);
      lastEnd = f.endMs;
    }
    // Each partial belongs to an utterance whose final comes after it, and grows with the audio.
    const partials = all.filter((x) => !x.final);
    for (const p of partials) {
      const final = finals.find((f) => f.startMs === p.startMs);
      expect(final, `final for partial at ${p.startMs}`).toBeDefined();
      expect(all.indexOf(p)).toBeLessThan(all.indexOf(final!));
      expect(p.endMs).toBeLessThanOrEqual(audioMs + 1);
    }
  });
});

/** Scripted: a decode takes `ms`; its text is one word per 300 ms of audio, the same words each time. */
class SlowTranscriber implements WindowTranscriber {
  readonly sampleRateHz = RATE;
  readonly languages: readonly Language[] = ['en', 'es', 'zh'];
  /** The language of each request, in order. */
  asked: string[] = [];
  inFlight = 0;
  maxInFlight = 0;
  calls = 0;
  gate?: Promise<void>;
  constructor(private readonly ms: number) {}
  async transcribe(audio: Float32Array, request: { language: Language | 'auto' }): Promise<WindowTranscript> {
    this.asked.push(request.language);
    this.calls++;
    this.maxInFlight = Math.max(this.maxInFlight, ++this.inFlight);
    await this.gate;
    await sleep(this.ms);
    this.inFlight--;
    const words = Array.from({ length: Math.floor(audio.length / (RATE * 0.3)) }, (_, i) => `w${i}`);
    // "auto" is answered as Mandarin, so a language taken from it shows.
    const language = request.language === 'auto' ? 'zh' : request.language;
    return { text: words.join(' '), language, timing: { featuresMs: 0, generateMs: this.ms, tokens: words.length } };
  }
}

describe('language identification', () => {
  it('asks an "auto" call\'s first decode of each utterance to identify the language, then keeps it for that utterance', async () => {
    const scripted = new SlowTranscriber(5);
    const h = harness(scripted);
    h.worker.handle({ type: 'open', streamId: 'l', engine: 'whisper', language: 'en', telephone: false, inputRateHz: RATE, detectLanguage: true });
    await feed(h.worker, 'l', call(2), 8);
    await h.until(() => h.of('l').some((m) => m.type === 'finished'));
    const finals = hyps(h.of('l')).filter((x) => x.final).length;
    expect(finals).toBeGreaterThanOrEqual(2);
    // One "auto" per utterance (its first decode); every other decode of it asks for what that found.
    expect(scripted.asked.filter((l) => l === 'auto').length).toBe(finals);
    expect(scripted.asked.filter((l) => l !== 'auto').every((l) => l === 'zh')).toBe(true);
    expect(scripted.asked.length).toBeGreaterThan(finals);
  });
});

describe('Whisper decoding under load', () => {
  it('runs one decode at a time, decodes less often when behind and says so, and still delivers every final', async () => {
    const slow = new SlowTranscriber(350);
    const h = harness(slow);
    const pcm = call(2, 800);
    const ids = ['x', 'y', 'z'];
    for (const id of ids) h.worker.handle({ type: 'open', streamId: id, engine: 'whisper', language: 'es', telephone: false, inputRateHz: RATE });
    await Promise.all(ids.map((id) => feed(h.worker, id, pcm, 6)));
    await h.until(() => ids.every((id) => h.of(id).some((m) => m.type === 'finished')), 120_000);

    expect(slow.maxInFlight).toBe(1);
    const lagged = ids.filter((id) => h.of(id).some((m) => m.type === 'lag' && m.behind));
    expect(lagged.length).toBeGreaterThan(0);
    const speechS = (pcm.length / RATE) * ids.length;
    // A fixed one-second cadence would need a decode per second of each stream's speech, plus finals;
    // backing off asks for far fewer.
    expect(slow.calls).toBeLessThan(speechS);
    for (const id of ids) {
      const finals = hyps(h.of(id)).filter((x) => x.final);
      expect(finals.length, id).toBeGreaterThanOrEqual(2);
      for (const f of finals) expect(f.text).toMatch(/^w0( w\d+)*$/);
    }
  });

  it('keeps the work bounded: while decoding waits, input waits in its queue (backpressure), and nothing is lost', async () => {
    const slow = new SlowTranscriber(5);
    let release!: () => void;
    slow.gate = new Promise((r) => (release = r));
    const h = harness(slow);
    const pcm = call(8, 1200); // ten-second clips: over a minute and a half of speech
    h.worker.handle({ type: 'open', streamId: 'q', engine: 'whisper', language: 'es', telephone: false, inputRateHz: RATE });
    const consumed = (): number => (h.of('q').filter((m) => m.type === 'progress').at(-1) as { consumedSamples: number } | undefined)?.consumedSamples ?? 0;
    // A client as the call session makes it: never more than 10 s ahead of what the worker took.
    let sent = 0;
    const client = async (untilMs: number): Promise<void> => {
      const end = Date.now() + untilMs;
      while (sent < pcm.length && Date.now() < end) {
        if (sent - consumed() < 10 * RATE) {
          h.worker.handle({ type: 'audio', streamId: 'q', pcm: pcm.slice(sent, sent + RATE) });
          sent += RATE;
        } else await sleep(20);
      }
    };
    await client(2500);
    // The first final is stuck in decoding: the worker took audio only until finals were waiting.
    expect(slow.inFlight).toBe(1);
    expect(sent).toBeLessThan(pcm.length);
    const stalledAt = consumed();
    expect(stalledAt).toBeGreaterThan(0);
    expect(stalledAt).toBeLessThan(pcm.length / 2);
    release();
    await client(60_000);
    h.worker.handle({ type: 'finish', streamId: 'q' });
    await h.until(() => h.of('q').some((m) => m.type === 'finished'), 120_000);
    expect(consumed()).toBe(pcm.length);
    expect(h.of('q').filter((m) => m.type === 'lag').every((m) => (m as { droppedMs: number }).droppedMs === 0)).toBe(true);
    expect(hyps(h.of('q')).filter((x) => x.final).length).toBe(8);
  });

  it('drops the oldest input beyond 30 s of backlog, says so, and keeps the timeline', async () => {
    const slow = new SlowTranscriber(5);
    let release!: () => void;
    slow.gate = new Promise((r) => (release = r));
    const h = harness(slow);
    const pcm = call(6, 1200);
    h.worker.handle({ type: 'open', streamId: 'd', engine: 'whisper', language: 'es', telephone: false, inputRateHz: RATE });
    await h.until(() => h.of('d').some((m) => m.type === 'opened'));
    for (let off = 0; off < pcm.length; off += RATE) h.worker.handle({ type: 'audio', streamId: 'd', pcm: pcm.slice(off, off + RATE) });
    h.worker.handle({ type: 'finish', streamId: 'd' });
    release();
    await h.until(() => h.of('d').some((m) => m.type === 'finished'), 120_000);
    const lags = h.of('d').filter((m) => m.type === 'lag') as Extract<FromWorker, { type: 'lag' }>[];
    // Said when it happened (behind, with what went), and the total once caught up.
    expect(lags[0]).toMatchObject({ behind: true });
    expect(lags[0]!.droppedMs).toBeGreaterThan(0);
    expect(lags.at(-1)).toMatchObject({ behind: false });
    expect(lags.at(-1)!.droppedMs).toBeGreaterThan(20_000);
    const finals = hyps(h.of('d')).filter((x) => x.final);
    // What is left is the end of the call, at its own times.
    expect(finals.at(-1)!.startMs).toBeGreaterThan((pcm.length * 1000) / RATE - 15_000);
    expect(finals.length).toBeLessThan(6);
  });
});
