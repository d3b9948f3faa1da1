import type { TextUnit } from './words.js';

/**
 * LocalAgreement-2, the commit policy of whisper_streaming (Macháček et al., 2023), for one
 * utterance that is re-decoded from its start as it grows: a word is committed once two consecutive
 * decodes agree on it (the longest common prefix of their uncommitted parts). Committed words never
 * change again, in later partials or in the final; the rest is the tentative tail.
 *
 * Each decode covers the whole utterance, so a new hypothesis starts with its own version of the
 * committed words; where those end is found by aligning the hypothesis on the last committed words
 * (Whisper may merge, split or re-spell a word it already gave), not just by counting.
 */
export interface AgreementStep {
  /** All committed units, oldest first. */
  committed: readonly TextUnit[];
  /** Units this hypothesis committed. */
  newlyCommitted: readonly TextUnit[];
  /** The uncommitted rest of this hypothesis. */
  tail: readonly TextUnit[];
}

/** How far from the committed count the alignment looks, and how many words it matches on. */
const ALIGN_SLACK = 3;
const ALIGN_WORDS = 3;

export class LocalAgreement {
  private readonly committedUnits: TextUnit[] = [];
  private previousTail: readonly TextUnit[] | undefined;

  get committed(): readonly TextUnit[] {
    return this.committedUnits;
  }

  /** A new hypothesis of the open utterance (from its first sample to where the audio is now). */
  update(hypothesis: readonly TextUnit[]): AgreementStep {
    const tail = hypothesis.slice(tailStart(this.committedUnits, hypothesis));
    let agreed = 0;
    if (this.previousTail) {
      const previous = this.previousTail;
      while (agreed < tail.length && agreed < previous.length && tail[agreed]!.key === previous[agreed]!.key) agreed++;
    }
    const newlyCommitted = tail.slice(0, agreed);
    this.committedUnits.push(...newlyCommitted);
    this.previousTail = tail.slice(agreed);
    return { committed: this.committedUnits, newlyCommitted, tail: this.previousTail };
  }

  /**
   * The utterance ended: its last decode (of all its audio) has no successor to agree with, so
   * its tail is taken as it is, after the committed words.
   */
  finish(hypothesis: readonly TextUnit[]): TextUnit[] {
    return [...this.committedUnits, ...hypothesis.slice(tailStart(this.committedUnits, hypothesis))];
  }
}

/** Index in `hypothesis` where the words after the committed ones begin. */
export function tailStart(committed: readonly TextUnit[], hypothesis: readonly TextUnit[]): number {
  const c = committed.length;
  if (c === 0) return 0;
  let best = Math.min(c, hypothesis.length);
  let bestScore = 0;
  for (let k = Math.max(1, c - ALIGN_SLACK); k <= Math.min(hypothesis.length, c + ALIGN_SLACK); k++) {
    let score = 0;
    for (let j = 0; j < ALIGN_WORDS && j < k && j < c; j++) {
      if (hypothesis[k - 1 - j]!.key === committed[c - 1 - j]!.key) score += ALIGN_WORDS - j; // the last word counts most
    }
    if (score > bestScore || (score === bestScore && score > 0 && Math.abs(k - c) < Math.abs(best - c))) {
      best = k;
      bestScore = score;
    }
  }
  return best;
}
