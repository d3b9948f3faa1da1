import { dirname } from 'node:path';
import {
  env,
  LogitsProcessorList,
  pipeline,
  type AutomaticSpeechRecognitionPipeline,
  type Tensor,
  type WhisperFeatureExtractor,
} from '@huggingface/transformers';
import { EngineError, type Language, type WindowTranscriber, type WindowTranscript } from '../engine.js';
import { LanguagePromptLogitsProcessor } from './language-logits.js';
import { whisperFeatures, type MelMode } from './log-mel.js';
import { inspectWhisperModel, type WhisperModelInfo } from './model-folder.js';
import type { WhisperSettings } from './settings.js';

/** What this code reads of the model's generation_config.json (present in every Whisper export). */
interface GenerationConfig {
  decoder_start_token_id: number;
  eos_token_id: number;
  no_timestamps_token_id?: number;
  begin_suppress_tokens?: number[];
  lang_to_id?: Record<string, number>;
  task_to_id?: Record<string, number>;
  max_target_positions?: number;
}

/** Largest decoder length Whisper has (448 positions), less the prompt. */
const MAX_TOKENS = 440;
/** Tokens allowed beyond the per-second budget, so a short window can still say a few words. */
const TOKEN_MARGIN = 4;

/**
 * One loaded Whisper model: transformers.js's automatic-speech-recognition pipeline, loaded from a
 * local folder only (never a hub), and its model driven directly, so that the features can be
 * computed over the real audio (log-mel.ts) and the prompt set per request.
 */
export class WhisperTranscriber implements WindowTranscriber {
  readonly sampleRateHz: number;
  readonly languages: readonly Language[];

  private constructor(
    private readonly asr: AutomaticSpeechRecognitionPipeline,
    readonly info: WhisperModelInfo,
    private readonly generation: GenerationConfig,
    private readonly mel: MelMode,
    private readonly tokensPerSecond: number,
  ) {
    this.sampleRateHz = this.extractor.config.sampling_rate as number;
    this.languages = info.languages;
  }

  static async load(settings: WhisperSettings): Promise<WhisperTranscriber> {
    const info = inspectWhisperModel(settings);
    // Offline: models come from EARSHOT_MODELS_DIR only. transformers.js resolves "<localModelPath>/<name>/".
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = `${dirname(info.dir)}/`;
    let asr: AutomaticSpeechRecognitionPipeline;
    try {
      asr = (await pipeline('automatic-speech-recognition', info.name, {
        dtype: info.dtype,
        device: 'cpu',
        session_options: {
          intraOpNumThreads: settings.threads,
          interOpNumThreads: 1,
          // Idle onnxruntime threads spin by default, taking CPU the pocketsphinx workers need.
          extra: { session: { intra_op: { allow_spinning: '0' } } },
        },
      })) as AutomaticSpeechRecognitionPipeline;
    } catch (err) {
      throw new EngineError('MODEL_MISSING', `transformers.js could not load Whisper model ${info.dir}: ${err instanceof Error ? err.message : String(err)}`);
    }
    const generation = asr.model.generation_config as unknown as GenerationConfig;
    return new WhisperTranscriber(asr, info, generation, settings.mel, settings.tokensPerSecond);
  }

  private get extractor(): WhisperFeatureExtractor {
    return this.asr.processor.feature_extractor as WhisperFeatureExtractor;
  }

  /** The model's input features for a window (exposed for the equivalence test and the benchmark). */
  features(audio: Float32Array, mode: MelMode = this.mel): Promise<Tensor> {
    return whisperFeatures(this.extractor, audio, mode);
  }

  /** `mel` and `maxNewTokens` override the settings (benchmarks). */
  async transcribe(audio: Float32Array, request: { language: Language | 'auto'; maxNewTokens?: number; mel?: MelMode }): Promise<WindowTranscript> {
    const t0 = performance.now();
    const inputs = await this.features(audio, request.mel);
    const t1 = performance.now();
    const seconds = audio.length / this.sampleRateHz;
    const maxNewTokens = request.maxNewTokens ?? Math.min(MAX_TOKENS, Math.ceil(seconds * this.tokensPerSecond) + TOKEN_MARGIN);
    const g = this.generation;
    let options: Record<string, unknown>;
    if (request.language === 'auto' && this.info.multilingual) {
      const candidates = this.languages.map((l) => g.lang_to_id![`<|${l}|>`]!);
      const forced = [g.task_to_id?.transcribe, g.no_timestamps_token_id].filter((t): t is number => t !== undefined);
      const processors = new LogitsProcessorList();
      processors.push(new LanguagePromptLogitsProcessor(candidates, forced, g.begin_suppress_tokens ?? []));
      options = { decoder_input_ids: [g.decoder_start_token_id], logits_processor: processors, max_new_tokens: maxNewTokens + 1 + forced.length };
    } else {
      const language = request.language === 'auto' ? 'en' : request.language;
      if (!this.languages.includes(language)) throw new EngineError('LANGUAGE_UNSUPPORTED', `Whisper model ${this.info.name} does not transcribe "${language}"`);
      // English-only models take no language or task tokens.
      options = this.info.multilingual ? { language, task: 'transcribe', max_new_tokens: maxNewTokens } : { max_new_tokens: maxNewTokens };
    }
    const out = (await this.asr.model.generate({ inputs, return_timestamps: false, ...options })) as Tensor;
    const ids = (out.tolist() as bigint[][])[0]!.map(Number);
    const t2 = performance.now();
    // Every special token (language, task, timestamps, end of text) comes after <|endoftext|> in
    // Whisper's vocabulary; text tokens come before it.
    const textIds = ids.filter((id) => id < g.eos_token_id);
    const language = request.language === 'auto' ? this.languageOf(ids) : request.language;
    return {
      text: this.asr.tokenizer.decode(textIds, { skip_special_tokens: true }).trim(),
      language,
      timing: { featuresMs: t1 - t0, generateMs: t2 - t1, tokens: textIds.length },
    };
  }

  /** The language token the decoder chose (the one after <|startoftranscript|>). */
  private languageOf(ids: number[]): Language {
    const ids2lang = new Map(this.languages.map((l) => [this.generation.lang_to_id?.[`<|${l}|>`], l] as const));
    for (const id of ids) {
      const l = ids2lang.get(id);
      if (l) return l;
    }
    return this.languages[0] ?? 'en';
  }

  async dispose(): Promise<void> {
    await this.asr.dispose();
  }
}
