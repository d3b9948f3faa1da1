// Development aid: for each line of text (argument or stdin), every rule whose pattern matches,
// the matched span and what scope made of it. Usage: tsx scripts/detect/explain.ts <lang> [text]
import { readFileSync } from 'node:fs';
import { loadLanguageRules } from '../../src/detect/rules.js';
import { normalize } from '../../src/detect/normalize.js';
import { excusedByUnless, ruleScope } from '../../src/detect/scope.js';
import type { DetectLanguage } from '../../src/detect/types.js';

const lang = process.argv[2] as DetectLanguage;
const texts = process.argv[3] ? [process.argv[3]] : readFileSync(0, 'utf8').split('\n').filter((l) => l.trim());
const rules = loadLanguageRules(lang);
for (const raw of texts) {
  const text = raw.includes('|') ? raw.slice(raw.indexOf('|') + 1) : raw;
  const norm = normalize(text);
  console.log(`# ${norm.text}`);
  for (const r of rules.rules) for (const re of r.patterns) {
    re.lastIndex = 0;
    for (let m = re.exec(norm.text); m; m = re.exec(norm.text)) {
      if (m[0].length === 0) { re.lastIndex++; continue; }
      const a = m.index, b = a + m[0].length;
      const unless = excusedByUnless(norm, r, a, b);
      const v = ruleScope(norm, lang, rules.scope, r, a, b);
      console.log(`  ${r.spec.id} [${m[0]}] ${unless ? 'UNLESS' : ''} ${v ?? 'HIT'}`);
    }
  }
}
