/**
 * The streaming commit policy on its own: LocalAgreement-2 over scripted Whisper hypotheses of one
 * growing utterance (agreement, revisions, words Whisper merges or re-spells, the endpoint), and the
 * decode cadence that backs off when decoding falls behind.
 */
import { describe, expect, it } from 'vitest';
import { DecodeCadence } from '../../src/asr/whisper/cadence.js';
import { LocalAgreement, tailStart } from '../../src/asr/whisper/local-agreement.js';
import { joinUnits, splitUnits } from '../../src/asr/whisper/words.js';

/** Feed hypotheses in order; the committed text and tail after each. */
function run(hypotheses: string[]): { committed: string; tail: string; newly: string }[] {
  const policy = new LocalAgreement();
  return hypotheses.map((h) => {
    const step = policy.update(splitUnits(h));
    return { committed: joinUnits(step.committed), tail: joinUnits(step.tail), newly: joinUnits(step.newlyCommitted) };
  });
}

describe('LocalAgreement-2', () => {
  it('commits nothing on a first hypothesis, then the prefix two consecutive hypotheses share', () => {
    const steps = run(['if you do', 'if you do not pay', 'if you do not pay today a', 'if you do not pay today a warrant will']);
    expect(steps.map((s) => s.committed)).toEqual(['', 'if you do', 'if you do not pay', 'if you do not pay today a']);
    expect(steps.map((s) => s.tail)).toEqual(['if you do', 'not pay', 'today a', 'warrant will']);
    expect(steps[2]!.newly).toBe('not pay');
  });

  it('holds back a word the next decode revises, and commits the revision once it is repeated', () => {
    const steps = run(['we will', 'we will call your employer', 'we will tell your employer', 'we will tell your employer about']);
    expect(steps[1]!.committed).toBe('we will');
    // "call" was said once, "tell" once: neither is committed yet, "your employer" waits behind them.
    expect(steps[2]).toMatchObject({ committed: 'we will', tail: 'tell your employer' });
    expect(steps[3]).toMatchObject({ committed: 'we will tell your employer', tail: 'about' });
  });

  it('compares words, not spelling: case, accents and punctuation do not block agreement', () => {
    const steps = run(['Usted debe pagar', 'usted debe pagar hoy,', '¿Usted? Debe pagar hoy o']);
    expect(steps[1]!.committed).toBe('usted debe pagar'); // as the later decode (more context) spells it
    // "¿Usted? Debe" agrees with the committed words and does not respell them; "hoy" is new.
    expect(steps[2]).toMatchObject({ committed: 'usted debe pagar hoy', tail: 'o' });
  });

  it('never changes a committed word: later hypotheses that rewrite it only move the tail', () => {
    const policy = new LocalAgreement();
    policy.update(splitUnits('the warrant is'));
    policy.update(splitUnits('the warrant is out'));
    const step = policy.update(splitUnits('the warrants is out for'));
    expect(joinUnits(step.committed)).toBe('the warrant is out');
    expect(joinUnits(step.tail)).toBe('for');
  });

  it('finds where the committed words end when Whisper re-spells, splits or drops one of them', () => {
    // The last committed word re-spelled: the tail starts after it (no repeat of "arrest").
    expect(tailStart(splitUnits('for your arrest'), splitUnits('for your arrests tomorrow'))).toBe(3);
    // A word split in two ("any more" for "anymore"): the tail starts after "back", not inside it.
    expect(tailStart(splitUnits('do not call anymore back'), splitUnits('do not call any more back now'))).toBe(6);
    // A committed word left out: the tail starts after the last committed word that is there.
    expect(tailStart(splitUnits('we will tell your employer'), splitUnits('we will tell employer about'))).toBe(4);
    // A word re-spelled inside the committed part.
    expect(tailStart(splitUnits('the warrant is out'), splitUnits('the warrants is out for'))).toBe(4);
    // Nothing in common: by count.
    expect(tailStart(splitUnits('a b c'), splitUnits('x y z w'))).toBe(3);
  });

  it('at the endpoint, the last decode of the whole utterance completes the committed words', () => {
    const policy = new LocalAgreement();
    policy.update(splitUnits('this is an'));
    policy.update(splitUnits('this is an attempt'));
    const final = policy.finish(splitUnits('This is an attempt to collect a debt.'));
    expect(joinUnits(final)).toBe('this is an attempt to collect a debt.');
    // A final decode that lost committed words cannot take them back.
    const shortened = new LocalAgreement();
    shortened.update(splitUnits('pay now or'));
    shortened.update(splitUnits('pay now or else'));
    expect(joinUnits(shortened.finish(splitUnits('pay')))).toBe('pay now or');
  });

  it('works in characters for Chinese, which Whisper writes without spaces', () => {
    const steps = run(['你今天', '你今天必须还', '你今天必须还钱。']);
    expect(steps[1]).toMatchObject({ committed: '你今天', tail: '必须还' });
    expect(steps[2]).toMatchObject({ committed: '你今天必须还', tail: '钱。' });
    expect(splitUnits('必须还钱。OK吗?').map((u) => u.text)).toEqual(['必', '须', '还', '钱。', 'OK', '吗?']);
  });
});

describe('decode cadence', () => {
  it('decodes every step of new speech while on time', () => {
    const c = new DecodeCadence(1000, 4000);
    expect(c.isDue(999)).toBe(false);
    expect(c.isDue(1000)).toBe(true);
    c.started(1100);
    expect(c).toMatchObject({ strideMs: 1000, behind: false });
  });

  it('decodes less often when decodes start a whole step late, up to the maximum, and says it is behind', () => {
    const c = new DecodeCadence(1000, 4000);
    c.started(2100);
    expect(c).toMatchObject({ strideMs: 2000, behind: true });
    c.started(4500);
    c.started(9000);
    expect(c.strideMs).toBe(4000);
    // Late but under a whole step: no change either way.
    c.started(6000);
    expect(c.strideMs).toBe(4000);
  });

  it('comes back to the base step after decodes start on time again', () => {
    const c = new DecodeCadence(1000, 4000);
    c.started(2500);
    expect(c.behind).toBe(true);
    const strides: number[] = [];
    for (let i = 0; i < 9; i++) {
      c.started(c.strideMs);
      strides.push(c.strideMs);
    }
    expect(strides).toEqual([2000, 2000, 1500, 1500, 1500, 1125, 1125, 1125, 1000]);
    expect(c.behind).toBe(false);
  });
});
