// Public entry of the detector. See docs/detector.md.
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
  const modelDir = options.modelDir ?? repoModel('detector');
  const [lidModel, classifiers] = await Promise.all([
    options.noLid ? Promise.resolve(null) : lid(),
    options.rulesOnly ? Promise.resolve(new Map()) : loadClassifiers(modelDir),
  ]);
  return new DetectorImpl({ lid: lidModel, classifiers, rulesOnly: options.rulesOnly });
}
