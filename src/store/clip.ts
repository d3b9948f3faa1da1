/**
 * Cuts an alert's audio clip out of the channels' ring buffers: [startMs − pre-roll, endMs +
 * post-roll] on the call timeline, clipped to the audio that exists, as a 16-bit PCM WAV that
 * browsers play. Two channels (agent, customer) become one stereo file so QA hears both sides in
 * time; a channel that has no audio for part of the window is silent there.
 */
import wavefile from 'wavefile';
import type { PcmSource } from '../audio/ring-buffer.js';
import { msToSamples, samplesToMs } from '../audio/ring-buffer.js';

export const DEFAULT_PRE_ROLL_MS = 5000;
export const DEFAULT_POST_ROLL_MS = 3000;

export interface ClipOptions {
  preRollMs?: number;
  postRollMs?: number;
}

export interface ClipAudio {
  wav: Uint8Array;
  /** The clip's range on the call timeline. */
  startMs: number;
  endMs: number;
  durationMs: number;
  /** The pre- and post-roll the clip actually has (less than asked near the call's edges). */
  preRollMs: number;
  postRollMs: number;
  sampleRate: number;
  channels: number;
}

/** Pre-/post-roll from the environment (EARSHOT_CLIP_PRE_ROLL_MS, EARSHOT_CLIP_POST_ROLL_MS) or defaults. */
export function clipOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): Required<ClipOptions> {
  const read = (name: string, fallback: number): number => {
    const v = env[name];
    if (v === undefined || v === '') return fallback;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number of milliseconds >= 0, got "${v}"`);
    return n;
  };
  return {
    preRollMs: read('EARSHOT_CLIP_PRE_ROLL_MS', DEFAULT_PRE_ROLL_MS),
    postRollMs: read('EARSHOT_CLIP_POST_ROLL_MS', DEFAULT_POST_ROLL_MS),
  };
}

/**
 * When the clip of a span ending at `endMs` has all its post-roll: the server waits until the
 * channels' audio reaches this point (or the call ends) before cutting.
 */
export function clipReadyAtMs(endMs: number, options: ClipOptions = {}): number {
  return endMs + (options.postRollMs ?? DEFAULT_POST_ROLL_MS);
}

/** Returns null when none of the window's audio is held any more (or none exists yet). */
export function buildClip(
  sources: readonly PcmSource[],
  startMs: number,
  endMs: number,
  options: ClipOptions = {},
): ClipAudio | null {
  if (sources.length < 1 || sources.length > 2) throw new RangeError('a clip has one or two channels');
  const first = sources[0] as PcmSource;
  const rate = first.sampleRateHz;
  if (sources.some((s) => s.sampleRateHz !== rate)) throw new RangeError('channels of one clip must share a sample rate');
  if (!(endMs >= startMs)) throw new RangeError('endMs must not be before startMs');
  const pre = Math.max(0, options.preRollMs ?? DEFAULT_PRE_ROLL_MS);
  const post = Math.max(0, options.postRollMs ?? DEFAULT_POST_ROLL_MS);

  const held = {
    from: Math.min(...sources.map((s) => s.oldestSample)),
    to: Math.max(...sources.map((s) => s.endSample)),
  };
  const from = Math.max(msToSamples(Math.max(0, startMs - pre), rate), held.from);
  const to = Math.min(msToSamples(endMs + post, rate), held.to);
  if (to <= from) return null;

  const frames = to - from;
  const channels = sources.length;
  const interleaved = new Int16Array(frames * channels);
  sources.forEach((src, ch) => {
    const part = src.read(from, to);
    const offset = part.startSample - from;
    for (let i = 0; i < part.samples.length; i++) {
      interleaved[(offset + i) * channels + ch] = part.samples[i] as number;
    }
  });

  const wav = new wavefile.WaveFile();
  wav.fromScratch(channels, rate, '16', interleaved);
  const clipStartMs = samplesToMs(from, rate);
  const clipEndMs = samplesToMs(to, rate);
  return {
    wav: wav.toBuffer(),
    startMs: clipStartMs,
    endMs: clipEndMs,
    durationMs: samplesToMs(frames, rate),
    preRollMs: Math.max(0, startMs - clipStartMs),
    postRollMs: Math.max(0, clipEndMs - endMs),
    sampleRate: rate,
    channels,
  };
}
