// Development aid: run hand-written lines ("label|text" per line, label a category or "none")
// through the detector, rules only or full, as agent speech to the verified debtor, and print
// the ones it gets wrong (V=1: all). Used to measure fresh wording before it becomes training
// data (docs/detector.md § Results). Usage: tsx scripts/detect/probe.ts <lang> <file> rules|full
import { readFileSync } from 'node:fs';
import { loadDetector } from '../../src/detect/index.js';
import { isCategory, type DetectLanguage } from '../../src/detect/types.js';

const [, , lang, file, mode] = process.argv as [string, string, DetectLanguage, string, string];
const d = await loadDetector(mode === 'rules' ? { rulesOnly: true } : {});
let ok = 0;
let n = 0;
for (const line of readFileSync(file, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const bar = line.indexOf('|');
  const lab = line.slice(0, bar);
  const text = line.slice(bar + 1);
  const r = d.classify({ text, lang, speaker: 'agent', rightParty: true });
  const good = isCategory(lab) ? r.labels.includes(lab) : r.labels.length === 0;
  n++;
  if (good) ok++;
  if (!good || process.env.V) console.log(good ? 'ok ' : 'XX ', lab, '|', text, '=>', r.labels.join(','), r.findings.map((f) => f.rule).join(','));
}
console.log(`${lang} ${mode}: ${ok}/${n}`);
