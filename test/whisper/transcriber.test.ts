/**
 * The Whisper engine's model side, on the real transformers.js stack and the real random-weight
 * models of ../shared/models/whisper: the log-mel over the real audio only equals the stock 30 s
 * features; prompts per language and language identification; the model-folder checks; a model
 * of the real whisper-tiny dimensions and vocabulary (what real weights look like) loads and runs.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineError } from '../../src/asr/engine.js';
import { checkWhisper } from '../../src/asr/whisper/engine.js';
import { inspectWhisperModel } from '../../src/asr/whisper/model-folder.js';
import { loadWhisperSettings, type WhisperSettings } from '../../src/asr/whisper/settings.js';
import { WhisperTranscriber } from '../../src/asr/whisper/transcriber.js';
import { loadWav, sharedDir, spanishVoxforgeClips } from '../support/audio.js';

const whisperDir = join(sharedDir, 'models', 'whisper');
const scratch: string[] = [];

function settings(over: Partial<WhisperSettings> = {}): WhisperSettings {
  return { ...loadWhisperSettings({}), model: 'whisper-random-tiny', threads: 1, ...over };
}

function speech(seconds: number): Float32Array {
  const clip = loadWav(spanishVoxforgeClips()[0]!.path);
  const n = Math.min(clip.samples.length, Math.round(seconds * clip.sampleRateHz));
  return Float32Array.from(clip.samples.subarray(0, n), (s) => s / 32768);
}

/** A copy of the tiny model with its generation config changed (an English-only or broken variant). */
function variant(edit: (dir: string) => void): string {
  const root = mkdtempSync(join(tmpdir(), 'earshot-whisper-'));
  scratch.push(root);
  cpSync(join(whisperDir, 'whisper-random-tiny'), join(root, 'variant'), { recursive: true });
  edit(join(root, 'variant'));
  return join(root, 'variant');
}

function maxDifference(a: Float32Array, b: Float32Array): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}

let tiny: WhisperTranscriber;

beforeAll(async () => {
  tiny = await WhisperTranscriber.load(settings());
});

afterAll(async () => {
  await tiny?.dispose();
  for (const d of scratch) rmSync(d, { recursive: true, force: true });
});

describe('log-mel over the real audio only', () => {
  it.each([0.4, 2, 7])('equals the stock extractor (audio padded to 30 s) for %s s of real speech', async (seconds) => {
    const audio = speech(seconds);
    const stock = await tiny.features(audio, 'stock');
    const trimmed = await tiny.features(audio, 'trimmed');
    expect(trimmed.dims).toEqual([1, 80, 3000]);
    expect(trimmed.dims).toEqual(stock.dims);
    const b = trimmed.data as Float32Array;
    expect(maxDifference(stock.data as Float32Array, b)).toBeLessThan(1e-5);
    // The padded region is the clamp floor, not zeros: a fill of 0 would fail the comparison above.
    expect(b[2999]).toBeLessThan(0);
  });

  it('equals it for pure silence too (the floor is then the clamp of -10 itself)', async () => {
    const stock = (await tiny.features(new Float32Array(8000), 'stock')).data as Float32Array;
    const trimmed = (await tiny.features(new Float32Array(8000), 'trimmed')).data as Float32Array;
    expect(maxDifference(stock, trimmed)).toBeLessThan(1e-6);
    expect(trimmed[0]).toBeCloseTo(-1.5, 6);
  });
});

describe('transcription through transformers.js', () => {
  it('decodes a window in each language asked for, within its token budget', async () => {
    const audio = speech(2);
    for (const language of ['en', 'es', 'zh'] as const) {
      const r = await tiny.transcribe(audio, { language });
      expect(r.language).toBe(language);
      expect(typeof r.text).toBe('string');
      expect(r.timing.tokens).toBeLessThanOrEqual(Math.ceil(2 * 6) + 4);
      expect(r.timing.featuresMs).toBeGreaterThan(0);
    }
  });

  it('identifies the language among en, es and zh when asked for "auto"', async () => {
    const r = await tiny.transcribe(speech(3), { language: 'auto' });
    expect(['en', 'es', 'zh']).toContain(r.language);
  });

  it('runs an English-only model (no language or task tokens), and refuses other languages for it', async () => {
    const dir = variant((d) => {
      const file = join(d, 'generation_config.json');
      const g = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      g.is_multilingual = false;
      writeFileSync(file, JSON.stringify(g));
    });
    const english = await WhisperTranscriber.load(settings({ model: dir }));
    try {
      expect(english.languages).toEqual(['en']);
      expect((await english.transcribe(speech(1), { language: 'en' })).language).toBe('en');
      await expect(english.transcribe(speech(1), { language: 'es' })).rejects.toMatchObject({ code: 'LANGUAGE_UNSUPPORTED' });
    } finally {
      await english.dispose();
    }
    expect(() => checkWhisper({ language: 'es' }, { EARSHOT_WHISPER_MODEL: dir })).toThrow(/does not transcribe "es"/);
  });
});

describe('the model folder', () => {
  it('says what is missing: no model chosen, no folder, a missing graph, not Whisper', () => {
    const code = (fn: () => unknown): string | undefined => {
      try {
        fn();
      } catch (err) {
        if (err instanceof EngineError) return `${err.code}: ${err.message}`;
        throw err;
      }
      return undefined;
    };
    expect(code(() => inspectWhisperModel({ model: undefined, dtype: 'q8' }))).toMatch(/^ENGINE_UNAVAILABLE: .*EARSHOT_WHISPER_MODEL/);
    expect(code(() => inspectWhisperModel({ model: 'whisper-large-v3', dtype: 'q8' }))).toMatch(/^ENGINE_UNAVAILABLE: .*not installed.*earshot models fetch whisper-large-v3/);
    const noDecoder = variant((d) => rmSync(join(d, 'onnx', 'decoder_model_merged_quantized.onnx')));
    expect(code(() => inspectWhisperModel({ model: noDecoder, dtype: 'q8' }))).toMatch(/^MODEL_MISSING: .*decoder_model_merged_quantized\.onnx/);
    // fp32 wants the other files, which the tiny model also has.
    expect(inspectWhisperModel({ model: 'whisper-random-tiny', dtype: 'fp32' }).multilingual).toBe(true);
    expect(code(() => inspectWhisperModel({ model: 'whisper-random-tinydims', dtype: 'fp32' }))).toMatch(/^MODEL_MISSING: .*encoder_model\.onnx/);
    const notWhisper = variant((d) => writeFileSync(join(d, 'config.json'), JSON.stringify({ model_type: 'wav2vec2' })));
    expect(code(() => inspectWhisperModel({ model: notWhisper, dtype: 'q8' }))).toMatch(/not a Whisper model/);
  });

  it('rejects bad engine settings with the variable named', () => {
    expect(() => loadWhisperSettings({ EARSHOT_WHISPER_DTYPE: 'int3' })).toThrow(/EARSHOT_WHISPER_DTYPE must be one of/);
    expect(() => loadWhisperSettings({ EARSHOT_WHISPER_STEP_MS: '0' })).toThrow(/EARSHOT_WHISPER_STEP_MS must be a positive integer/);
    expect(() => loadWhisperSettings({ EARSHOT_WHISPER_STEP_MS: '5000', EARSHOT_WHISPER_MAX_STEP_MS: '2000' })).toThrow(/at least EARSHOT_WHISPER_STEP_MS/);
  });
});

describe('real whisper-tiny dimensions and vocabulary (the layout of real weights)', () => {
  it('loads and decodes with the real token ids, no code change', async () => {
    const info = inspectWhisperModel({ model: 'whisper-random-tinydims', dtype: 'q8' });
    expect(info).toMatchObject({ multilingual: true, languages: ['en', 'es', 'zh'] });
    const g = JSON.parse(readFileSync(join(info.dir, 'generation_config.json'), 'utf8')) as { lang_to_id: Record<string, number> };
    // openai/whisper-tiny's ids: what a real export carries.
    expect([g.lang_to_id['<|en|>'], g.lang_to_id['<|zh|>'], g.lang_to_id['<|es|>']]).toEqual([50259, 50260, 50262]);
    const dims = await WhisperTranscriber.load(settings({ model: 'whisper-random-tinydims' }));
    try {
      const r = await dims.transcribe(speech(1), { language: 'auto' });
      expect(['en', 'es', 'zh']).toContain(r.language);
      // This model never ends by itself: the per-second budget is what stops it.
      expect(r.timing.tokens).toBeLessThanOrEqual(6 + 4);
    } finally {
      await dims.dispose();
    }
  });
});
