import type { DecoderOptions, SpeechEngine, UtteranceDecoder, WordTiming } from '../engine.js';
import { EngineError } from '../engine.js';
import { NGRAM_AUTO, pocketsphinx, type PocketsphinxLib } from './native.js';
import { profileArgv, selectProfile, type Profile } from './profiles.js';

const FRAME_MS = 10;
const STREAMING_DEFAULTS = ['-fwdflat', 'no', '-bestpath', 'no', '-maxhmmpf', '3000', '-maxwpf', '10'];
const SEARCH = 'ngram';

/**
 * Language models loaded once per thread and shared by every decoder on it: the LM is most of a
 * decoder's memory (67 of 96 MB for Debian's English), and decoders on one thread never run at once.
 * Kept for the thread's life (a handful of files), so a decoder's exit can never free one in use.
 */
const sharedLms = new Map<string, unknown>();

function sharedLm(lib: PocketsphinxLib, path: string, config: unknown, ps: unknown): unknown {
  let lm = sharedLms.get(path);
  if (!lm) {
    // The LM keeps this decoder's log tables: hold a reference so they outlive the decoder.
    const lmath = lib.logmath_retain(lib.ps_get_logmath(ps));
    lm = lib.ngram_model_read(config, path, NGRAM_AUTO, lmath);
    if (!lm) throw new EngineError('MODEL_MISSING', `pocketsphinx could not read the language model ${path}`);
    sharedLms.set(path, lm);
  }
  // One reference per decoder, never released: whether or not ps_free drops one, the LM stays valid.
  return lib.ngram_model_retain(lm);
}
/** Filler and sentence markers that are not words a person said. */
const NON_WORDS = /^(<s>|<\/s>|<sil>|\[.*\]|\+\+.*\+\+|<.*>)$/i;

/** Strip pocketsphinx's alternate-pronunciation suffix: "to(2)" -> "to". */
function cleanWord(word: string): string {
  return word.replace(/\(\d+\)$/, '');
}

class PocketsphinxDecoder implements UtteranceDecoder {
  readonly sampleRateHz: number;
  private readonly lib: PocketsphinxLib;
  private readonly config: unknown;
  private readonly ps: unknown;
  private open = false;
  private readonly cmn: unknown;
  /** The cepstral mean a fresh decoder starts from (-cmninit), restored for every new channel. */
  private readonly initialCmn: Float32Array;

  constructor(profile: Profile, overrides: Record<string, string> = {}) {
    this.lib = pocketsphinx();
    this.sampleRateHz = profile.sampleRateHz;
    // Streaming defaults, under the profile's own flags: the second passes (fwdflat, bestpath) stall
    // the worker for about a second at every endpoint and measured no better (docs/asr-accuracy.md).
    // The endpointer decides utterances; pocketsphinx's own VAD would drop frames and shift times.
    const flags = { ...profile.flags, ...overrides };
    const lmPath = flags.lm;
    delete flags.lm; // loaded once per thread below, not per decoder
    const argv = [...STREAMING_DEFAULTS, ...profileArgv({ ...profile, flags }), '-remove_silence', 'no', '-logfn', '/dev/null'];
    this.config = this.lib.cmd_ln_parse_r(null, this.lib.ps_args(), argv.length, argv, 0);
    if (!this.config) throw new EngineError('MODEL_MISSING', `pocketsphinx rejected the flags of profile ${profile.name}`);
    this.ps = this.lib.ps_init(this.config);
    if (!this.ps) throw new EngineError('MODEL_MISSING', `pocketsphinx could not load the models of profile ${profile.name}`);
    if (lmPath !== undefined) {
      const lm = sharedLm(this.lib, lmPath, this.config, this.ps);
      if (this.lib.ps_set_lm(this.ps, SEARCH, lm) < 0 || this.lib.ps_set_search(this.ps, SEARCH) < 0) {
        this.lib.ps_free(this.ps);
        throw new EngineError('MODEL_MISSING', `pocketsphinx could not use the language model ${lmPath}`);
      }
    }
    this.lib.ps_start_stream(this.ps);
    const { cepsize, cmn } = this.lib.featCmn(this.lib.ps_get_feat(this.ps));
    if (cepsize < 1 || cepsize > 64) throw new EngineError('MODEL_MISSING', `unexpected cepstrum size ${cepsize}: sphinxbase layout changed?`);
    this.cmn = cmn;
    this.initialCmn = new Float32Array(cepsize);
    this.lib.cmn_live_get(cmn, this.initialCmn);
  }

  begin(): void {
    if (this.open) this.lib.ps_end_utt(this.ps);
    this.lib.ps_start_utt(this.ps);
    this.open = true;
  }

  process(pcm: Int16Array): void {
    if (!this.open || pcm.length === 0) return;
    this.lib.ps_process_raw(this.ps, pcm, pcm.length, 0, 0);
  }

  partialText(): string {
    if (!this.open) return '';
    return normaliseHyp(this.lib.ps_get_hyp(this.ps, null) ?? '');
  }

  end(): WordTiming[] {
    if (!this.open) return [];
    this.open = false;
    this.lib.ps_end_utt(this.ps);
    const segs: { word: string; sf: number; ef: number }[] = [];
    const sf = [0];
    const ef = [0];
    for (let seg = this.lib.ps_seg_iter(this.ps); seg; seg = this.lib.ps_seg_next(seg)) {
      this.lib.ps_seg_frames(seg, sf, ef);
      segs.push({ word: this.lib.ps_seg_word(seg), sf: sf[0]!, ef: ef[0]! });
    }
    // Frames count from the decoder's stream start; the utterance's first frame is the first segment's.
    const origin = segs[0]?.sf ?? 0;
    return segs
      .filter((s) => !NON_WORDS.test(s.word))
      .map((s) => ({
        word: cleanWord(s.word),
        startMs: (s.sf - origin) * FRAME_MS,
        endMs: (s.ef + 1 - origin) * FRAME_MS,
      }));
  }

  reset(): void {
    if (this.open) this.lib.ps_end_utt(this.ps);
    this.open = false;
    // A new channel starts from the same state as a fresh decoder: the live cepstral mean adapted to
    // the previous caller is put back to its initial value, and the front end restarts its stream.
    this.lib.cmn_live_set(this.cmn, this.initialCmn);
    this.lib.ps_start_stream(this.ps);
  }

  close(): void {
    if (this.open) this.lib.ps_end_utt(this.ps);
    this.open = false;
    this.lib.ps_free(this.ps);
    this.lib.cmd_ln_free_r(this.config);
  }
}

function normaliseHyp(hyp: string): string {
  return hyp
    .split(/\s+/)
    .filter((w) => w && !NON_WORDS.test(w))
    .map(cleanWord)
    .join(' ');
}

export const pocketsphinxEngine: SpeechEngine = {
  name: 'pocketsphinx',
  sampleRateFor(options: DecoderOptions): number {
    return selectProfile(options).sampleRateHz;
  },
  open(options: DecoderOptions): UtteranceDecoder {
    return new PocketsphinxDecoder(selectProfile(options), options.flags);
  },
};
