/**
 * A call's risk right now, 0–100, for the supervisors' dashboard: each live (not retracted)
 * alert adds its weight, and the weight halves every `halfLifeMs` of call audio after the alert,
 * so a call that crossed a line a minute ago ranks above one that did so twenty minutes ago.
 */
import type { AlertCategory } from '../events/types.js';

export interface RiskAlert {
  category: AlertCategory;
  severity: 'warning' | 'critical';
  endMs: number;
}

const WEIGHT = { critical: 60, warning: 30 } as const;
/** Tone is a coaching signal, not a violation. */
const TONE_WEIGHT = 10;
export const RISK_HALF_LIFE_MS = 120_000;

export function riskScore(alerts: Iterable<RiskAlert>, nowMs: number, halfLifeMs = RISK_HALF_LIFE_MS): number {
  let sum = 0;
  for (const a of alerts) {
    const weight = a.category === 'tone' ? TONE_WEIGHT : WEIGHT[a.severity];
    const age = Math.max(0, nowMs - a.endMs);
    sum += weight * 0.5 ** (age / halfLifeMs);
  }
  return Math.min(100, Math.round(sum));
}
