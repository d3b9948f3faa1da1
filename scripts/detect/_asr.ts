import { readFileSync } from 'node:fs';
import { loadDetector } from '../../src/detect/index.js';
const d = await loadDetector(process.argv[3] === 'rules' ? { rulesOnly: true } : {});
for (const lang of (process.argv[2] ?? 'en,es,zh').split(',') as Array<'en'>) {
  const lines = readFileSync(`test/detect/fixtures/lawful-asr-${lang}.txt`, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
  let n = 0;
  for (const t of lines) {
    const r = d.classify({ text: t, lang, speaker: 'agent', rightParty: true });
    if (r.labels.length) { n++; console.log(`${lang} ${r.findings.map((f) => `${f.rule}(${f.confidence.toFixed(2)})`).join(' ')} | ${t}`); }
  }
  console.log(`${lang}: ${n}/${lines.length} flagged`);
}
