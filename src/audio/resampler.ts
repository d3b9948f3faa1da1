import libsamplerate from '@alexanderolsen/libsamplerate-js';

// The package is CommonJS; its named exports are only reachable through the default export under ESM.
const { create, ConverterType } = libsamplerate;

/**
 * Streaming sample-rate conversion of one mono channel (libsamplerate compiled to WASM).
 * Keeps filter state between chunks, so chunk boundaries leave no clicks.
 */
export interface Resampler {
  readonly inputRateHz: number;
  readonly outputRateHz: number;
  process(pcm: Int16Array): Int16Array;
  close(): void;
}

class PassThrough implements Resampler {
  constructor(readonly inputRateHz: number, readonly outputRateHz: number) {}
  process(pcm: Int16Array): Int16Array {
    return pcm;
  }
  close(): void {}
}

class LibsamplerateResampler implements Resampler {
  constructor(
    readonly inputRateHz: number,
    readonly outputRateHz: number,
    private readonly src: Awaited<ReturnType<typeof create>>,
  ) {}

  process(pcm: Int16Array): Int16Array {
    if (pcm.length === 0) return pcm;
    const input = new Float32Array(pcm.length);
    for (let i = 0; i < pcm.length; i++) input[i] = pcm[i]! / 32768;
    const output = this.src.full(input);
    const out = new Int16Array(output.length);
    for (let i = 0; i < output.length; i++) {
      const v = Math.round(output[i]! * 32768);
      out[i] = v > 32767 ? 32767 : v < -32768 ? -32768 : v;
    }
    return out;
  }

  close(): void {
    this.src.destroy();
  }
}

export async function createResampler(inputRateHz: number, outputRateHz: number): Promise<Resampler> {
  if (inputRateHz === outputRateHz) return new PassThrough(inputRateHz, outputRateHz);
  // SINC_FASTEST is band-limited (no aliasing into the 8 kHz models) at a cost far below decoding.
  const src = await create(1, inputRateHz, outputRateHz, { converterType: ConverterType.SRC_SINC_FASTEST });
  return new LibsamplerateResampler(inputRateHz, outputRateHz, src);
}
