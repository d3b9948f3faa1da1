import { loadDetector } from '../../src/detect/index.js';
const d = await loadDetector(process.env.RULES ? { rulesOnly: true } : {});
const [lang, ...lines] = process.argv.slice(2);
for (const t of lines) {
  const r = d.classify({ text: t, lang: lang as 'en', speaker: 'agent', rightParty: true });
  console.log(`${r.labels.join(',') || '-'}\t${t}\t${r.findings.map(f => `${f.rule}(${f.confidence.toFixed(2)})`).join(' ')}`);
}
