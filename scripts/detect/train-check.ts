// Development aid: rules-only precision on the TRAIN split (+ extra lines). Prints lawful train
// lines a rule flags and violations whose category no rule finds. Never reads split=test.
import { loadDetector } from '../../src/detect/index.js';
import { CATEGORIES, type DetectLanguage } from '../../src/detect/types.js';
import { loadCorpus, loadExtra } from './corpus.js';

const langs = (process.argv[2] ?? 'en,es,zh').split(',') as DetectLanguage[];
const showMisses = process.argv.includes('--misses');
const d = await loadDetector({ rulesOnly: true });
for (const lang of langs) {
  const rows = [...loadCorpus(lang).filter((u) => u.split === 'train'), ...loadExtra(lang)];
  let fp = 0, lawful = 0;
  const miss: Record<string, number> = {}, pos: Record<string, number> = {};
  for (const u of rows) {
    const r = d.classify({ text: u.text, lang, speaker: u.speaker, rightParty: u.rightParty });
    if (u.labels.length === 0) {
      lawful++;
      if (r.labels.length) { fp++; console.log(`FP ${lang} | ${u.text} => ${r.findings.map((f) => f.rule).join(',')}`); }
    }
    for (const c of CATEGORIES) {
      if (u.labels.includes(c)) {
        pos[c] = (pos[c] ?? 0) + 1;
        if (!r.labels.includes(c)) { miss[c] = (miss[c] ?? 0) + 1; if (showMisses) console.log(`MISS ${lang} ${c} | ${u.text}`); }
      } else if (r.labels.includes(c) && u.labels.length > 0 && showMisses) console.log(`EXTRA ${lang} ${c} | ${u.text} => ${r.findings.map((f) => f.rule).join(',')}`);
    }
  }
  console.log(`${lang}: lawful flagged ${fp}/${lawful}; misses ${CATEGORIES.map((c) => `${c} ${miss[c] ?? 0}/${pos[c] ?? 0}`).join(', ')}`);
}
