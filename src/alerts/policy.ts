/**
 * When a finding becomes an alert, for one call. Fed the call's transcripts in order (partials
 * and finals of both channels) and the tone meter's findings; answers with alerts to raise and
 * alerts to retract.
 *
 * - Partials raise as soon as a category has held for `stablePartials` consecutive partials of the
 *   agent's open utterance (a word the recogniser has not settled on yet flickers in and out).
 * - The final decides: an alert raised on partials that the final no longer supports is
 *   retracted; a category only the final shows is raised then.
 * - One alert per category per utterance, and after an alert the same category stays quiet for
 *   `cooldownMs` of call audio unless it escalates (warning → critical).
 * - Only the agent's speech raises alerts; the customer's speech feeds the right-party state.
 */
import { randomUUID } from 'node:crypto';
import type { Category, Conversation, Detector, DetectLanguage, Finding, WordTime } from '../detect/index.js';
import type { AlertCategory } from '../events/types.js';

export interface PolicyOptions {
  /** Consecutive agent partials that must carry a category before it is alerted (0: partials never alert). */
  stablePartials: number;
  /**
   * Words the recogniser must have heard after a partial's finding before the finding counts:
   * the last word of a partial is its least settled ("collect a deadbeat" becomes "collect a
   * debt nobody…" a moment later).
   */
  settledWords: number;
  /** Same-category alerts closer than this on the call timeline are one alert (unless it escalates). */
  cooldownMs: number;
}

/** Chosen with `npm run bench:alerts` (bench/README.md § Alerts): see the speed / false-alarm trade-off there. */
export const DEFAULT_POLICY: PolicyOptions = { stablePartials: 2, settledWords: 1, cooldownMs: 20_000 };

export interface AlertDraft {
  alertId: string;
  category: AlertCategory;
  severity: 'warning' | 'critical';
  text: string;
  startMs: number;
  endMs: number;
  rule: string;
  explanation: string;
  citation: string;
  suggestion?: string;
  basis: 'partial' | 'final' | 'audio';
}

export type PolicyAction = { kind: 'raise'; alert: AlertDraft } | { kind: 'retract'; alertId: string; category: AlertCategory };

export interface TranscriptInput {
  channel: 'agent' | 'customer';
  final: boolean;
  text: string;
  startMs: number;
  endMs: number;
  words?: WordTime[];
}

/** What the tone meter hands over (src/audio/tone.ts), already past its own threshold and cool-down. */
export interface ToneInput {
  kind: string;
  startMs: number;
  endMs: number;
  explanation: string;
  suggestion?: string;
  measure?: number;
}

interface OpenUtterance {
  startMs: number;
  /** Consecutive partials each category has appeared in, by the rule that found it. */
  streak: Map<string, number>;
  /** Alerts raised on this utterance's partials, by category. */
  raised: Map<Category, string>;
}

interface LastAlert {
  alertId: string;
  endMs: number;
  severity: 'warning' | 'critical';
}

const SEVERITY_RANK = { warning: 1, critical: 2 } as const;

export class AlertPolicy {
  private readonly conversation: Conversation;
  private open: OpenUtterance | null = null;
  private readonly last = new Map<AlertCategory, LastAlert>();

  constructor(
    private readonly detector: Detector,
    private readonly lang: DetectLanguage | undefined,
    private readonly options: PolicyOptions = DEFAULT_POLICY,
  ) {
    this.conversation = detector.conversation();
  }

  /** The right-party state so far (true: the debtor is verified). */
  get rightParty(): boolean | null {
    return this.conversation.rightParty;
  }

  transcript(t: TranscriptInput): PolicyAction[] {
    if (t.channel === 'customer') {
      if (t.final && t.text) this.conversation.observe({ text: t.text, lang: this.lang, speaker: 'customer', words: t.words });
      return [];
    }
    return t.final ? this.agentFinal(t) : this.agentPartial(t);
  }

  tone(finding: ToneInput): PolicyAction[] {
    return [
      {
        kind: 'raise',
        alert: {
          alertId: newAlertId(),
          category: 'tone',
          severity: 'warning',
          text: '',
          startMs: Math.round(finding.startMs),
          endMs: Math.round(finding.endMs),
          rule: `tone.${finding.kind}`,
          explanation: finding.explanation,
          citation: 'coaching signal (no regulation)',
          ...(finding.suggestion ? { suggestion: finding.suggestion } : {}),
          basis: 'audio',
        },
      },
    ];
  }

  private utterance(startMs: number): OpenUtterance {
    if (!this.open || this.open.startMs !== startMs) this.open = { startMs, streak: new Map(), raised: new Map() };
    return this.open;
  }

  private agentPartial(t: TranscriptInput): PolicyAction[] {
    const u = this.utterance(t.startMs);
    if (this.options.stablePartials <= 0 || !t.text) return [];
    const findings = this.detector.classify({ text: t.text, lang: this.lang, speaker: 'agent', rightParty: this.conversation.rightParty }).findings;
    // Stable means the same rule, not just the same category: "deadbeat" flickering into
    // "day late" is two different guesses, not one finding seen twice.
    const streaks = new Map<string, number>();
    const stable: Finding[] = [];
    for (const f of findings) {
      if (wordsAfter(t.text, f.end) < this.options.settledWords) continue;
      const key = streakKey(f);
      if (streaks.has(key)) continue;
      const n = (u.streak.get(key) ?? 0) + 1;
      streaks.set(key, n);
      if (n >= this.options.stablePartials) stable.push(f);
    }
    u.streak = streaks;
    const actions: PolicyAction[] = [];
    for (const [category, f] of strongestByCategory(stable)) {
      if (u.raised.has(category)) continue;
      const span = estimateSpan(f, t);
      if (this.coolingDown(category, f.severity, span.startMs)) continue;
      const alert = draft(f, span, 'partial');
      u.raised.set(category, alert.alertId);
      this.remember(alert);
      actions.push({ kind: 'raise', alert });
    }
    return actions;
  }

  private agentFinal(t: TranscriptInput): PolicyAction[] {
    const u = this.open && this.open.startMs === t.startMs ? this.open : null;
    this.open = null;
    const found = t.text
      ? strongestByCategory(this.conversation.observe({ text: t.text, lang: this.lang, speaker: 'agent', words: t.words }).findings)
      : new Map<Category, Finding>();
    const actions: PolicyAction[] = [];
    for (const [category, alertId] of u?.raised ?? []) {
      if (found.has(category)) continue;
      actions.push({ kind: 'retract', alertId, category });
      if (this.last.get(category)?.alertId === alertId) this.last.delete(category);
    }
    for (const [category, f] of found) {
      if (u?.raised.has(category)) continue;
      const span = { startMs: f.startMs ?? t.startMs, endMs: f.endMs ?? t.endMs };
      if (this.coolingDown(category, f.severity, span.startMs)) continue;
      const alert = draft(f, span, 'final');
      this.remember(alert);
      actions.push({ kind: 'raise', alert });
    }
    return actions;
  }

  private coolingDown(category: AlertCategory, severity: 'warning' | 'critical', startMs: number): boolean {
    const prev = this.last.get(category);
    if (!prev) return false;
    if (SEVERITY_RANK[severity] > SEVERITY_RANK[prev.severity]) return false;
    return startMs - prev.endMs < this.options.cooldownMs;
  }

  private remember(alert: AlertDraft): void {
    this.last.set(alert.category, { alertId: alert.alertId, endMs: alert.endMs, severity: alert.severity });
  }
}

function wordsAfter(text: string, end: number): number {
  const rest = text.slice(end).trim();
  if (!rest) return 0;
  // Mandarin partials have no spaces: count characters as words.
  return /\s/.test(rest) || /^[\x00-\x7f\u00c0-\u024f]+$/.test(rest) ? rest.split(/\s+/).length : [...rest].length;
}

function streakKey(f: Finding): string {
  return `${f.category}|${f.rule}`;
}

export function newAlertId(): string {
  return `al_${randomUUID()}`;
}

/** The finding that speaks for each category: the most severe, then the most confident. */
function strongestByCategory(findings: Finding[]): Map<Category, Finding> {
  const out = new Map<Category, Finding>();
  for (const f of findings) {
    const prev = out.get(f.category);
    if (
      !prev ||
      SEVERITY_RANK[f.severity] > SEVERITY_RANK[prev.severity] ||
      (f.severity === prev.severity && f.confidence > prev.confidence)
    ) {
      out.set(f.category, f);
    }
  }
  return out;
}

/**
 * Partials carry no word times: place the finding's characters proportionally within the
 * partial's span of audio (good to a word or two; the clip's pre- and post-roll cover it).
 */
function estimateSpan(f: Finding, t: TranscriptInput): { startMs: number; endMs: number } {
  if (f.startMs !== undefined && f.endMs !== undefined) return { startMs: f.startMs, endMs: f.endMs };
  const len = Math.max(1, t.text.length);
  const dur = Math.max(0, t.endMs - t.startMs);
  return {
    startMs: Math.round(t.startMs + (dur * Math.min(f.start, len)) / len),
    endMs: Math.round(t.startMs + (dur * Math.min(f.end, len)) / len),
  };
}

function draft(f: Finding, span: { startMs: number; endMs: number }, basis: 'partial' | 'final'): AlertDraft {
  return {
    alertId: newAlertId(),
    category: f.category,
    severity: f.severity,
    text: f.text,
    startMs: Math.round(span.startMs),
    endMs: Math.round(span.endMs),
    rule: f.rule,
    explanation: f.explanation,
    citation: f.citation,
    ...(f.suggestion ? { suggestion: f.suggestion } : {}),
    basis,
  };
}
