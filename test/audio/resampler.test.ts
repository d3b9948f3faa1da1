import { describe, expect, it } from 'vitest';
import { createResampler, type Resampler } from '../../src/audio/resampler.js';

function sine(freqHz: number, rateHz: number, seconds: number, amplitude = 16000): Int16Array {
  const out = new Int16Array(Math.round(rateHz * seconds));
  for (let i = 0; i < out.length; i++) out[i] = Math.round(amplitude * Math.sin((2 * Math.PI * freqHz * i) / rateHz));
  return out;
}

/** Feed a signal in fixed chunks, as a socket delivers it, and join the output. */
function stream(rs: Resampler, pcm: Int16Array, chunk: number): Int16Array {
  const parts: Int16Array[] = [];
  for (let off = 0; off < pcm.length; off += chunk) parts.push(rs.process(pcm.slice(off, off + chunk)));
  const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Frequency from upward zero crossings over a stretch of signal. */
function frequency(pcm: Int16Array, rateHz: number): number {
  let first = -1;
  let last = -1;
  let count = 0;
  for (let i = 1; i < pcm.length; i++) {
    if (pcm[i - 1]! < 0 && pcm[i]! >= 0) {
      if (first < 0) first = i;
      else count++;
      last = i;
    }
  }
  return (count * rateHz) / (last - first);
}

function rms(pcm: Int16Array): number {
  let s = 0;
  for (const v of pcm) s += v * v;
  return Math.sqrt(s / Math.max(1, pcm.length));
}

/** Drop the filter's start-up and the tail, where a streaming converter is still settling. */
function steady(pcm: Int16Array, rateHz: number): Int16Array {
  const edge = Math.round(rateHz * 0.05);
  return pcm.subarray(edge, pcm.length - edge);
}

describe('resampler', () => {
  it('8 kHz -> 16 kHz keeps a 1 kHz tone at 1 kHz and doubles the sample count', async () => {
    const input = sine(1000, 8000, 2);
    const rs = await createResampler(8000, 16000);
    const out = stream(rs, input, 160); // 20 ms chunks
    rs.close();
    // A streaming converter holds back a few ms of filter delay; everything else comes out.
    expect(out.length).toBeGreaterThan(input.length * 2 - 16000 * 0.02);
    expect(out.length).toBeLessThanOrEqual(input.length * 2);
    const body = steady(out, 16000);
    expect(frequency(body, 16000)).toBeCloseTo(1000, -1); // within 5 Hz
    // Amplitude survives (no attenuation of an in-band tone)
    expect(rms(body) / rms(input)).toBeGreaterThan(0.95);
    expect(rms(body) / rms(input)).toBeLessThan(1.05);
  });

  it('leaves no clicks at chunk boundaries', async () => {
    const input = sine(1000, 8000, 1);
    const rs = await createResampler(8000, 16000);
    const out = steady(stream(rs, input, 80), 16000);
    rs.close();
    // Largest step of a 16000-amplitude 1 kHz sine at 16 kHz: 16000 * 2 * sin(pi * 1000/16000) ~ 6270
    let maxStep = 0;
    for (let i = 1; i < out.length; i++) maxStep = Math.max(maxStep, Math.abs(out[i]! - out[i - 1]!));
    expect(maxStep).toBeLessThan(6600);
  });

  it('44.1 kHz -> 16 kHz keeps frequency and the length ratio', async () => {
    const input = sine(440, 44100, 2);
    const rs = await createResampler(44100, 16000);
    const out = stream(rs, input, 882);
    rs.close();
    const expected = (input.length * 16000) / 44100;
    expect(out.length).toBeGreaterThan(expected - 16000 * 0.02);
    expect(out.length).toBeLessThanOrEqual(Math.ceil(expected) + 1);
    expect(frequency(steady(out, 16000), 16000)).toBeCloseTo(440, -1);
  });

  it('16 kHz -> 8 kHz removes a tone above the new Nyquist (no aliasing)', async () => {
    const rs = await createResampler(16000, 8000);
    const out = steady(stream(rs, sine(6000, 16000, 1), 320), 8000);
    rs.close();
    // A 6 kHz tone would alias to 2 kHz at full level without a low-pass filter.
    expect(rms(out)).toBeLessThan(16000 * 0.01);
  });

  it('keeps an in-band tone when downsampling 48 kHz -> 8 kHz', async () => {
    const rs = await createResampler(48000, 8000);
    const out = steady(stream(rs, sine(1000, 48000, 1), 960), 8000);
    rs.close();
    expect(frequency(out, 8000)).toBeCloseTo(1000, -1);
    expect(rms(out) / (16000 / Math.SQRT2)).toBeGreaterThan(0.95);
  });

  it('passes audio through unchanged at equal rates', async () => {
    const rs = await createResampler(16000, 16000);
    const input = sine(300, 16000, 0.1);
    expect(Array.from(rs.process(input))).toEqual(Array.from(input));
    rs.close();
  });

  it('clips instead of wrapping around at full scale', async () => {
    const rs = await createResampler(8000, 16000);
    // A full-scale square wave overshoots after band-limiting (Gibbs): samples must saturate, not wrap.
    const square = new Int16Array(8000);
    for (let i = 0; i < square.length; i++) square[i] = Math.floor(i / 20) % 2 ? 32767 : -32768;
    const out = steady(stream(rs, square, 160), 16000);
    rs.close();
    let wraps = 0;
    for (let i = 1; i < out.length; i++) if (Math.abs(out[i]! - out[i - 1]!) > 40000) wraps++;
    expect(wraps).toBe(0);
  });
});
