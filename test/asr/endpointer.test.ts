import { describe, expect, it } from 'vitest';
import { Endpointer } from '../../src/asr/endpointer.js';
import type { UtteranceDecoder } from '../../src/asr/engine.js';
import { SileroModel, type SileroStream } from '../../src/audio/vad.js';

const RATE = 16000;
const WINDOW = 512; // 32 ms

/** Counts what the endpointer feeds it; the words are beside the point here. */
class CountingDecoder implements UtteranceDecoder {
  readonly sampleRateHz = RATE;
  fed = 0;
  utterances = 0;
  begin(): void {
    this.utterances++;
  }
  process(pcm: Int16Array): void {
    this.fed += pcm.length;
  }
  partialText(): string {
    return this.fed > 0 ? 'words' : '';
  }
  end() {
    return [{ word: 'words', startMs: 0, endMs: 100 }];
  }
  reset(): void {}
  close(): void {}
}

/** Speech wherever the window is loud: a stand-in VAD, so the test controls speech and silence exactly. */
const loudIsSpeech = {
  windowSamples: WINDOW,
  sampleRateHz: RATE,
  probability: async (w: Int16Array) => (w.some((x) => x !== 0) ? 0.9 : 0.01),
} as unknown as SileroStream;

function audio(parts: Array<['speech' | 'silence', number]>): Int16Array {
  const chunks = parts.map(([kind, ms]) => {
    const n = (ms / 1000) * RATE;
    const a = new Int16Array(n);
    if (kind === 'speech') for (let i = 0; i < n; i++) a[i] = Math.round(8000 * Math.sin((2 * Math.PI * 220 * i) / RATE));
    return a;
  });
  const out = new Int16Array(chunks.reduce((n, c) => n + c.length, 0));
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.length;
  }
  return out;
}

describe('endpointer: trailing silence', () => {
  it('decodes a pause inside an utterance in full, and at most decodeSilenceMs of the silence that ends it', async () => {
    const decoder = new CountingDecoder();
    const ep = new Endpointer(decoder, loudIsSpeech, { speechThreshold: 0.5, silenceThreshold: 0.35, startSpeechMs: 64, preRollMs: 320, endSilenceMs: 480, maxUtteranceMs: 15000, partialEveryMs: 160, decodeSilenceMs: 192 });
    // 960 ms speech, a 384 ms pause (under the endpoint), 960 ms speech, then 1 s of silence.
    const hyps = await ep.push(audio([['silence', 320], ['speech', 960], ['silence', 384], ['speech', 960], ['silence', 1024]]));
    const finals = hyps.filter((h) => h.final);
    expect(finals).toHaveLength(1);
    expect(decoder.utterances).toBe(1);
    // Pre-roll (320) + speech + the whole pause + speech + 192 ms of the closing silence, at most:
    // the remaining 288 ms of the endpoint wait are never decoded.
    const msFed = (decoder.fed * 1000) / RATE;
    expect(msFed).toBeGreaterThanOrEqual(320 + 960 + 384 + 960);
    expect(msFed).toBeLessThanOrEqual(320 + 960 + 384 + 960 + 192 + 32);
    // The endpoint still comes 480 ms into the silence, on the call's timeline.
    expect(finals[0]!.decodedToMs).toBeCloseTo(320 + 960 + 384 + 960 + 480, -2);
  });
});

describe('Silero VAD: silence floor', () => {
  it('answers digital silence and -70 dBFS hiss with 0, and still hears speech-level audio after it', async () => {
    const model = await SileroModel.load();
    const vad = model.createStream(RATE);
    expect(await vad.probability(new Int16Array(WINDOW))).toBe(0);
    const hiss = Int16Array.from({ length: WINDOW }, (_, i) => (i % 2 ? 10 : -10));
    expect(await vad.probability(hiss)).toBe(0);
    // Loud non-speech still goes to the network, which decides (a value, not the short cut's 0).
    const tone = Int16Array.from({ length: WINDOW }, (_, i) => Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / RATE)));
    const p = await vad.probability(tone);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThanOrEqual(1);
  });
});
