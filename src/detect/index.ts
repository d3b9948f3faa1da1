// Public entry of the detector. See docs/detector.md.
import { setFlagsFromString } from 'node:v8';
import { repoModel } from '../paths.js';
import { loadClassifiers } from './classifier.js';
import { DetectorImpl } from './detector.js';
import { loadLidModel } from './fasttext.js';
import type { LidModel } from './langid.js';
import type { Detector, DetectLanguage } from './types.js';

export type {
  Category, DetectLanguage, WordTime, DetectInput, Finding, Classification, Detector, Conversation, Severity, Speaker,
} from './types.js';
export { CATEGORIES, LANGUAGES } from './types.js';
export { MAX_ANALYSED_CHARS } from './normalize.js';

export interface LoadDetectorOptions {
  /** Folder with meta.json and the per-language classifier models (default models/detector). */
  modelDir?: string;
  /** Rules only: do not load the trained classifier. */
  rulesOnly?: boolean;
  /** Skip fastText language-ID (script and function words only). */
  noLid?: boolean;
  /** Leave V8's regular-expression tier-up on (see below). */
  keepRegexpTierUp?: boolean;
}

let tierUpOff = false;

/**
 * The rules are a few hundred large regular expressions run on every utterance. With V8's
 * default tier-up a regular expression starts in the bytecode interpreter and is compiled to
 * machine code once hot; in a long-running process that also allocates (the server, the bench)
 * the rules were measured running interpreted again, and a 1,000-character utterance took
 * ~2 ms instead of ~0.45 ms (bench/classify.ts, `mixedLanguages`: 21x a normal sentence).
 * Compiling each expression straight to machine code keeps it at ~0.45-0.6 ms. This is a
 * process-wide V8 setting; it only affects how regular expressions are compiled, not what
 * they match.
 */
function regexpTierUpOff(): void {
  if (tierUpOff) return;
  tierUpOff = true;
  try {
    setFlagsFromString('--no-regexp-tier-up');
  } catch {
    // Not V8 or the flag is unknown: run with the engine's default.
  }
}

let lidPromise: Promise<LidModel | null> | null = null;

function lid(): Promise<LidModel | null> {
  lidPromise ??= loadLidModel().then(
    (m): LidModel => ({
      scores(text: string): Partial<Record<DetectLanguage, number>> {
        const out: Partial<Record<DetectLanguage, number>> = {};
        for (const [label, p] of m.predict(text, 10)) {
          if (label === 'en' || label === 'es' || label === 'zh') out[label] = p;
        }
        return out;
      },
    }),
    () => null,
  );
  return lidPromise;
}

export async function loadDetector(options: LoadDetectorOptions = {}): Promise<Detector> {
  if (!options.keepRegexpTierUp) regexpTierUpOff();
  const modelDir = options.modelDir ?? repoModel('detector');
  const [lidModel, classifiers] = await Promise.all([
    options.noLid ? Promise.resolve(null) : lid(),
    options.rulesOnly ? Promise.resolve(new Map()) : loadClassifiers(modelDir),
  ]);
  return new DetectorImpl({ lid: lidModel, classifiers, rulesOnly: options.rulesOnly });
}
