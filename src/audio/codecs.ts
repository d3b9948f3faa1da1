import alawmulaw from 'alawmulaw';

/** Wire encodings accepted on ingest (design.md § Wire protocol). */
export const ENCODINGS = ['pcm_s16le', 'mulaw', 'alaw'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export function isEncoding(value: unknown): value is Encoding {
  return typeof value === 'string' && (ENCODINGS as readonly string[]).includes(value);
}

/** Bytes per sample of one channel on the wire. */
export function bytesPerSample(encoding: Encoding): number {
  return encoding === 'pcm_s16le' ? 2 : 1;
}

/** Decode wire bytes to interleaved 16-bit linear PCM. The caller has checked the length. */
export function decodeToPcm16(encoding: Encoding, bytes: Uint8Array): Int16Array {
  switch (encoding) {
    case 'pcm_s16le': {
      // Copy: the frame buffer may be unaligned and is reused by the socket layer.
      const out = new Int16Array(bytes.length >> 1);
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      for (let i = 0; i < out.length; i++) out[i] = view.getInt16(i * 2, true);
      return out;
    }
    case 'mulaw':
      return alawmulaw.mulaw.decode(bytes);
    case 'alaw':
      return alawmulaw.alaw.decode(bytes);
  }
}

export function encodeMulaw(pcm: Int16Array): Uint8Array {
  return alawmulaw.mulaw.encode(pcm);
}
