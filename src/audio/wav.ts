import { readFileSync } from 'node:fs';
import wavefile from 'wavefile';

export interface PcmAudio {
  sampleRateHz: number;
  channels: number;
  /** Interleaved 16-bit samples. */
  samples: Int16Array;
}

/** Read a WAV file of any common format as interleaved 16-bit PCM. */
export function readWav(path: string): PcmAudio {
  const wav = new wavefile.WaveFile(readFileSync(path));
  const { sampleRate, numChannels, audioFormat } = wav.fmt as { sampleRate: number; numChannels: number; audioFormat: number };
  if (audioFormat === 7) wav.fromMuLaw();
  else if (audioFormat === 6) wav.fromALaw();
  const depth = wav.bitDepth;
  let samples: Int16Array;
  if (depth === '16') {
    samples = wav.getSamples(true, Int16Array) as unknown as Int16Array;
  } else if (depth === '24' || depth === '32') {
    // Integer PCM deeper than 16 bits: keep the top 16 bits exactly (wavefile's own conversion rounds through floats).
    const wide = wav.getSamples(true, Int32Array) as unknown as Int32Array;
    const shift = Number(depth) - 16;
    samples = Int16Array.from(wide, (v) => v >> shift);
  } else if (depth === '8') {
    const narrow = wav.getSamples(true, Int32Array) as unknown as Int32Array;
    samples = Int16Array.from(narrow, (u) => (u - 128) << 8);
  } else {
    wav.toBitDepth('16'); // float formats
    samples = wav.getSamples(true, Int16Array) as unknown as Int16Array;
  }
  return { sampleRateHz: sampleRate, channels: numChannels, samples };
}

/** Encode interleaved 16-bit PCM as a WAV file. */
export function wavBytes(audio: PcmAudio): Uint8Array {
  const wav = new wavefile.WaveFile();
  wav.fromScratch(audio.channels, audio.sampleRateHz, '16', audio.samples);
  return wav.toBuffer();
}
