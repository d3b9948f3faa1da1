// Right-party state of one call. Fed with every utterance of both sides, in order: the
// agent asks for the debtor or a verification answer, the other side confirms, answers,
// or says they are someone else. Cue lists are data (rules/<lang>/context.json).
import type { ContextSpec } from './rules.js';
import type { DetectLanguage, Speaker } from './types.js';

export interface CompiledContext {
  customerIsDebtor: RegExp;
  customerIsThirdParty: RegExp;
  affirmative: RegExp;
  negative: RegExp;
  agentAsksIdentity: RegExp;
  agentAsksVerification: RegExp;
  agentConfirmsVerified: RegExp;
  agentAcknowledgesThirdParty: RegExp;
  verificationAnswer: RegExp;
}

function list(lang: DetectLanguage, items: string[], expand: (p: string) => string): RegExp {
  const body = items.length ? items.map((p) => expand(p)).join('|') : '(?!)';
  return new RegExp(lang === 'zh' ? `(?:${body})` : `(?<![a-z0-9'])(?:${body})(?![a-z0-9])`);
}

export function compileContext(lang: DetectLanguage, spec: ContextSpec, expand: (p: string) => string): CompiledContext {
  return {
    customerIsDebtor: list(lang, spec.customerIsDebtor, expand),
    customerIsThirdParty: list(lang, spec.customerIsThirdParty, expand),
    affirmative: list(lang, spec.affirmative, expand),
    negative: list(lang, spec.negative, expand),
    agentAsksIdentity: list(lang, spec.agentAsksIdentity, expand),
    agentAsksVerification: list(lang, spec.agentAsksVerification, expand),
    agentConfirmsVerified: list(lang, spec.agentConfirmsVerified, expand),
    agentAcknowledgesThirdParty: list(lang, spec.agentAcknowledgesThirdParty, expand),
    // A verification answer carries digits, spelled numbers or a month.
    verificationAnswer: /[0-9]|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|nineteen|january|february|march|april|may|june|july|august|september|october|november|december|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|veinte|treinta|mil|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)\b|[一二三四五六七八九十零〇年月号日]/,
  };
}

export class RightPartyState {
  rightParty: boolean | null = null;
  private pendingIdentity = false;
  private pendingVerification = false;

  /** Update from one utterance (normalised text). Explicit caller knowledge wins. */
  update(ctx: CompiledContext, speaker: Speaker | undefined, text: string, explicit: boolean | null | undefined): void {
    if (explicit === true || explicit === false) {
      this.rightParty = explicit;
      this.pendingIdentity = false;
      this.pendingVerification = false;
      return;
    }
    if (speaker === 'customer') {
      if (ctx.customerIsThirdParty.test(text)) this.rightParty = false;
      else if (ctx.customerIsDebtor.test(text)) this.rightParty = true;
      else if (this.pendingVerification && ctx.verificationAnswer.test(text)) this.rightParty = true;
      else if (this.pendingIdentity && ctx.affirmative.test(text)) this.rightParty = true;
      else if (this.pendingIdentity && ctx.negative.test(text)) this.rightParty = false;
      this.pendingIdentity = false;
      this.pendingVerification = false;
      return;
    }
    // Agent (or unknown speaker).
    if (ctx.agentConfirmsVerified.test(text)) this.rightParty = true;
    else if (this.rightParty !== true && ctx.agentAcknowledgesThirdParty.test(text)) this.rightParty = false;
    if (ctx.agentAsksIdentity.test(text)) this.pendingIdentity = true;
    if (ctx.agentAsksVerification.test(text)) this.pendingVerification = true;
  }
}
