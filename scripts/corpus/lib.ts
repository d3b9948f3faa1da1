// Template engine for the earshot labelled corpus. Deterministic: every family
// renders from its own PRNG seeded by (global seed, family id), so adding a
// family never changes the lines of the others.

export type Label = 'threat' | 'insult' | 'false_legal' | 'third_party_disclosure';
export type Speaker = 'agent' | 'customer';
export type Lang = 'en' | 'es' | 'zh';

export interface Family {
  id: string;
  speaker: Speaker;
  labels: Label[];
  rightParty: boolean | null;
  hard: boolean;
  templates: string[];
  /** Spanish only: region the family is written for ('ES' Spain, 'MX' Mexico/LatAm); undefined = either. */
  region?: 'ES' | 'MX';
  /** id of a twin family whose split this family must follow (lawful twin of a disclosure). */
  twinOf?: string;
  /** twin renders exactly the same lines as its disclosure family (same PRNG seed). */
  sameText?: boolean;
}

export type Rng = () => number;

export function hashStr(s: string): number {
  let h = 2166136261 >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h >>> 0;
}

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rng: Rng, arr: readonly T[]): T {
  if (arr.length === 0) throw new Error('pick from empty array');
  return arr[Math.floor(rng() * arr.length)] as T;
}

export function int(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

/** Per-utterance rendering context: slot values are cached so {first} twice is the same name. */
export interface Ctx {
  rng: Rng;
  gender: 'm' | 'f';
  region: 'ES' | 'MX';
  cache: Map<string, string>;
}

export type SlotFn = (ctx: Ctx) => string;
export type Slots = Record<string, SlotFn>;

/** Resolve [a|b|c] alternations (innermost first, nesting allowed) then {slot} references. */
export function render(template: string, slots: Slots, ctx: Ctx): string {
  let s = template;
  const alt = /\[([^\[\]]*)\]/;
  for (let guard = 0; guard < 1000; guard++) {
    const m = alt.exec(s);
    if (!m) break;
    const opts = (m[1] ?? '').split('|');
    s = s.slice(0, m.index) + pick(ctx.rng, opts) + s.slice(m.index + m[0].length);
  }
  s = s.replace(/\{(\w+)\}/g, (_all, name: string) => {
    const cached = ctx.cache.get(name);
    if (cached !== undefined) return cached;
    const fn = slots[name];
    if (!fn) throw new Error(`unknown slot {${name}} in template: ${template}`);
    const v = fn(ctx);
    ctx.cache.set(name, v);
    return v;
  });
  return s;
}

/** Family-builder helper used by the language files. */
export class FamilyBook {
  readonly families: Family[] = [];
  private counters = new Map<string, number>();
  constructor(readonly lang: Lang) {}

  private nextId(prefix: string): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${this.lang}-${prefix}-${String(n).padStart(3, '0')}`;
  }

  add(prefix: string, f: Omit<Family, 'id'>): string {
    const id = this.nextId(prefix);
    this.families.push({ id, ...f });
    return id;
  }

  /** Agent line with labels. rightParty defaults to true (talking to the debtor). */
  viol(labels: Label[], templates: string[], opts: { rp?: boolean | null; region?: 'ES' | 'MX' } = {}): string {
    const prefix = labels.length === 0 ? 'ok' : labels.map(short).join('-');
    return this.add(prefix, { speaker: 'agent', labels, rightParty: opts.rp === undefined ? true : opts.rp, hard: false, templates, region: opts.region });
  }
  threat(templates: string[], opts: { rp?: boolean | null; region?: 'ES' | 'MX' } = {}): string { return this.viol(['threat'], templates, opts); }
  insult(templates: string[], opts: { rp?: boolean | null; region?: 'ES' | 'MX' } = {}): string { return this.viol(['insult'], templates, opts); }
  legal(templates: string[], opts: { rp?: boolean | null; region?: 'ES' | 'MX' } = {}): string { return this.viol(['false_legal'], templates, opts); }

  /** Disclosure to a third party (rightParty false). If `twin` is given, also a lawful
   *  hard family with the same wording said to the verified debtor (rightParty true). */
  disclose(templates: string[], opts: { region?: 'ES' | 'MX'; twin?: string[] } = {}): string {
    const id = this.add('tpd', { speaker: 'agent', labels: ['third_party_disclosure'], rightParty: false, hard: false, templates, region: opts.region });
    if (opts.twin) {
      this.families.push({ id: `${id}-rp`, speaker: 'agent', labels: [], rightParty: true, hard: true, templates: opts.twin, region: opts.region, twinOf: id });
    }
    return id;
  }

  /** Disclosure family plus a twin with the very same lines said to the verified debtor
   *  (rightParty true, labels [], hard): only the call state tells them apart. */
  discloseSame(templates: string[], opts: { region?: 'ES' | 'MX' } = {}): string {
    const id = this.add('tpd', { speaker: 'agent', labels: ['third_party_disclosure'], rightParty: false, hard: false, templates, region: opts.region });
    this.families.push({ id: `${id}-rp`, speaker: 'agent', labels: [], rightParty: true, hard: true, templates, region: opts.region, twinOf: id, sameText: true });
    return id;
  }

  /** Lawful agent line. */
  ok(templates: string[], opts: { rp?: boolean | null; region?: 'ES' | 'MX' } = {}): string {
    return this.add('ok', { speaker: 'agent', labels: [], rightParty: opts.rp === undefined ? true : opts.rp, hard: false, templates, region: opts.region });
  }
  /** Lawful agent line that shares words with violations. */
  hard(templates: string[], opts: { rp?: boolean | null; region?: 'ES' | 'MX' } = {}): string {
    return this.add('hard', { speaker: 'agent', labels: [], rightParty: opts.rp === undefined ? true : opts.rp, hard: true, templates, region: opts.region });
  }
  /** Customer line (never labelled). */
  cust(templates: string[], opts: { rp?: boolean | null; region?: 'ES' | 'MX'; hostile?: boolean } = {}): string {
    return this.add(opts.hostile ? 'cust-hostile' : 'cust', { speaker: 'customer', labels: [], rightParty: opts.rp === undefined ? true : opts.rp, hard: false, templates, region: opts.region });
  }
}

function short(l: Label): string {
  switch (l) {
    case 'threat': return 'thr';
    case 'insult': return 'ins';
    case 'false_legal': return 'fl';
    case 'third_party_disclosure': return 'tpd';
  }
}

export interface LangSpec {
  lang: Lang;
  slots: Slots;
  families: Family[];
  /** Post-processing of a rendered line (spacing, capitalisation). */
  finish: (s: string) => string;
  /** Optional per-line transform (zh: some lines to Traditional characters). */
  variant?: (s: string, rng: Rng) => string;
}

export function tidy(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.?!;:])/g, '$1')
    .replace(/,\s*,/g, ',')
    .replace(/\.\s*\./g, '.')
    .replace(/([?!])\./g, '$1')
    .trim();
}

export function capFirst(s: string): string {
  const i = s.search(/[A-Za-zÁÉÍÓÚÑáéíóúñ]/);
  if (i < 0) return s;
  return s.slice(0, i) + s.charAt(i).toUpperCase() + s.slice(i + 1);
}
