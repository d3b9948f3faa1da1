// Development aid: HateCheck / MHC threat recall and non-hateful threat flags on the DEV half
// of the templates only (the held-out half stays for `npm run eval`). `--show` prints the
// dev-half non-hateful cases flagged threat and the missed threats.
import { join, resolve } from 'node:path';
import { repoRoot } from '../../src/paths.js';
import { loadDetector } from '../../src/detect/index.js';
import type { DetectLanguage } from '../../src/detect/types.js';
import { readCsv } from './csv.js';
import { hcDevTemplate } from './hatecheck.js';

const DATASETS = resolve(repoRoot, '..', 'shared', 'datasets');
const files: Array<[DetectLanguage, string]> = [['en', 'hatecheck/hatecheck_en.csv'], ['es', 'hatecheck/mhc_spanish.csv'], ['zh', 'hatecheck/mhc_mandarin.csv']];
const show = process.argv.includes('--show');
// --rules: rules only; --lang=zh: one language.
const modes = process.argv.includes('--rules') ? (['rules'] as const) : (['rules', 'full'] as const);
const only = process.argv.find((a) => a.startsWith('--lang='))?.slice(7);
for (const mode of modes) {
  const d = await loadDetector(mode === 'rules' ? { rulesOnly: true } : {});
  for (const [lang, f] of files) {
    if (only && lang !== only) continue;
    const rows = (readCsv(join(DATASETS, f)) as Array<Record<string, string>>).filter((r) => hcDevTemplate(r.templ_id ?? ''));
    let thr = 0, nThr = 0, nh = 0, nNh = 0, nh2 = 0, nNh2 = 0;
    for (const r of rows) {
      const hit = d.classify({ text: r.test_case ?? '', lang, speaker: 'agent', rightParty: true }).labels.includes('threat');
      if (r.functionality === 'threat_dir_h' || r.functionality === 'threat_norm_h') { nThr++; if (hit) thr++; else if (show && mode === modes[modes.length - 1]) console.log(`MISS ${lang} | ${r.test_case}`); }
      const abuse = r.functionality === 'target_indiv_nh' || r.functionality === 'target_group_nh';
      if (r.label_gold === 'non-hateful' && !abuse) { nNh2++; if (hit) nh2++; }
      if (r.label_gold === 'non-hateful') { nNh++; if (hit) { nh++; if (show && mode === modes[modes.length - 1]) console.log(`NH ${lang} ${r.functionality} | ${r.test_case}`); } }
    }
    console.log(`${mode} ${lang} dev-half: threat recall ${(thr / nThr).toFixed(3)} (${thr}/${nThr}), non-hateful flagged ${(nh / nNh).toFixed(3)} (${nh}/${nNh}), without threats at persons / other groups ${(nh2 / nNh2).toFixed(3)} (${nh2}/${nNh2})`);
  }
}
