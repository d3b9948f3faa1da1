/**
 * The alert policy on scripted transcripts, with the real detector: when partials raise, when
 * the final retracts, one alert per category per utterance, cool-down and escalation, the
 * customer's words never alerting, third-party disclosure following the conversation.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AlertPolicy, DEFAULT_POLICY, type PolicyAction, type TranscriptInput } from '../../src/alerts/policy.js';
import { riskScore } from '../../src/alerts/risk.js';
import { loadDetector, type Detector } from '../../src/detect/index.js';

let detector: Detector;
beforeAll(async () => {
  detector = await loadDetector();
});

function agent(text: string, startMs: number, endMs: number, final = false): TranscriptInput {
  return { channel: 'agent', final, text, startMs, endMs };
}
function customer(text: string, startMs: number, endMs: number): TranscriptInput {
  return { channel: 'customer', final: true, text, startMs, endMs };
}

/** A verified debtor, so debt talk is not disclosure. */
function verified(policy: AlertPolicy): void {
  policy.transcript(agent('am i speaking with john smith', 0, 1500, true));
  policy.transcript(customer('yes this is john', 1600, 2500));
  expect(policy.rightParty).toBe(true);
}

const raised = (actions: PolicyAction[]) => actions.flatMap((a) => (a.kind === 'raise' ? [a.alert] : []));
const retracted = (actions: PolicyAction[]) => actions.flatMap((a) => (a.kind === 'retract' ? [a.alertId] : []));

describe('partials and finals', () => {
  it('raises on the second partial that carries the category, and the final neither repeats nor retracts it', () => {
    const p = new AlertPolicy(detector, 'en', { ...DEFAULT_POLICY, stablePartials: 2, settledWords: 0, cooldownMs: 20_000 });
    verified(p);
    expect(raised(p.transcript(agent('if you do not pay', 3000, 4000)))).toEqual([]);
    expect(raised(p.transcript(agent('if you do not pay today a warrant', 3000, 5200)))).toEqual([]);
    const second = raised(p.transcript(agent('if you do not pay today a warrant will', 3000, 5600)));
    expect(second.map((a) => a.category)).toEqual(['false_legal']);
    const alert = second[0]!;
    expect(alert).toMatchObject({ severity: 'critical', basis: 'partial' });
    expect(alert.rule).toMatch(/^en\.false_legal\./);
    expect(alert.explanation.length).toBeGreaterThan(10);
    expect(alert.citation.length).toBeGreaterThan(3);
    // The span is placed inside the partial's audio.
    expect(alert.startMs).toBeGreaterThanOrEqual(3000);
    expect(alert.endMs).toBeLessThanOrEqual(5600);
    expect(alert.startMs).toBeLessThan(alert.endMs);
    const fin = p.transcript({
      ...agent('if you do not pay today a warrant will be issued for your arrest', 3000, 6400, true),
      words: [
        { word: 'warrant', startMs: 4300, endMs: 4700 },
        { word: 'arrest', startMs: 5900, endMs: 6300 },
      ],
    });
    expect(raised(fin)).toEqual([]);
    expect(retracted(fin)).toEqual([]);
  });

  it('with one stable partial, a flicker the final does not support is raised and then retracted', () => {
    const p = new AlertPolicy(detector, 'en', { ...DEFAULT_POLICY, stablePartials: 1, settledWords: 0, cooldownMs: 20_000 });
    verified(p);
    const first = raised(p.transcript(agent('you are a deadbeat', 3000, 4000)));
    expect(first.map((a) => a.category)).toEqual(['insult']);
    const fin = p.transcript(agent('you are a day late on the payment', 3000, 4500, true));
    expect(retracted(fin)).toEqual([first[0]!.alertId]);
    expect(raised(fin)).toEqual([]);
  });

  it('with two stable partials, the same single flicker never reaches the collector', () => {
    const p = new AlertPolicy(detector, 'en', { ...DEFAULT_POLICY, stablePartials: 2, settledWords: 0, cooldownMs: 20_000 });
    verified(p);
    expect(raised(p.transcript(agent('you are a deadbeat', 3000, 4000)))).toEqual([]);
    expect(raised(p.transcript(agent('you are a day late', 3000, 4200)))).toEqual([]);
    const fin = p.transcript(agent('you are a day late on the payment', 3000, 4500, true));
    expect(fin).toEqual([]);
  });

  it('a category only the final shows is raised from the final, with the word times', () => {
    const p = new AlertPolicy(detector, 'en', { ...DEFAULT_POLICY, stablePartials: 2, settledWords: 0, cooldownMs: 20_000 });
    verified(p);
    const fin = raised(
      p.transcript({
        ...agent('you are a worthless piece of garbage', 3000, 5000, true),
        words: [
          { word: 'you', startMs: 3000, endMs: 3200 },
          { word: 'are', startMs: 3200, endMs: 3400 },
          { word: 'a', startMs: 3400, endMs: 3500 },
          { word: 'worthless', startMs: 3500, endMs: 4000 },
          { word: 'piece', startMs: 4000, endMs: 4300 },
          { word: 'of', startMs: 4300, endMs: 4400 },
          { word: 'garbage', startMs: 4400, endMs: 5000 },
        ],
      }),
    );
    expect(fin).toHaveLength(1);
    expect(fin[0]).toMatchObject({ category: 'insult', basis: 'final', startMs: 3000, endMs: 5000 });
  });

  it('a finding at the very end of a partial waits for the next word (the default)', () => {
    const p = new AlertPolicy(detector, 'en', DEFAULT_POLICY);
    verified(p);
    expect(raised(p.transcript(agent('i need you to collect a deadbeat', 3000, 4000)))).toEqual([]);
    expect(raised(p.transcript(agent('i need you to collect a deadbeat', 3000, 4160)))).toEqual([]);
    expect(p.transcript(agent('i need you to collect a debt nobody', 3000, 4320))).toEqual([]);
    expect(raised(p.transcript(agent('you are a deadbeat and', 6000, 7000)))).toEqual([]);
    expect(raised(p.transcript(agent('you are a deadbeat and a', 6000, 7160))).map((a) => a.category)).toEqual(['insult']);
  });

  it('partials can be turned off', () => {
    const p = new AlertPolicy(detector, 'en', { ...DEFAULT_POLICY, stablePartials: 0, settledWords: 0, cooldownMs: 20_000 });
    verified(p);
    for (let i = 0; i < 4; i++) expect(p.transcript(agent('you are a deadbeat', 3000, 4000 + i * 100))).toEqual([]);
    expect(raised(p.transcript(agent('you are a deadbeat', 3000, 4500, true))).map((a) => a.basis)).toEqual(['final']);
  });
});

describe('dedupe and cool-down', () => {
  it('one alert per category within the cool-down; another after it; escalation breaks through', () => {
    const p = new AlertPolicy(detector, 'en', { ...DEFAULT_POLICY, stablePartials: 2, settledWords: 0, cooldownMs: 20_000 });
    verified(p);
    expect(raised(p.transcript(agent('you are a deadbeat', 3000, 4000, true)))).toHaveLength(1);
    expect(raised(p.transcript(agent('you are a worthless piece of garbage', 8000, 10_000, true)))).toEqual([]);
    expect(raised(p.transcript(agent('you are a deadbeat', 40_000, 41_000, true)))).toHaveLength(1);
  });

  it('a different category is not held back by another one’s cool-down', () => {
    const p = new AlertPolicy(detector, 'en', { ...DEFAULT_POLICY, stablePartials: 2, settledWords: 0, cooldownMs: 20_000 });
    verified(p);
    expect(raised(p.transcript(agent('you are a deadbeat', 3000, 4000, true))).map((a) => a.category)).toEqual(['insult']);
    // The threat gets through the insult's cool-down, and the insult does not come back with it
    // (what else the detector reads in the line is the detector's business, not the policy's).
    const second = raised(p.transcript(agent('we will come to your house and break your legs', 6000, 8000, true))).map((a) => a.category);
    expect(second).toContain('threat');
    expect(second).not.toContain('insult');
  });
});

describe('who said it', () => {
  it("the customer's abuse is context, never an alert", () => {
    const p = new AlertPolicy(detector, 'en', { ...DEFAULT_POLICY, stablePartials: 1, settledWords: 0, cooldownMs: 20_000 });
    expect(p.transcript({ channel: 'customer', final: false, text: 'you stupid deadbeat i will break your legs', startMs: 0, endMs: 2000 })).toEqual([]);
    expect(p.transcript(customer('you stupid deadbeat i will break your legs', 0, 2500))).toEqual([]);
  });

  it('telling the debtor’s wife about the debt is disclosure; a limited-content message is not', () => {
    const p = new AlertPolicy(detector, 'en', { ...DEFAULT_POLICY, stablePartials: 2, settledWords: 0, cooldownMs: 20_000 });
    p.transcript(agent('may i speak with john smith', 0, 1500, true));
    p.transcript(customer('no this is his wife', 1600, 2500));
    expect(p.rightParty).toBe(false);
    expect(raised(p.transcript(agent('please ask him to call mike at five five five one two three four', 3000, 6000, true)))).toEqual([]);
    const disclosed = raised(p.transcript(agent('i am calling about the overdue balance of five hundred dollars on his loan', 7000, 10_000, true)));
    expect(disclosed.map((a) => a.category)).toEqual(['third_party_disclosure']);
  });
});

describe('tone and risk', () => {
  it('a tone finding becomes a tone alert', () => {
    const p = new AlertPolicy(detector, 'en');
    const [a] = raised(p.tone({ kind: 'raised_voice', startMs: 1000, endMs: 3000, explanation: 'Your voice is raised', suggestion: 'Lower it' }));
    expect(a).toMatchObject({ category: 'tone', rule: 'tone.raised_voice', severity: 'warning', basis: 'audio', suggestion: 'Lower it' });
  });

  it('risk adds up, is capped at 100, and fades with time', () => {
    const critical = { category: 'threat', severity: 'critical', endMs: 10_000 } as const;
    const warning = { category: 'third_party_disclosure', severity: 'warning', endMs: 10_000 } as const;
    expect(riskScore([], 0)).toBe(0);
    expect(riskScore([warning], 10_000)).toBe(30);
    expect(riskScore([critical, warning], 10_000)).toBe(90);
    expect(riskScore([critical, critical], 10_000)).toBe(100);
    expect(riskScore([critical], 130_000)).toBe(30);
  });
});
