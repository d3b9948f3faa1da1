import { LogitsProcessor, type Tensor } from '@huggingface/transformers';

/**
 * Language identification inside the one decode, for calls that say "auto": the decoder starts from
 * <|startoftranscript|> alone, its first token may only be one of the candidate language tokens
 * (Whisper's own language-ID head, restricted to the languages earshot serves), then the prompt
 * Whisper expects is forced (<|transcribe|>, <|notimestamps|>) and text follows as usual. One
 * encoder pass serves both (transformers.js 4.3.1 has no language detection of its own: it
 * defaults to English).
 */
export class LanguagePromptLogitsProcessor extends LogitsProcessor {
  constructor(
    private readonly languageTokenIds: readonly number[],
    /** Tokens forced after the language token, in order (task, then no-timestamps). */
    private readonly forced: readonly number[],
    /** Suppressed at the first text position (Whisper's begin_suppress_tokens: blank, end of text). */
    private readonly beginSuppress: readonly number[],
  ) {
    super();
  }

  override _call(inputIds: bigint[][], logits: Tensor): Tensor {
    const data = logits.data as Float32Array;
    const vocab = logits.dims.at(-1)!;
    for (let row = 0; row < inputIds.length; row++) {
      const generated = inputIds[row]!.length - 1; // tokens after <|startoftranscript|>
      const scores = data.subarray(row * vocab, (row + 1) * vocab);
      if (generated === 0) keepOnly(scores, this.languageTokenIds);
      else if (generated <= this.forced.length) keepOnly(scores, [this.forced[generated - 1]!]);
      else if (generated === this.forced.length + 1) for (const id of this.beginSuppress) scores[id] = -Infinity;
    }
    return logits;
  }
}

function keepOnly(scores: Float32Array, allowed: readonly number[]): void {
  const kept = allowed.map((id) => scores[id]!);
  scores.fill(-Infinity);
  allowed.forEach((id, i) => (scores[id] = kept[i]!));
}
