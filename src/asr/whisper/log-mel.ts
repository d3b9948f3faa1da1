import { Tensor, type WhisperFeatureExtractor } from '@huggingface/transformers';

/**
 * Whisper's input features for a window shorter than 30 s, without paying for 30 s.
 *
 * The stock extractor pads the audio with zeros to 30 s, takes the log-mel of all 3,000 frames
 * (~200 ms of JavaScript FFTs and a mel matmul on this CPU), clamps everything to (max - 8) and
 * rescales. Every frame whose analysis window lies wholly in the zero padding has mel power 0,
 * floored to 1e-10: log10 = -10 before the clamp. So the padded region is one constant that
 * depends only on the max of the real frames: (max(-10, max - 8) + 4) / 4. Here the extractor runs
 * over the real audio plus enough zeros that every frame touching real samples is computed exactly
 * as the stock one computes it, and the remaining frames are filled with that constant. The
 * encoder still gets [1, mels, 3000]; the result equals the stock features (tested), at a cost
 * proportional to the window.
 */

/** Whisper's frames are padded to nb_max_frames (3000 = 30 s at 10 ms). */
interface ExtractorConfig {
  hop_length: number;
  n_fft: number;
  nb_max_frames: number;
  n_samples: number;
  feature_size: number;
}

export type MelMode = 'trimmed' | 'stock';

export async function whisperFeatures(extractor: WhisperFeatureExtractor, audio: Float32Array, mode: MelMode): Promise<Tensor> {
  if (mode === 'stock') return (await extractor._call(audio)).input_features;
  const config = extractor.config as unknown as ExtractorConfig;
  const { hop_length: hop, n_fft: nFft, nb_max_frames: maxFrames, n_samples: maxSamples } = config;
  const real = audio.length > maxSamples ? audio.subarray(0, maxSamples) : audio;
  // Zeros after the audio: frame i covers samples [i*hop - nFft/2, i*hop + nFft/2) (centred), so
  // with nFft - 1 zeros every frame not computed here would see only zeros in the stock extractor,
  // and the reflect padding at the end of this shorter signal reflects zeros too. Round up to a
  // whole hop so the frame count is exact.
  let length = real.length + nFft;
  length += (hop - (length % hop)) % hop;
  if (length >= maxSamples) return (await extractor._call(audio)).input_features;
  const waveform = new Float32Array(length);
  waveform.set(real);
  // [mels, frames], already clamped to its own max - 8 and rescaled; the max is the global one
  // too, since every frame left out is at the floor (-10), which is never above it.
  const part = await extractor._extract_fbank_features(waveform);
  const [mels, frames] = part.dims as [number, number];
  const data = part.data as Float32Array;
  let top = -Infinity;
  for (let i = 0; i < data.length; i++) if (data[i]! > top) top = data[i]!;
  // Rescaled: y = (x + 4) / 4, so the clamp max(-10, xmax - 8) becomes max(-1.5, ymax - 2).
  const fill = Math.max(-1.5, top - 2);
  const out = new Float32Array(mels * maxFrames).fill(fill);
  const used = Math.min(frames, maxFrames);
  for (let m = 0; m < mels; m++) out.set(data.subarray(m * frames, m * frames + used), m * maxFrames);
  return new Tensor('float32', out, [1, mels, maxFrames]);
}
