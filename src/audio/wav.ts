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
  if (wav.bitDepth !== '16') wav.toBitDepth('16');
  const interleaved = wav.getSamples(true, Int16Array) as unknown as Int16Array;
  return { sampleRateHz: sampleRate, channels: numChannels, samples: interleaved };
}

/** Encode interleaved 16-bit PCM as a WAV file. */
export function wavBytes(audio: PcmAudio): Uint8Array {
  const wav = new wavefile.WaveFile();
  wav.fromScratch(audio.channels, audio.sampleRateHz, '16', audio.samples);
  return wav.toBuffer();
}
