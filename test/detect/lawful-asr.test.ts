// False alarms found by the live alert path's benchmark over lawful synthetic calls: courteous
// agent lines the classifiers read as insults ("you are a valued customer"), and speech
// recognition confusions the rules read as claims ("ninety days past jail" for "past due",
// "collect a deadbeat" for "collect a debt"). Each must stay silent while the real threat,
// claim or name-calling it resembles is still flagged. The lawful ASR-style lists
// (fixtures/lawful-asr-<lang>.txt) are evaluation only and never trained on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDetector, type Detector } from '../../src/detect/index.js';
import type { DetectLanguage } from '../../src/detect/types.js';

let full: Detector;
beforeAll(async () => {
  full = await loadDetector();
});

function labels(text: string, lang: DetectLanguage): string[] {
  return full.classify({ text, lang, speaker: 'agent', rightParty: true }).labels;
}

const LAWFUL: Record<DetectLanguage, string[]> = {
  en: [
    'you are a valued customer',
    'you are a dear customer',
    'you are a good customer of ours',
    'you are a day late',
    'You are a valued customer.',
    "you're a day late but that's okay",
    'you are a long time customer',
    "you're eligible for a hardship program",
    'you are the account holder',
    "you're right",
    'you are all set',
    'ninety days past jail',
    'this is an attempt to collect a deadbeat nobody is going to arrest you',
    'this is an attempt to collect a deadbeat',
    "i'm sorry to hear about your husband's cardiac arrest",
    'i booked the payment for friday',
    "what's the police e number on the account",
    'we can drop the late charges if you pay today',
  ],
  es: [
    'usted es un cliente valioso',
    'es usted muy amable',
    'usted tiene razon',
    'no es un asunto de carcel',
    'la carcel no tiene nada que ver aqui',
    'la demanda de servicios esta alta hoy asi que gracias por esperar',
    'sin embargo hoy podemos ofrecerle un descuento',
  ],
  zh: ['您是我们的老客户', '您说得对', '这跟拘留没有关系', '坐牢是不可能的您放心'],
};

const VIOLATIONS: Record<DetectLanguage, Array<[string, string]>> = {
  en: [
    ['you will go to jail', 'false_legal'],
    ["you're going to jail", 'false_legal'],
    ["you're looking at jail time", 'false_legal'],
    ["we'll put you in jail", 'false_legal'],
    ['you could end up in jail over this', 'false_legal'],
    ['You will be arrested tomorrow.', 'false_legal'],
    ['you deadbeat', 'insult'],
    ["you're a deadbeat", 'insult'],
    ['Deadbeat!', 'insult'],
    ['pay up deadbeat', 'insult'],
    ['You are a disgrace.', 'insult'],
    ["you're a joke", 'insult'],
  ],
  es: [
    ['usted va a ir a la carcel', 'false_legal'],
    ['le espera la cárcel si no paga', 'false_legal'],
    ['lo vamos a demandar mañana', 'false_legal'],
    ['mañana le embargamos la casa', 'false_legal'],
    ['usted es un moroso', 'insult'],
  ],
  zh: [
    ['不还钱你就等着坐牢吧', 'false_legal'],
    ['你就是个老赖', 'insult'],
  ],
};

describe('lawful agent lines stay silent', () => {
  for (const lang of ['en', 'es', 'zh'] as const) {
    it.each(LAWFUL[lang])(`${lang}: %s`, (text) => {
      expect(labels(text, lang)).toEqual([]);
    });
  }
});

describe('the violations they resemble are still flagged', () => {
  for (const lang of ['en', 'es', 'zh'] as const) {
    it.each(VIOLATIONS[lang])(`${lang}: %s → %s`, (text, cat) => {
      expect(labels(text, lang)).toContain(cat);
    });
  }
});

// Ceilings: what the shipped detector flagged on these lists when they were last measured
// (docs/detector.md § Results). A rise is a regression on lawful speech. Spanish went from 0 to 1
// by decision (ninth round): the cue-less insult tier reads the courtesy "usted es muy trabajador
// se nota" as sarcasm, and finds 14 more insults over fresh1-8 and 3 more on dev9 while flagging
// no more of their ~2,000 written lawful lines.
const CEILING: Record<DetectLanguage, number> = { en: 2, es: 1, zh: 1 };

describe('lawful ASR-style lists', () => {
  for (const lang of ['en', 'es', 'zh'] as const) {
    it(`${lang}: at most ${CEILING[lang]} flagged`, () => {
      const lines = readFileSync(join(import.meta.dirname, 'fixtures', `lawful-asr-${lang}.txt`), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
      expect(lines.length).toBeGreaterThan(40);
      const flagged = lines.filter((t) => labels(t, lang).length > 0);
      expect(flagged.length, flagged.join('\n')).toBeLessThanOrEqual(CEILING[lang]);
    });
  }
});
