// The plain-lexicon baseline eval compares against: lowercase substring search for a short
// keyword list per category, no normalisation, no scope, no call context.
import type { Category, DetectLanguage } from '../../src/detect/types.js';

const WORDS: Record<DetectLanguage, Record<Category, string[]>> = {
  en: {
    threat: ['kill', 'murder', 'shoot', 'stab', 'hurt you', 'beat you', 'watch your back', 'know where you live', 'regret', 'die', 'death'],
    insult: ['fuck', 'shit', 'bitch', 'asshole', 'idiot', 'moron', 'stupid', 'loser', 'deadbeat', 'dumb', 'bastard', 'crap', 'damn'],
    false_legal: ['arrest', 'jail', 'prison', 'warrant', 'crime', 'criminal', 'police', 'sheriff', 'garnish', 'seize', 'fraud'],
    third_party_disclosure: ['owe', 'debt', 'balance', 'past due', 'overdue', 'collection', 'loan'],
  },
  es: {
    threat: ['matar', 'mato', 'asesinar', 'disparar', 'golpear', 'cuídate', 'sé dónde vive', 'arrepentir', 'morir', 'muerte'],
    insult: ['mierda', 'pendejo', 'cabrón', 'idiota', 'imbécil', 'estúpido', 'tonto', 'gilipollas', 'basura', 'moroso', 'puta'],
    false_legal: ['cárcel', 'prisión', 'detener', 'orden de aprehensión', 'delito', 'policía', 'embargar', 'fraude', 'juzgado'],
    third_party_disclosure: ['debe', 'deuda', 'adeudo', 'saldo', 'vencido', 'cobranza', 'préstamo'],
  },
  zh: {
    threat: ['杀', '死', '打断', '小心点', '后果自负', '通讯录', '上门'],
    insult: ['傻逼', '他妈', '老赖', '骗子', '废物', '垃圾', '滚', '蠢', '贱'],
    false_legal: ['坐牢', '拘留', '抓', '犯罪', '公安', '法院', '冻结', '判刑'],
    third_party_disclosure: ['欠款', '欠钱', '逾期', '催收', '借款', '贷款'],
  },
};

export function baselineLabels(text: string, lang: DetectLanguage): Set<Category> {
  const t = text.toLowerCase();
  const out = new Set<Category>();
  for (const [cat, words] of Object.entries(WORDS[lang]) as Array<[Category, string[]]>) {
    if (words.some((w) => t.includes(w))) out.add(cat);
  }
  return out;
}
