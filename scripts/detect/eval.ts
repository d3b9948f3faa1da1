// npm run eval: precision / recall / F1 per category per language on the corpus's held-out
// test split, and on the real datasets in ../shared/datasets (HateCheck, Multilingual
// HateCheck, COLD, Davidson), each next to the plain-lexicon baseline and to rules only.
// Prints markdown and rewrites the results section of docs/detector.md
// (between <!-- eval:begin --> and <!-- eval:end -->); `--no-write` only prints.
// Also counts what it flags among lawful agent lines written as the recogniser writes them
// (test/detect/fixtures/lawful-asr-<lang>.txt, never trained on).
// Also scores the hand-written dev sets (corpus/<lang>/dev*.jsonl) and the fresh held-out sets
// (corpus/<lang>/fresh*-holdout.jsonl, aggregates only), each round and all fresh rounds together,
// the latter with 95% intervals from resampling whole families (metrics.ts bootstrapInterval).
// `--errors[=lang]` prints (to stderr) the corpus test lines and dev lines the shipped detector
// gets wrong, with the rules that fired. It never prints HateCheck cases nor fresh held-out
// lines: both stay unread (scripts/detect/hc-dev.ts --show lists the HateCheck dev half).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { repoRoot } from '../../src/paths.js';
import { loadDetector, type Category, type Detector, type DetectInput } from '../../src/detect/index.js';
import { CATEGORIES, LANGUAGES, type DetectLanguage } from '../../src/detect/types.js';
import { baselineLabels } from './baseline.js';
import { FRESH_FILES, UNTRAINED_DEV_FILES, loadCorpus, loadDev, loadFreshHoldout, type Utterance } from './corpus.js';
import { readCsv } from './csv.js';
import { hcDevTemplate } from './hatecheck.js';
import { add, bootstrapInterval, emptyCounts, fmt, prf, sumCounts, type Counts } from './metrics.js';

const DATASETS = resolve(repoRoot, '..', 'shared', 'datasets');

type System = 'baseline' | 'rules' | 'full';
const SYSTEMS: System[] = ['baseline', 'rules', 'full'];

interface Systems { rules: Detector; full: Detector }

function predict(sys: System, d: Systems, input: DetectInput & { lang: DetectLanguage }): Set<Category> {
  if (sys === 'baseline') return input.speaker === 'customer' ? new Set() : baselineLabels(input.text, input.lang);
  return new Set(d[sys].classify(input).labels);
}

function cell(c: Counts): string {
  const m = prf(c);
  return `${fmt(m.p)} / ${fmt(m.r)} / **${fmt(m.f1)}**`;
}

function rate(hit: number, n: number): string {
  return n === 0 ? '–' : `${fmt(hit / n)} (${hit}/${n})`;
}

const ERRORS = process.argv.find((a) => a === '--errors' || a.startsWith('--errors='));
const ERROR_LANG = ERRORS?.includes('=') ? ERRORS.slice(ERRORS.indexOf('=') + 1) : null;

function printErrors(lang: DetectLanguage, d: Systems): ((u: Utterance, full: Set<Category>) => void) | undefined {
  if (!ERRORS || (ERROR_LANG && ERROR_LANG !== lang)) return undefined;
  return (u, p) => {
    if (u.speaker === 'agent' && CATEGORIES.some((c) => p.has(c) !== u.labels.includes(c))) printError(lang, u, d);
  };
}

function printError(lang: DetectLanguage, u: { text: string; labels: Category[]; rightParty: boolean | null; family: string }, d: Systems): void {
  const r = d.full.classify({ text: u.text, lang, speaker: 'agent', rightParty: u.rightParty });
  const got = new Set(r.labels);
  const fn = u.labels.filter((c) => !got.has(c));
  const fp = r.labels.filter((c) => !u.labels.includes(c));
  console.error(`${lang} ${u.family} gold=[${u.labels.join(',')}] rp=${u.rightParty} ${fn.length ? `MISS ${fn.join(',')} ` : ''}${fp.length ? `EXTRA ${fp.join(',')} ` : ''}| ${u.text} => ${r.findings.map((f) => `${f.rule}(${f.confidence})`).join(' ')}`);
}

type LawfulKind = 'all' | 'agent' | 'hard' | 'customer';
const LAWFUL_KINDS: LawfulKind[] = ['all', 'agent', 'hard', 'customer'];

interface Scores {
  counts: Record<System, Record<Category, Counts>>;
  /** Lawful lines (labels []) flagged with any category, per system and kind. */
  lawful: Record<System, Record<LawfulKind, number>>;
  nLawful: Record<LawfulKind, number>;
  /** The shipped detector's counts per family (the block of lines one writer wrote together),
   *  for intervals that resample whole families; `lawfulAgent.tp` counts flagged lawful agent
   *  lines, `.fn` the others. */
  families: Map<string, FamilyCounts>;
}

interface FamilyCounts { cats: Record<Category, Counts>; lawfulAgent: Counts }

function emptyPerCategory(): Record<Category, Counts> {
  return Object.fromEntries(CATEGORIES.map((c) => [c, emptyCounts()])) as Record<Category, Counts>;
}

/** Scores labelled lines (corpus test split, fresh held-out set) with every system; each line is
 *  classified with its own `speaker` and `rightParty`. `onLine` sees each line with the shipped detector's labels. */
function scoreLines(d: Systems, lang: DetectLanguage, rows: Utterance[], onLine?: (u: Utterance, full: Set<Category>) => void): Scores {
  const zero = (): Record<LawfulKind, number> => ({ all: 0, agent: 0, hard: 0, customer: 0 });
  const counts = {} as Record<System, Record<Category, Counts>>;
  const lawful = {} as Record<System, Record<LawfulKind, number>>;
  for (const s of SYSTEMS) {
    counts[s] = emptyPerCategory();
    lawful[s] = zero();
  }
  const nLawful = zero();
  const families = new Map<string, FamilyCounts>();
  const tally = (t: Record<LawfulKind, number>, u: Utterance): void => {
    t.all++;
    if (u.speaker === 'customer') t.customer++;
    else t.agent++;
    if (u.hard) t.hard++;
  };
  for (const u of rows) {
    const isLawful = u.labels.length === 0;
    if (isLawful) tally(nLawful, u);
    for (const s of SYSTEMS) {
      const p = predict(s, d, { text: u.text, lang, speaker: u.speaker, rightParty: u.rightParty });
      for (const c of CATEGORIES) add(counts[s][c], p.has(c), u.labels.includes(c));
      if (isLawful && p.size > 0) tally(lawful[s], u);
      if (s === 'full') {
        onLine?.(u, p);
        let fam = families.get(u.family);
        if (!fam) families.set(u.family, (fam = { cats: emptyPerCategory(), lawfulAgent: emptyCounts() }));
        for (const c of CATEGORIES) add(fam.cats[c], p.has(c), u.labels.includes(c));
        if (isLawful && u.speaker === 'agent') add(fam.lawfulAgent, p.size > 0, true);
      }
    }
  }
  return { counts, lawful, nLawful, families };
}

function categoryRows(lang: DetectLanguage, sc: Scores): string[] {
  return CATEGORIES.map((c) => `| ${lang} | ${c} | ${sc.counts.full[c].tp + sc.counts.full[c].fn} | ${cell(sc.counts.baseline[c])} | ${cell(sc.counts.rules[c])} | ${cell(sc.counts.full[c])} |`);
}

function lawfulRow(lang: DetectLanguage, sc: Scores, k: LawfulKind, name: string): string {
  return `| ${lang} | ${name} | ${rate(sc.lawful.baseline[k], sc.nLawful[k])} | ${rate(sc.lawful.rules[k], sc.nLawful[k])} | ${rate(sc.lawful.full[k], sc.nLawful[k])} |`;
}

const CATEGORY_HEAD = ['| lang | category | positives | baseline | rules | full |', '|---|---|---:|---|---|---|'];
const LAWFUL_HEAD = ['| lang | lines | baseline | rules | full |', '|---|---|---|---|---|'];

function corpusSection(d: Systems): string[] {
  const out: string[] = [];
  out.push('### Held-out test split of the project corpus (`corpus/<lang>/utterances.jsonl`, `split: "test"`)', '');
  out.push('P / R / **F1** per category. `rules` = rules only; `full` = rules + fastText classifier (the shipped detector). Every line is classified with its own `speaker` and `rightParty`.', '');
  out.push(...CATEGORY_HEAD);
  const lawfulRows: string[] = [];
  for (const lang of LANGUAGES) {
    const rows = loadCorpus(lang).filter((u) => u.split === 'test');
    if (rows.length === 0) continue;
    const sc = scoreLines(d, lang, rows, printErrors(lang, d));
    out.push(...categoryRows(lang, sc));
    for (const k of LAWFUL_KINDS) {
      lawfulRows.push(lawfulRow(lang, sc, k, k === 'all' ? 'all lawful lines' : k === 'hard' ? 'hard lawful (agent)' : `lawful ${k}`));
    }
  }
  out.push('', 'Lawful utterances wrongly flagged (any category):', '');
  out.push(...LAWFUL_HEAD, ...lawfulRows);
  return out;
}

/** Per-language scores of one hand-written set (languages without lines are left out). */
type SetScores = Array<[DetectLanguage, Scores]>;

/** Scores one hand-written set; `printLines` prints its errors (--errors, dev sets only). */
function scoreSet(d: Systems, rowsOf: (lang: DetectLanguage) => Utterance[], printLines: boolean): SetScores {
  const out: SetScores = [];
  for (const lang of LANGUAGES) {
    const rows = rowsOf(lang);
    if (rows.length > 0) out.push([lang, scoreLines(d, lang, rows, printLines ? printErrors(lang, d) : undefined)]);
  }
  return out;
}

/** Several rounds as one set: counts added, so no line is classified twice. */
function combineSets(rounds: SetScores[]): SetScores {
  const out: SetScores = [];
  for (const lang of LANGUAGES) {
    const parts = rounds.flatMap((r) => r.filter(([l]) => l === lang).map(([, sc]) => sc));
    if (parts.length > 0) out.push([lang, parts.reduce(addScores)]);
  }
  return out;
}

function addScores(a: Scores, b: Scores): Scores {
  const sum = <K extends string>(x: Record<K, number>, y: Record<K, number>): Record<K, number> =>
    Object.fromEntries(Object.keys(x).map((k) => [k, x[k as K] + y[k as K]])) as Record<K, number>;
  const counts = {} as Scores['counts'];
  const lawful = {} as Scores['lawful'];
  for (const s of SYSTEMS) {
    counts[s] = Object.fromEntries(CATEGORIES.map((c) => [c, sum<keyof Counts>(a.counts[s][c], b.counts[s][c])])) as Record<Category, Counts>;
    lawful[s] = sum(a.lawful[s], b.lawful[s]);
  }
  const families = new Map(a.families);
  for (const [k, f] of b.families) {
    const g = families.get(k);
    families.set(k, g ? { cats: Object.fromEntries(CATEGORIES.map((c) => [c, sumCounts(g.cats[c], f.cats[c])])) as Record<Category, Counts>, lawfulAgent: sumCounts(g.lawfulAgent, f.lawfulAgent) } : f);
  }
  return { counts, lawful, nLawful: sum(a.nLawful, b.nLawful), families };
}

/** A hand-written evaluation set (never trained on), one round's file. The dev sets' errors may
 *  be printed (--errors); the fresh held-out sets' never: there is deliberately no way to print
 *  their lines. */
function handWrittenSection(file: string, dev: boolean, scores: SetScores): string[] {
  const out: string[] = [];
  if (dev) {
    out.push(`### Hand-written dev set \`corpus/<lang>/${file}\` (never trained on; its errors were read)`, '');
    out.push('Written like the fresh sets below, by other hands, without reading the rules (corpus/README.md § Dev set). Its errors are read to improve rules and training wording, so its scores are optimistic; the fresh sets are the honest measure. P / R / **F1** per category.', '');
  } else {
    out.push(`### Fresh held-out set \`corpus/<lang>/${file}\` (written after the rules, never read by training or rule authors)`, '');
    out.push('Hand-written lines (corpus/README.md § Fresh held-out set), new wording, about a tenth written as a recogniser outputs them. P / R / **F1** per category, each line classified with its own `speaker` and `rightParty`. Only these aggregates are ever printed: do not tune on this set.', '');
  }
  out.push(...handWrittenTables(scores));
  return out;
}

/** Every fresh round together: the figure the targets are judged on (more positives per
 *  category than one round, so a narrower estimate). */
function freshCombinedSection(scores: SetScores): string[] {
  const out: string[] = ['### All fresh held-out sets together (every round above)', ''];
  out.push('The targets are judged on this table. P / R / **F1** per category.', '');
  out.push(...handWrittenTables(scores));
  out.push('', `The shipped detector's F1 and lawful agent lines flagged, with 95% intervals: families (the blocks of about ten lines one writer wrote together) resampled whole, ${INTERVAL_RESAMPLES} times, seed 1. How far a figure may move on another set written the same way.`, '');
  out.push(`| lang | families | ${CATEGORIES.join(' | ')} | lawful agent lines flagged |`, `|---|---:|${CATEGORIES.map(() => '---|').join('')}---|`);
  for (const [lang, sc] of scores) {
    const fams = [...sc.families.values()];
    const f1 = (c: Category): string => {
      const [lo, hi] = bootstrapInterval(fams.map((f) => f.cats[c]), (x) => prf(x).f1, { resamples: INTERVAL_RESAMPLES });
      return `${fmt(prf(sc.counts.full[c]).f1)} (${fmt(lo)}–${fmt(hi)})`;
    };
    const share = (x: Counts): number => (x.tp + x.fn === 0 ? 0 : x.tp / (x.tp + x.fn));
    const [lo, hi] = bootstrapInterval(fams.map((f) => f.lawfulAgent), share, { resamples: INTERVAL_RESAMPLES });
    const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
    out.push(`| ${lang} | ${fams.length} | ${CATEGORIES.map(f1).join(' | ')} | ${pct(sc.lawful.full.agent / sc.nLawful.agent)} (${pct(lo)}–${pct(hi)}) |`);
  }
  return out;
}

const INTERVAL_RESAMPLES = 2000;

/** Category table, then lawful agent / hard / customer lines flagged, per language. */
function handWrittenTables(scores: SetScores): string[] {
  const out: string[] = [...CATEGORY_HEAD];
  const lawfulRows: string[] = [];
  for (const [lang, sc] of scores) {
    out.push(...categoryRows(lang, sc));
    lawfulRows.push(
      lawfulRow(lang, sc, 'agent', 'lawful agent lines flagged'),
      lawfulRow(lang, sc, 'hard', '… of which hard look-alikes'),
      lawfulRow(lang, sc, 'customer', 'customer lines flagged'),
    );
  }
  out.push('', 'Lawful agent lines and customer lines (hostile ones included) flagged (any category):', '');
  out.push(...LAWFUL_HEAD, ...lawfulRows);
  return out;
}

interface HcRow { functionality: string; test_case: string; label_gold: string; templ_id: string }

/** Non-hateful functionalities that are still abuse aimed at a person or a non-protected group
 *  ("I'm going to shoot you"): a threat for a collector even though HateCheck calls it non-hateful. */
const ABUSE_NH = new Set(['target_indiv_nh', 'target_group_nh']);

function hatecheckSection(d: Systems): string[] {
  const files: Array<[DetectLanguage, string]> = [['en', 'hatecheck/hatecheck_en.csv'], ['es', 'hatecheck/mhc_spanish.csv'], ['zh', 'hatecheck/mhc_mandarin.csv']];
  const out: string[] = [];
  out.push('### HateCheck (en) and Multilingual HateCheck (es, zh)', '');
  out.push('Threat: recall on `threat_dir_h` + `threat_norm_h` (the detector\'s `threat` label) and the share of **non-hateful** cases flagged `threat`, also without `target_indiv_nh` / `target_group_nh` (threats at a person or a non-protected group: non-hateful for HateCheck, a threat on a collection call). Profanity: share of `profanity_h` / `profanity_nh` cases flagged `insult` (FDCPA 1692d(2) bars profane language whatever its target, so both count as hits) and the share of the other non-hateful cases flagged `insult`. Cases are classified as agent speech to the verified debtor.', '');
  out.push('Half of the templates (hash of `templ_id`, scripts/detect/hatecheck.ts) were looked at while writing threat rules; **held-out** rows use only the other half.', '');
  out.push('| lang | templates | system | threat recall (dir / norm / all) | threat flag on non-hateful | … without threats at persons / other groups | insult on profanity_h / profanity_nh | insult flag on other non-hateful |', '|---|---|---|---|---|---|---|---|');
  for (const [lang, file] of files) {
    const path = join(DATASETS, file);
    if (!existsSync(path)) continue;
    const all = readCsv(path) as unknown as HcRow[];
    for (const [subset, rows] of [['all', all], ['held-out', all.filter((r) => !hcDevTemplate(r.templ_id ?? ''))]] as Array<[string, HcRow[]]>) {
      for (const s of SYSTEMS) {
        let dir = 0, nDir = 0, norm = 0, nNorm = 0, nh = 0, nNh = 0, nh2 = 0, nNh2 = 0, ph = 0, nPh = 0, pnh = 0, nPnh = 0, other = 0, nOther = 0;
        for (const r of rows) {
          const p = predict(s, d, { text: r.test_case, lang, speaker: 'agent', rightParty: true });
          const thr = p.has('threat');
          const ins = p.has('insult');
          if (r.functionality === 'threat_dir_h') { nDir++; if (thr) dir++; }
          if (r.functionality === 'threat_norm_h') { nNorm++; if (thr) norm++; }
          if (r.label_gold === 'non-hateful') {
            nNh++; if (thr) nh++;
            if (!ABUSE_NH.has(r.functionality)) { nNh2++; if (thr) nh2++; }
          }
          if (r.functionality === 'profanity_h') { nPh++; if (ins) ph++; }
          if (r.functionality === 'profanity_nh') { nPnh++; if (ins) pnh++; }
          if (r.label_gold === 'non-hateful' && r.functionality !== 'profanity_nh') { nOther++; if (ins) other++; }
        }
        out.push(`| ${lang} | ${subset} | ${s} | ${fmt(dir / (nDir || 1))} / ${fmt(norm / (nNorm || 1))} / **${fmt((dir + norm) / (nDir + nNorm || 1))}** | ${rate(nh, nNh)} | ${rate(nh2, nNh2)} | ${fmt(ph / (nPh || 1))} / ${fmt(pnh / (nPnh || 1))} | ${rate(other, nOther)} |`);
      }
    }
  }
  return out;
}

function binarySection(d: Systems, title: string, note: string, lang: DetectLanguage, rows: Array<{ text: string; positive: boolean }>): string[] {
  const out: string[] = [`### ${title}`, '', note, ''];
  out.push('| system | P / R / **F1** (insult or threat) | flagged among negatives |', '|---|---|---|');
  for (const s of SYSTEMS) {
    const c = emptyCounts();
    for (const r of rows) {
      const p = predict(s, d, { text: r.text, lang, speaker: 'agent', rightParty: true });
      add(c, p.has('insult') || p.has('threat'), r.positive);
    }
    out.push(`| ${s} | ${cell(c)} | ${rate(c.fp, c.fp + c.tn)} |`);
  }
  return out;
}

/** Lawful agent lines as the recogniser writes them (test/detect/fixtures/lawful-asr-<lang>.txt:
 *  lower case, no punctuation, numbers spelled out, a few misrecognitions). Evaluation only:
 *  train.ts never reads them. Every flag here is a false alarm on the collector's screen. */
function readLawfulAsr(lang: DetectLanguage): string[] {
  const path = join(repoRoot, 'test', 'detect', 'fixtures', `lawful-asr-${lang}.txt`);
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
}

function lawfulAsrSection(d: Systems): string[] {
  const out: string[] = ['### Lawful agent lines as the recogniser writes them', ''];
  out.push('`test/detect/fixtures/lawful-asr-<lang>.txt` (evaluation only, never trained on): lawful things a collector says to the verified debtor, written lower case without punctuation, numbers spelled out, with misrecognitions biased toward danger words ("ninety days past jail", "collect a deadbeat"). Share flagged (any category); the lines `full` flags are listed.', '');
  out.push('| lang | lines | baseline | rules | full |', '|---|---:|---|---|---|');
  const flagged: string[] = [];
  for (const lang of LANGUAGES) {
    const lines = readLawfulAsr(lang);
    if (lines.length === 0) continue;
    const n: Record<System, number> = { baseline: 0, rules: 0, full: 0 };
    for (const text of lines) {
      for (const s of SYSTEMS) if (predict(s, d, { text, lang, speaker: 'agent', rightParty: true }).size > 0) n[s]++;
      const r = d.full.classify({ text, lang, speaker: 'agent', rightParty: true });
      if (r.labels.length) flagged.push(`- ${lang}: "${text}" → ${r.findings.map((f) => `\`${f.rule}\``).join(', ')}`);
    }
    out.push(`| ${lang} | ${lines.length} | ${rate(n.baseline, lines.length)} | ${rate(n.rules, lines.length)} | ${rate(n.full, lines.length)} |`);
  }
  if (flagged.length) out.push('', 'Flagged by the shipped detector:', '', ...flagged);
  return out;
}

async function main(): Promise<void> {
  const write = !process.argv.includes('--no-write') && !ERRORS;
  const started = Date.now();
  const d: Systems = { rules: await loadDetector({ rulesOnly: true }), full: await loadDetector() };
  const md: string[] = [];
  md.push(...corpusSection(d), '');
  // Dev rounds the classifier has trained on (TRAINED_DEV_FILES) would only show training fit.
  for (const file of UNTRAINED_DEV_FILES) md.push(...handWrittenSection(file, true, scoreSet(d, (lang) => loadDev(lang, file), true)), '');
  // While errors are being read (development), the fresh sets' aggregates stay unprinted too,
  // so nobody tunes against them between reading errors.
  if (!ERRORS) {
    const rounds = FRESH_FILES.map((file) => scoreSet(d, (lang) => loadFreshHoldout(lang, file), false));
    FRESH_FILES.forEach((file, i) => md.push(...handWrittenSection(file, false, rounds[i]!), ''));
    md.push(...freshCombinedSection(combineSets(rounds)), '');
  }
  md.push(...lawfulAsrSection(d), '');
  md.push(...hatecheckSection(d), '');
  const coldPath = join(DATASETS, 'cold', 'test.csv');
  if (existsSync(coldPath)) {
    const rows = readCsv(coldPath).map((r) => ({ text: r.TEXT ?? '', positive: r.label === '1' }));
    md.push(...binarySection(d, 'COLD test (zh)', `${rows.length} social-media posts, \`label\` 1 = offensive. Offensive there includes attacks on groups and anti-bias speech, most of it without profanity or a threat; the detector only looks for insults and threats aimed at the person on the call, so low recall is expected.`, 'zh', rows), '');
  }
  const davPath = join(DATASETS, 'davidson', 'labeled_data.csv');
  if (existsSync(davPath)) {
    const rows = readCsv(davPath).map((r) => ({ text: r.tweet ?? '', positive: r.class === '0' || r.class === '1' }));
    md.push(...binarySection(d, 'Davidson (en)', `${rows.length} tweets, \`class\` 0 hate / 1 offensive count as positive, 2 neither as negative.`, 'en', rows), '');
  }
  md.push(`_Produced by \`npm run eval\` in ${((Date.now() - started) / 1000).toFixed(1)} s._`);
  const text = md.join('\n');
  console.log(text);
  if (write) {
    const doc = join(repoRoot, 'docs', 'detector.md');
    if (existsSync(doc)) {
      const cur = readFileSync(doc, 'utf8');
      const a = cur.indexOf('<!-- eval:begin -->');
      const b = cur.indexOf('<!-- eval:end -->');
      if (a >= 0 && b > a) {
        writeFileSync(doc, `${cur.slice(0, a)}<!-- eval:begin -->\n${text}\n${cur.slice(b)}`);
        console.error('docs/detector.md updated');
      }
    }
  }
}

await main();
