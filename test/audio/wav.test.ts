import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeToPcm16 } from '../../src/audio/codecs.js';
import { readWav, wavBytes } from '../../src/audio/wav.js';
import { fliteWav, g711Bytes, telephoneWav } from '../support/audio.js';

const dir = mkdtempSync(join(tmpdir(), 'earshot-wav-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function ramp(n: number, step: number, offset = 0): Int16Array {
  const out = new Int16Array(n);
  for (let i = 0; i < n; i++) out[i] = ((offset + i * step + 32768) % 65536) - 32768;
  return out;
}

describe('readWav / wavBytes', () => {
  it('round-trips mono 16-bit PCM', () => {
    const samples = ramp(1000, 131);
    const file = join(dir, 'mono.wav');
    writeFileSync(file, wavBytes({ sampleRateHz: 16000, channels: 1, samples }));
    const back = readWav(file);
    expect(back.sampleRateHz).toBe(16000);
    expect(back.channels).toBe(1);
    expect(Array.from(back.samples)).toEqual(Array.from(samples));
  });

  it('keeps stereo interleaved (left, right, left, right…)', () => {
    const samples = new Int16Array(200);
    for (let i = 0; i < 100; i++) {
      samples[2 * i] = i;
      samples[2 * i + 1] = -i - 1;
    }
    const file = join(dir, 'stereo.wav');
    writeFileSync(file, wavBytes({ sampleRateHz: 8000, channels: 2, samples }));
    const back = readWav(file);
    expect(back.channels).toBe(2);
    expect(back.sampleRateHz).toBe(8000);
    expect(Array.from(back.samples.subarray(0, 6))).toEqual([0, -1, 1, -2, 2, -3]);
    expect(back.samples.length).toBe(200);
  });

  it('reads a file sox wrote (flite speech, 16 kHz)', () => {
    const audio = readWav(fliteWav('testing one two three'));
    expect(audio.sampleRateHz).toBe(16000);
    expect(audio.channels).toBe(1);
    expect(audio.samples.length).toBeGreaterThan(16000 * 0.5);
    expect(audio.samples.some((s) => Math.abs(s) > 1000)).toBe(true);
  });

  it('decodes mu-law and A-law WAV files to the same PCM as the wire decoder', () => {
    const speech = fliteWav('testing one two three');
    for (const law of ['mulaw', 'alaw'] as const) {
      const audio = readWav(telephoneWav(speech, law));
      expect(audio.sampleRateHz).toBe(8000);
      const wire = decodeToPcm16(law, g711Bytes(speech, law));
      expect(audio.samples.length).toBe(wire.length);
      expect(Array.from(audio.samples)).toEqual(Array.from(wire));
    }
  });

  it('converts 8-bit and 24-bit files to 16-bit', () => {
    const src = join(dir, 'src.wav');
    const samples = ramp(800, 257, 100);
    writeFileSync(src, wavBytes({ sampleRateHz: 16000, channels: 1, samples }));
    const f24 = join(dir, 'f24.wav');
    execFileSync('sox', [src, '-b', '24', f24]);
    // 24-bit -> 16-bit is a shift: exact (a float round trip used to lose one LSB on positive samples).
    expect(Array.from(readWav(f24).samples)).toEqual(Array.from(samples));
    const f32 = join(dir, 'f32.wav');
    execFileSync('sox', [src, '-b', '32', '-e', 'signed-integer', f32]);
    expect(Array.from(readWav(f32).samples)).toEqual(Array.from(samples));
    const f8 = join(dir, 'f8.wav');
    execFileSync('sox', [src, '-b', '8', '-D', f8]); // no dither: only the 8-bit quantisation
    const eight = readWav(f8).samples;
    expect(eight.length).toBe(samples.length);
    // sox rounds to the nearest 8-bit step (half a step: 128) and clips at the top.
    for (let i = 0; i < samples.length; i++) expect(Math.abs(eight[i]! - samples[i]!), `sample ${i}`).toBeLessThanOrEqual(256);
    expect(eight.every((v) => v % 256 === 0)).toBe(true);
  });
});
