import wavefile from 'wavefile';
import { describe, expect, it } from 'vitest';
import { PcmRingBuffer, pcmSource } from '../../src/audio/ring-buffer.js';
import { buildClip, clipOptionsFromEnv, clipReadyAtMs, DEFAULT_POST_ROLL_MS, DEFAULT_PRE_ROLL_MS } from '../../src/store/clip.js';

/** A channel whose every sample encodes its own timeline index, so we can check alignment. */
function ramp(sampleRate: number, seconds: number, tag: number): Int16Array {
  return new Int16Array(sampleRate * seconds).map((_, i) => ((i % 8000) + tag) | 0);
}

function decode(bytes: Uint8Array) {
  const wav = new wavefile.WaveFile(bytes);
  const fmt = wav.fmt as { sampleRate: number; numChannels: number; bitsPerSample: number; audioFormat: number };
  const samples = wav.getSamples(false, Int16Array) as unknown as Int16Array[] | Int16Array;
  const channels = fmt.numChannels === 1 ? [samples as Int16Array] : (samples as Int16Array[]);
  const frames = channels[0]?.length ?? 0;
  return { fmt, channels, frames, durationMs: (frames * 1000) / fmt.sampleRate };
}

describe('clip WAV', () => {
  it('cuts pre-roll + segment + post-roll, stereo for two channels, aligned on the timeline', () => {
    const rate = 16000;
    const agent = new PcmRingBuffer(rate, 60_000);
    const customer = new PcmRingBuffer(rate, 60_000);
    agent.push(ramp(rate, 30, 0));
    customer.push(ramp(rate, 30, 10000));
    const clip = buildClip([agent, customer], 12_000, 14_500);
    expect(clip).not.toBeNull();
    expect(clip).toMatchObject({ startMs: 7000, endMs: 17_500, durationMs: 10_500, preRollMs: DEFAULT_PRE_ROLL_MS, postRollMs: DEFAULT_POST_ROLL_MS, channels: 2, sampleRate: rate });
    const d = decode(clip!.wav);
    expect(d.fmt).toMatchObject({ sampleRate: rate, numChannels: 2, bitsPerSample: 16, audioFormat: 1 });
    expect(d.durationMs).toBe(10_500);
    // First frame is timeline sample 7 s * 16000: left is the agent, right the customer.
    const first = (7 * rate) % 8000;
    expect(d.channels[0]?.[0]).toBe(first);
    expect(d.channels[1]?.[0]).toBe(first + 10000);
  });

  it('clips to the audio that exists at the call edges and honours configured rolls', () => {
    const rate = 8000;
    const mono = pcmSource(ramp(rate, 10, 0), rate);
    const early = buildClip([mono], 1000, 2000);
    expect(early).toMatchObject({ startMs: 0, endMs: 5000, preRollMs: 1000, postRollMs: 3000, channels: 1 });
    expect(decode(early!.wav).durationMs).toBe(5000);
    const late = buildClip([mono], 8000, 9500);
    expect(late).toMatchObject({ startMs: 3000, endMs: 10_000, postRollMs: 500 });
    expect(decode(late!.wav).durationMs).toBe(7000);
    const custom = buildClip([mono], 4000, 5000, { preRollMs: 500, postRollMs: 250 });
    expect(custom).toMatchObject({ startMs: 3500, endMs: 5250, durationMs: 1750 });
    expect(decode(custom!.wav)).toMatchObject({ frames: 14_000, fmt: { numChannels: 1, sampleRate: 8000 } });
  });

  it('uses only what the ring buffer still holds, and returns null when nothing is', () => {
    const rate = 8000;
    const ring = new PcmRingBuffer(rate, 10_000); // keeps 10 s
    for (let s = 0; s < 30; s++) ring.push(ramp(rate, 1, 0));
    expect(ring.oldestMs).toBe(20_000);
    const c = buildClip([ring], 21_000, 22_000);
    expect(c).toMatchObject({ startMs: 20_000, endMs: 25_000, preRollMs: 1000 });
    expect(buildClip([ring], 5000, 6000)).toBeNull();
  });

  it('pads a channel that has no audio for part of the window with silence', () => {
    const rate = 8000;
    const agent = pcmSource(new Int16Array(rate * 10).fill(100), rate);
    const customer = pcmSource(new Int16Array(rate * 5).fill(200), rate, 5000); // joined 5 s in
    const c = buildClip([agent, customer], 3000, 6000, { preRollMs: 1000, postRollMs: 1000 });
    const d = decode(c!.wav);
    expect(d.durationMs).toBe(5000);
    expect(d.channels[1]?.[0]).toBe(0);
    expect(d.channels[1]?.[rate * 3]).toBe(200);
    expect(d.channels[0]?.[0]).toBe(100);
  });

  it('rejects mismatched rates and more than two channels; reads rolls from the environment', () => {
    const a = pcmSource(new Int16Array(8000), 8000);
    const b = pcmSource(new Int16Array(16000), 16000);
    expect(() => buildClip([a, b], 0, 100)).toThrow(RangeError);
    expect(() => buildClip([a, a, a], 0, 100)).toThrow(RangeError);
    expect(clipOptionsFromEnv({})).toEqual({ preRollMs: 5000, postRollMs: 3000 });
    expect(clipOptionsFromEnv({ EARSHOT_CLIP_PRE_ROLL_MS: '2000', EARSHOT_CLIP_POST_ROLL_MS: '0' })).toEqual({ preRollMs: 2000, postRollMs: 0 });
    expect(() => clipOptionsFromEnv({ EARSHOT_CLIP_PRE_ROLL_MS: 'soon' })).toThrow(/EARSHOT_CLIP_PRE_ROLL_MS/);
    expect(clipReadyAtMs(10_000)).toBe(13_000);
  });
});

describe('PCM ring buffer', () => {
  it('keeps the last N ms in bounded memory and reads across the wrap', () => {
    const ring = new PcmRingBuffer(1000, 100); // 100 samples
    expect(ring.capacity).toBe(100);
    let next = 0;
    for (let k = 0; k < 37; k++) {
      const chunk = new Int16Array(7).map(() => next++);
      ring.push(chunk);
    }
    expect(ring.endSample).toBe(259);
    expect(ring.oldestSample).toBe(159);
    const r = ring.read(150, 300);
    expect(r.startSample).toBe(159);
    expect(Array.from(r.samples)).toEqual(Array.from({ length: 100 }, (_, i) => 159 + i));
    expect(Array.from(ring.read(200, 205).samples)).toEqual([200, 201, 202, 203, 204]);
    expect(ring.read(0, 100).samples.length).toBe(0);
  });

  it('handles a push larger than the capacity, silence gaps and a late start', () => {
    const ring = new PcmRingBuffer(1000, 10, 50); // starts at 50 ms on the call timeline
    expect(ring.oldestSample).toBe(50);
    ring.push(new Int16Array(25).map((_, i) => i));
    expect(ring.endSample).toBe(75);
    expect(Array.from(ring.read(0, 1000).samples)).toEqual([15, 16, 17, 18, 19, 20, 21, 22, 23, 24]);
    ring.pushSilence(3);
    expect(ring.endMs).toBe(78);
    expect(Array.from(ring.readMs(74, 78).samples)).toEqual([24, 0, 0, 0]);
    expect(() => new PcmRingBuffer(0, 10)).toThrow(RangeError);
  });
});
