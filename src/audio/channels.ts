/** Split interleaved PCM into one array per channel. */
export function deinterleave(pcm: Int16Array, channels: number): Int16Array[] {
  if (channels === 1) return [pcm];
  const frames = Math.floor(pcm.length / channels);
  const out = Array.from({ length: channels }, () => new Int16Array(frames));
  for (let f = 0; f < frames; f++) {
    for (let c = 0; c < channels; c++) out[c]![f] = pcm[f * channels + c]!;
  }
  return out;
}
