import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bytesPerSample, decodeToPcm16, encodeMulaw, isEncoding } from '../../src/audio/codecs.js';

const ALL_CODES = Uint8Array.from({ length: 256 }, (_, i) => i);
const dir = mkdtempSync(join(tmpdir(), 'earshot-codecs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** sox's own G.711 tables, an implementation independent of the one under test. */
function soxDecode(law: 'u-law' | 'a-law', codes: Uint8Array): Int16Array {
  const inp = join(dir, `${law}.raw`);
  const out = join(dir, `${law}.s16`);
  writeFileSync(inp, codes);
  execFileSync('sox', ['-t', 'raw', '-r', '8000', '-c', '1', '-e', law, '-b', '8', inp, '-t', 'raw', '-e', 'signed-integer', '-b', '16', '-L', out]);
  const buf = readFileSync(out);
  const pcm = new Int16Array(buf.length / 2);
  for (let i = 0; i < pcm.length; i++) pcm[i] = buf.readInt16LE(i * 2);
  return pcm;
}

describe('G.711 decoding', () => {
  it('decodes known mu-law codes (ITU-T G.711 table)', () => {
    expect(Array.from(decodeToPcm16('mulaw', Uint8Array.from([0xff, 0x7f, 0x80, 0x00, 0xf0, 0x70])))).toEqual([0, 0, 32124, -32124, 120, -120]);
  });

  it('decodes known A-law codes', () => {
    expect(Array.from(decodeToPcm16('alaw', Uint8Array.from([0xd5, 0x55, 0xaa, 0x2a])))).toEqual([8, -8, 32256, -32256]);
  });

  it('decodes all 256 mu-law codes as sox does', () => {
    expect(Array.from(decodeToPcm16('mulaw', ALL_CODES))).toEqual(Array.from(soxDecode('u-law', ALL_CODES)));
  });

  it('decodes all 256 A-law codes as sox does', () => {
    expect(Array.from(decodeToPcm16('alaw', ALL_CODES))).toEqual(Array.from(soxDecode('a-law', ALL_CODES)));
  });

  it('mu-law encode inverts decode for every code (negative zero maps to positive zero)', () => {
    const back = encodeMulaw(decodeToPcm16('mulaw', ALL_CODES));
    for (let code = 0; code < 256; code++) expect(back[code], `code ${code}`).toBe(code === 0x7f ? 0xff : code);
  });

  it('mu-law round trip of linear samples stays within the quantisation step', () => {
    const pcm = new Int16Array(2000);
    for (let i = 0; i < pcm.length; i++) pcm[i] = Math.round(Math.sin(i / 7) * 30000 * (i / pcm.length));
    const back = decodeToPcm16('mulaw', encodeMulaw(pcm));
    for (let i = 0; i < pcm.length; i++) {
      // mu-law steps grow with magnitude: about 1/16 of the segment, never more than 1024 at full scale
      const tolerance = Math.max(8, Math.abs(pcm[i]!) / 16);
      expect(Math.abs(back[i]! - pcm[i]!), `sample ${i}: ${pcm[i]} -> ${back[i]}`).toBeLessThanOrEqual(tolerance);
    }
  });
});

describe('pcm_s16le decoding', () => {
  it('reads little-endian samples from a buffer at an odd byte offset', () => {
    const backing = Buffer.from([0xaa, 0x34, 0x12, 0xff, 0xff, 0x00, 0x80, 0xff, 0x7f, 0x01, 0x00, 0xbb]);
    const frame = backing.subarray(1, 11); // byteOffset 1: not Int16-aligned
    expect(frame.byteOffset % 2).toBe(1);
    const pcm = decodeToPcm16('pcm_s16le', frame);
    expect(Array.from(pcm)).toEqual([0x1234, -1, -32768, 32767, 1]);
  });

  it('copies: later writes to the socket buffer do not change decoded samples', () => {
    const frame = Buffer.from([0x01, 0x00, 0x02, 0x00]);
    const pcm = decodeToPcm16('pcm_s16le', frame);
    frame.fill(0x7f);
    expect(Array.from(pcm)).toEqual([1, 2]);
  });

  it('reads a long frame sample for sample', () => {
    const src = new Int16Array(4001);
    for (let i = 0; i < src.length; i++) src[i] = ((i * 7919) % 65536) - 32768;
    const buf = Buffer.alloc(src.length * 2 + 1);
    for (let i = 0; i < src.length; i++) buf.writeInt16LE(src[i]!, 1 + i * 2);
    expect(Array.from(decodeToPcm16('pcm_s16le', buf.subarray(1)))).toEqual(Array.from(src));
  });
});

describe('encodings', () => {
  it('knows the wire encodings and their sample sizes', () => {
    expect(isEncoding('pcm_s16le') && isEncoding('mulaw') && isEncoding('alaw')).toBe(true);
    expect(isEncoding('opus')).toBe(false);
    expect(isEncoding('PCM_S16LE')).toBe(false);
    expect(isEncoding(undefined)).toBe(false);
    expect([bytesPerSample('pcm_s16le'), bytesPerSample('mulaw'), bytesPerSample('alaw')]).toEqual([2, 1, 1]);
  });
});
