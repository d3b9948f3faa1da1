/**
 * Full-call recording, streamed to a WAV file in the data folder as audio arrives (a whole
 * call held in memory would be ~230 MB an hour at 16 kHz stereo). Off by default for privacy:
 * the server opens one only when configured to (`recordingEnabled`, EARSHOT_RECORD_CALLS=1).
 * The header's sizes are written as "unknown" (0xFFFFFFFF, which players read as "to the end of
 * the file") and patched on close, so a recording cut short by a crash still plays.
 */
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { endianness } from 'node:os';
import { dirname } from 'node:path';
import { syncDir } from './files.js';
import type { Store } from './types.js';

export function recordingEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return /^(1|true|yes|on)$/i.test(env.EARSHOT_RECORD_CALLS ?? '');
}

function header(sampleRate: number, channels: number, dataBytes: number): Buffer {
  const h = Buffer.alloc(44);
  const unknown = dataBytes < 0;
  h.write('RIFF', 0, 'ascii');
  h.writeUInt32LE(unknown ? 0xffffffff : 36 + dataBytes, 4);
  h.write('WAVE', 8, 'ascii');
  h.write('fmt ', 12, 'ascii');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20); // PCM
  h.writeUInt16LE(channels, 22);
  h.writeUInt32LE(sampleRate, 24);
  h.writeUInt32LE(sampleRate * channels * 2, 28);
  h.writeUInt16LE(channels * 2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36, 'ascii');
  h.writeUInt32LE(unknown ? 0xffffffff : dataBytes, 40);
  return h;
}

function littleEndianBytes(samples: Int16Array): Buffer {
  if (endianness() === 'LE') return Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength);
  const b = Buffer.alloc(samples.byteLength);
  samples.forEach((v, i) => b.writeInt16LE(v, i * 2));
  return b;
}

export class CallRecorder {
  private bytes = 0;
  /** Writes are chained so they land in order even when callers do not await them. */
  private chain: Promise<void> = Promise.resolve();
  private closed: Promise<string> | null = null;

  private constructor(
    readonly callId: string,
    readonly path: string,
    readonly sampleRate: number,
    readonly channels: number,
    private readonly fh: FileHandle,
  ) {}

  /** Starts the call's recording file (replacing an earlier one) and links it to the call. */
  static async open(store: Store, callId: string, format: { sampleRate: number; channels: number }): Promise<CallRecorder> {
    if (!(format.sampleRate > 0) || !(format.channels >= 1 && format.channels <= 2)) {
      throw new RangeError('a recording has a positive sample rate and one or two channels');
    }
    const path = store.recordingPathFor(callId);
    await mkdir(dirname(path), { recursive: true });
    const fh = await open(path, 'w');
    try {
      await fh.write(header(format.sampleRate, format.channels, -1), 0, 44, 0);
      await fh.sync();
      await syncDir(dirname(path));
      await store.attachRecording(callId, path);
    } catch (err) {
      await fh.close();
      throw err;
    }
    return new CallRecorder(callId, path, format.sampleRate, format.channels, fh);
  }

  /** Appends interleaved 16-bit samples (whole frames). */
  write(interleaved: Int16Array): Promise<void> {
    if (this.closed) return Promise.reject(new Error('recording is closed'));
    if (interleaved.length % this.channels !== 0) return Promise.reject(new RangeError('write whole frames'));
    const data = littleEndianBytes(interleaved);
    const at = 44 + this.bytes;
    this.bytes += data.length;
    this.chain = this.chain.then(async () => {
      await this.fh.write(data, 0, data.length, at);
    });
    return this.chain;
  }

  get durationMs(): number {
    return (this.bytes / (2 * this.channels) / this.sampleRate) * 1000;
  }

  /** Patches the header, fsyncs and closes; returns the file's path. Idempotent. */
  close(): Promise<string> {
    if (!this.closed) {
      this.closed = (async () => {
        try {
          await this.chain.catch(() => {});
          await this.fh.write(header(this.sampleRate, this.channels, this.bytes), 0, 44, 0);
          await this.fh.sync();
        } finally {
          await this.fh.close();
        }
        return this.path;
      })();
    }
    return this.closed;
  }
}
