// Generates the earshot labelled corpus: corpus/<lang>/utterances.jsonl for en, es, zh.
// Run: npx tsx scripts/corpus/generate.ts   (or npm run corpus)
// Deterministic: same code + same SEED => byte-identical files.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashStr, mulberry32, pick, render, type Ctx, type Family, type Label, type LangSpec } from './lib.js';
import { en } from './en.js';
import { es } from './es.js';
import { zh } from './zh.js';

const SEED = 'earshot-corpus-v1';
const TEST_SHARE = 0.25;

/** Desired lines per category and language; per-family targets are derived from these. */
const DESIRED: Record<string, number> = {
  threat: 360,
  insult: 360,
  false_legal: 360,
  third_party_disclosure: 360,
  hard: 540,
  ok: 1300,
  cust: 800,
};
const DEFAULT_PER_FAMILY = 12;
const MAX_PER_FAMILY = 40;

interface Row {
  id: string;
  lang: string;
  speaker: 'agent' | 'customer';
  text: string;
  labels: Label[];
  split: 'train' | 'test';
  rightParty: boolean | null;
  family: string;
  hard?: true;
}

function category(f: Family): string {
  if (f.labels.length === 1) return f.labels[0] as string;
  if (f.labels.length > 1) return f.labels.join('+');
  if (f.speaker === 'customer') return 'cust';
  return f.hard ? 'hard' : 'ok';
}

function assignSplits(families: Family[]): Map<string, 'train' | 'test'> {
  const split = new Map<string, 'train' | 'test'>();
  const groups = new Map<string, Family[]>();
  for (const f of families) {
    if (f.twinOf) continue;
    const key = `${[...f.labels].sort().join('+') || 'none'}|${f.speaker}|${f.hard}`;
    const g = groups.get(key) ?? [];
    g.push(f);
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    const order = [...g].sort((a, b) => hashStr(`${SEED}:split:${a.id}`) - hashStr(`${SEED}:split:${b.id}`) || a.id.localeCompare(b.id));
    const nTest = g.length >= 2 ? Math.max(1, Math.round(g.length * TEST_SHARE)) : 0;
    order.forEach((f, i) => split.set(f.id, i < nTest ? 'test' : 'train'));
  }
  for (const f of families) {
    if (!f.twinOf) continue;
    split.set(f.id, split.get(f.twinOf) ?? 'train');
  }
  return split;
}

function generate(spec: LangSpec): { rows: Row[]; warnings: string[] } {
  const warnings: string[] = [];
  const ids = new Set<string>();
  for (const f of spec.families) {
    if (ids.has(f.id)) throw new Error(`duplicate family id ${f.id}`);
    ids.add(f.id);
    if (f.speaker === 'customer' && f.labels.length) throw new Error(`customer family ${f.id} has labels`);
    if (f.labels.includes('third_party_disclosure') && f.rightParty !== false) throw new Error(`${f.id}: disclosure must have rightParty false`);
  }
  // Capacity probe: how many distinct lines can each family produce (up to MAX_PER_FAMILY)?
  const capacity = new Map<string, number>();
  for (const f of spec.families) {
    const local = new Set<string>();
    renderFamily(spec, f, MAX_PER_FAMILY, (_t, k) => { if (local.has(k)) return false; local.add(k); return true; });
    capacity.set(f.id, local.size);
  }
  // Water-filling: per category, the lowest per-family level L with sum(min(cap, L)) >= desired.
  const byCat = new Map<string, Family[]>();
  for (const f of spec.families) byCat.set(category(f), [...(byCat.get(category(f)) ?? []), f]);
  const targets = new Map<string, number>();
  for (const [cat, fams] of byCat) {
    const want = DESIRED[cat];
    let level = DEFAULT_PER_FAMILY;
    if (want !== undefined) {
      level = 1;
      while (level < MAX_PER_FAMILY && fams.reduce((a, f) => a + Math.min(capacity.get(f.id) ?? 0, level), 0) < want) level++;
    }
    for (const f of fams) targets.set(f.id, Math.min(level, capacity.get(f.id) ?? 0));
  }
  const target = (f: Family): number => targets.get(f.id) ?? DEFAULT_PER_FAMILY;
  const split = assignSplits(spec.families);
  const seen = new Map<string, string>(); // text|rp|speaker -> labels key
  const rows: Row[] = [];
  for (const f of spec.families) {
    const want = target(f);
    let got = 0;
    renderFamily(spec, f, want, (text, base) => {
      const key = `${base}|${f.rightParty}|${f.speaker}`;
      const labelsKey = f.labels.join('+');
      const prev = seen.get(key);
      if (prev !== undefined) {
        if (prev !== labelsKey) warnings.push(`${f.id}: label conflict on "${text}"`);
        return false;
      }
      seen.set(key, labelsKey);
      const row: Row = {
        id: '',
        lang: spec.lang,
        speaker: f.speaker,
        text,
        labels: [...f.labels],
        split: split.get(f.id) ?? 'train',
        rightParty: f.rightParty,
        family: f.id,
      };
      if (f.hard) row.hard = true;
      rows.push(row);
      got++;
      return true;
    });
    if (got < Math.min(want, 4)) warnings.push(`${f.id}: only ${got} distinct lines (wanted ${want})`);
  }
  rows.forEach((r, i) => { r.id = `${spec.lang}-${String(i + 1).padStart(6, '0')}`; });
  return { rows, warnings };
}

/** Render up to `want` accepted lines of a family; `accept` returns false for a duplicate. */
function renderFamily(spec: LangSpec, f: Family, want: number, accept: (text: string, key: string) => boolean): void {
  const rng = mulberry32(hashStr(`${SEED}:${f.sameText && f.twinOf ? f.twinOf : f.id}`));
  let got = 0;
  for (let attempt = 0; got < want && attempt < want * 12; attempt++) {
    const ctx: Ctx = {
      rng,
      gender: rng() < 0.5 ? 'm' : 'f',
      region: f.region ?? (rng() < 0.5 ? 'ES' : 'MX'),
      cache: new Map(),
    };
    const tpl = f.templates[attempt % f.templates.length] ?? pick(rng, f.templates);
    const base = spec.finish(renderTpl(spec, tpl, ctx));
    // dedupe on the base form so a Traditional-character copy of a Simplified line never counts as new
    const text = spec.variant ? spec.variant(base, rng) : base;
    if (accept(text, base)) got++;
  }
}

function renderTpl(spec: LangSpec, tpl: string, ctx: Ctx): string {
  return render(tpl, spec.slots, ctx);
}

const LABELS: Label[] = ['threat', 'insult', 'false_legal', 'third_party_disclosure'];

function stats(all: Row[][]): string {
  const lines: string[] = [];
  lines.push('| lang | category | train | test | total | families (train/test) |');
  lines.push('|---|---|---:|---:|---:|---|');
  for (const rows of all) {
    const lang = rows[0]?.lang ?? '?';
    const cats: [string, (r: Row) => boolean][] = [
      ...LABELS.map((l): [string, (r: Row) => boolean] => [l, (r) => r.labels.includes(l)]),
      ['lawful (all, labels [])', (r) => r.labels.length === 0],
      ['lawful agent', (r) => r.labels.length === 0 && r.speaker === 'agent'],
      ['lawful agent, hard', (r) => r.labels.length === 0 && r.hard === true],
      ['lawful customer', (r) => r.speaker === 'customer'],
      ['multi-label', (r) => r.labels.length > 1],
      ['ALL', () => true],
    ];
    for (const [name, pred] of cats) {
      const sel = rows.filter(pred);
      const tr = sel.filter((r) => r.split === 'train');
      const te = sel.filter((r) => r.split === 'test');
      const ftr = new Set(tr.map((r) => r.family)).size;
      const fte = new Set(te.map((r) => r.family)).size;
      lines.push(`| ${lang} | ${name} | ${tr.length} | ${te.length} | ${sel.length} | ${ftr}/${fte} |`);
    }
  }
  return lines.join('\n');
}

function main(): void {
  const here = dirname(fileURLToPath(import.meta.url));
  const root = resolve(here, '..', '..');
  const all: Row[][] = [];
  for (const spec of [en, es, zh]) {
    const { rows, warnings } = generate(spec);
    const dir = join(root, 'corpus', spec.lang);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'utterances.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    for (const w of warnings) console.error(`[${spec.lang}] warning: ${w}`);
    console.error(`[${spec.lang}] ${rows.length} lines from ${spec.families.length} families`);
    all.push(rows);
  }
  const table = stats(all);
  console.log(table);
  const readme = join(root, 'corpus', 'README.md');
  if (existsSync(readme)) {
    const text = readFileSync(readme, 'utf8');
    const re = /<!-- counts:start -->[\s\S]*<!-- counts:end -->/;
    if (re.test(text)) writeFileSync(readme, text.replace(re, `<!-- counts:start -->\n${table}\n<!-- counts:end -->`));
  }
}

main();
