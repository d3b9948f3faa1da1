import koffi from 'koffi';

/**
 * koffi bindings to Debian's libpocketsphinx3 (0.8+5prealpha) and libsphinxbase3.
 * Only the calls the streaming engine needs; loaded once per thread on first use.
 */
export interface PocketsphinxLib {
  ps_args(): unknown;
  cmd_ln_parse_r(prev: null, defn: unknown, argc: number, argv: string[], strict: number): unknown;
  cmd_ln_free_r(config: unknown): number;
  ps_init(config: unknown): unknown;
  ps_free(ps: unknown): number;
  ps_start_stream(ps: unknown): number;
  ps_start_utt(ps: unknown): number;
  ps_process_raw(ps: unknown, data: Int16Array, nSamples: number, noSearch: number, fullUtt: number): number;
  ps_end_utt(ps: unknown): number;
  ps_get_in_speech(ps: unknown): number;
  ps_get_hyp(ps: unknown, score: null): string | null;
  ps_seg_iter(ps: unknown): unknown;
  ps_seg_next(seg: unknown): unknown;
  ps_seg_word(seg: unknown): string;
  ps_seg_frames(seg: unknown, sf: number[], ef: number[]): void;
  ps_seg_free(seg: unknown): void;
  err_set_logfp(fp: null): void;
  ps_get_logmath(ps: unknown): unknown;
  logmath_retain(lmath: unknown): unknown;
  ngram_model_read(config: unknown, path: string, fileType: number, lmath: unknown): unknown;
  ngram_model_retain(lm: unknown): unknown;
  ps_set_lm(ps: unknown, name: string, lm: unknown): number;
  ps_set_search(ps: unknown, name: string): number;
  ps_get_feat(ps: unknown): unknown;
  /** The feature extractor's cepstrum size and its live cepstral-mean state. */
  featCmn(feat: unknown): { cepsize: number; cmn: unknown };
  cmn_live_get(cmn: unknown, vec: Float32Array): void;
  cmn_live_set(cmn: unknown, vec: Float32Array): void;
}

/** ngram_file_type_t: let sphinxbase tell ARPA from binary. */
export const NGRAM_AUTO = 0;

let loaded: PocketsphinxLib | undefined;

export function pocketsphinx(): PocketsphinxLib {
  if (loaded) return loaded;
  const base = koffi.load('libsphinxbase.so.3');
  const ps = koffi.load('libpocketsphinx.so.3');
  koffi.opaque('ps_decoder_t');
  koffi.opaque('cmd_ln_t');
  koffi.opaque('arg_t');
  koffi.opaque('ps_seg_t');
  koffi.opaque('logmath_t');
  koffi.opaque('ngram_model_t');
  koffi.opaque('feat_t');
  koffi.opaque('cmn_t');
  // The head of sphinxbase's feat_s (feat.h, 0.8+5prealpha), up to the CMN state it owns.
  const FeatHead = koffi.struct('feat_head', {
    refcount: 'int',
    name: 'char *',
    cepsize: 'int32_t',
    n_stream: 'int32_t',
    stream_len: 'uint32_t *',
    window_size: 'int32_t',
    n_sv: 'int32_t',
    sv_len: 'uint32_t *',
    subvecs: 'int32_t **',
    sv_buf: 'float *',
    sv_dim: 'int32_t',
    cmn: 'int',
    varnorm: 'int32_t',
    agc: 'int',
    compute_feat: 'void *',
    cmn_struct: 'cmn_t *',
  });
  const lib: PocketsphinxLib = {
    ps_args: ps.func('const arg_t *ps_args(void)'),
    cmd_ln_parse_r: base.func('cmd_ln_t *cmd_ln_parse_r(cmd_ln_t *inout, const arg_t *defn, int32_t argc, const char **argv, int32_t strict)'),
    cmd_ln_free_r: base.func('int cmd_ln_free_r(cmd_ln_t *cmdln)'),
    ps_init: ps.func('ps_decoder_t *ps_init(cmd_ln_t *config)'),
    ps_free: ps.func('int ps_free(ps_decoder_t *ps)'),
    ps_start_stream: ps.func('int ps_start_stream(ps_decoder_t *ps)'),
    ps_start_utt: ps.func('int ps_start_utt(ps_decoder_t *ps)'),
    ps_process_raw: ps.func('int ps_process_raw(ps_decoder_t *ps, const int16_t *data, size_t n_samples, int no_search, int full_utt)'),
    ps_end_utt: ps.func('int ps_end_utt(ps_decoder_t *ps)'),
    ps_get_in_speech: ps.func('uint8_t ps_get_in_speech(ps_decoder_t *ps)'),
    ps_get_hyp: ps.func('const char *ps_get_hyp(ps_decoder_t *ps, int32_t *out_best_score)'),
    ps_seg_iter: ps.func('ps_seg_t *ps_seg_iter(ps_decoder_t *ps)'),
    ps_seg_next: ps.func('ps_seg_t *ps_seg_next(ps_seg_t *seg)'),
    ps_seg_word: ps.func('const char *ps_seg_word(ps_seg_t *seg)'),
    ps_seg_frames: ps.func('void ps_seg_frames(ps_seg_t *seg, _Out_ int *out_sf, _Out_ int *out_ef)'),
    ps_seg_free: ps.func('void ps_seg_free(ps_seg_t *seg)'),
    err_set_logfp: base.func('void err_set_logfp(void *fp)'),
    ps_get_logmath: ps.func('logmath_t *ps_get_logmath(ps_decoder_t *ps)'),
    logmath_retain: base.func('logmath_t *logmath_retain(logmath_t *lmath)'),
    ngram_model_read: base.func('ngram_model_t *ngram_model_read(cmd_ln_t *config, const char *file_name, int file_type, logmath_t *lmath)'),
    ngram_model_retain: base.func('ngram_model_t *ngram_model_retain(ngram_model_t *model)'),
    ps_set_lm: ps.func('int ps_set_lm(ps_decoder_t *ps, const char *name, ngram_model_t *lm)'),
    ps_set_search: ps.func('int ps_set_search(ps_decoder_t *ps, const char *name)'),
    ps_get_feat: ps.func('feat_t *ps_get_feat(ps_decoder_t *ps)'),
    featCmn: (feat: unknown) => {
      const f = koffi.decode(feat, FeatHead) as { cepsize: number; cmn_struct: unknown };
      return { cepsize: f.cepsize, cmn: f.cmn_struct };
    },
    cmn_live_get: base.func('void cmn_live_get(cmn_t *cmn, _Out_ float *vec)'),
    cmn_live_set: base.func('void cmn_live_set(cmn_t *cmn, const float *vec)'),
  };
  loaded = lib;
  return lib;
}
