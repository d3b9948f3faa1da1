import type { TextUnit } from './words.js';
import { prefixDistances } from '../wer.js';

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

/** How many words past the committed count the committed part of a new hypothesis may reach. */
const ALIGN_SLACK = 3;

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

/**
 * Index in `hypothesis` where the words after the committed ones begin: the prefix of the
 * hypothesis closest to the committed words (word edit distance; a prefix ending on the last
 * committed word counts one better); between equally close prefixes, the one nearest the committed
 * count, then the shorter. A hypothesis with nothing in common with them is taken by count.
 * (When Whisper rewrites the last committed words as a different number of words, "eight hundred"
 * as "800", a word at the boundary can be repeated or lost once.)
 */
export function tailStart(committed: readonly TextUnit[], hypothesis: readonly TextUnit[]): number {
  const c = committed.length;
  if (c === 0) return 0;
  const n = Math.min(hypothesis.length, c + ALIGN_SLACK);
  // row[k]: edit distance between all committed words and the first k words of the hypothesis.
  const row = prefixDistances(
    committed.map((u) => u.key),
    hypothesis.slice(0, n).map((u) => u.key),
  );
  let best = -1;
  let bestScore = Infinity;
  for (let k = 0; k <= n; k++) {
    const endsOnLast = k > 0 && hypothesis[k - 1]!.key === committed[c - 1]!.key;
    const score = row[k]! - (endsOnLast ? 1 : 0);
    if (score < bestScore || (score === bestScore && Math.abs(k - c) < Math.abs(best - c))) {
      best = k;
      bestScore = score;
    }
  }
  return bestScore >= c ? Math.min(c, hypothesis.length) : best;
}
