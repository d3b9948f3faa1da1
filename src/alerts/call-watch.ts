/**
 * Everything the alert service keeps for one live call: the policy (what to raise and
 * retract), the tone meter, the clip capture, and the live alerts that make up the call's risk.
 */
import { ToneMeter } from '../audio/tone.js';
import type { Detector, DetectLanguage } from '../detect/index.js';
import type { AlertEvent, CallEvent, TranscriptEvent } from '../events/types.js';
import type { CallInfo } from '../ingest/call-session.js';
import type { ClipAudio, ClipOptions } from '../store/clip.js';
import { ClipCapture } from './clip-capture.js';
import { AlertPolicy, type PolicyAction, type PolicyOptions, type ToneInput } from './policy.js';
import { riskScore, type RiskAlert } from './risk.js';

export interface WatchDeps {
  detector: Detector;
  policy: PolicyOptions;
  clip: Required<ClipOptions>;
  publish(event: CallEvent): void;
  saveClip(callId: string, alertId: string, clip: ClipAudio): void;
}

export class CallWatch {
  private readonly policy: AlertPolicy;
  private readonly clips: ClipCapture;
  private readonly toneMeter: ToneMeter;
  private readonly live = new Map<string, RiskAlert>();
  private lastRisk = 0;
  /** Furthest point of the call timeline heard in a transcript (the risk's "now"). */
  private nowMs = 0;

  constructor(
    readonly info: CallInfo,
    private readonly deps: WatchDeps,
  ) {
    this.policy = new AlertPolicy(deps.detector, info.language as DetectLanguage, deps.policy);
    this.clips = new ClipCapture(info.sampleRateHz, info.roles.length, deps.clip, (alertId, clip) =>
      deps.saveClip(info.callId, alertId, clip),
    );
    this.toneMeter = new ToneMeter({
      sampleRateHz: info.sampleRateHz,
      roles: info.roles,
      language: info.language,
      onFinding: (finding) => this.tone(finding),
    });
  }

  /** The call's audio as it arrives (main thread: the meter is cheap, see bench/tone.ts). */
  audio(channel: number, pcm: Int16Array): void {
    this.clips.audio(channel, pcm);
    this.toneMeter.push(channel, pcm);
  }

  /** The call ended: last tone findings, then the clips still waiting for their post-roll. */
  end(): void {
    this.toneMeter.finish();
    this.clips.flush();
  }

  transcript(event: TranscriptEvent): void {
    this.nowMs = Math.max(this.nowMs, event.endMs);
    if (event.final && event.words?.length) this.toneMeter.observeWords(event.channel, event.words);
    this.apply(this.policy.transcript(event));
    if (event.final) this.publishRisk();
  }

  tone(finding: ToneInput): void {
    this.apply(this.policy.tone(finding));
  }

  private apply(actions: PolicyAction[]): void {
    if (actions.length === 0) return;
    const { callId, agentId } = this.info;
    for (const action of actions) {
      if (action.kind === 'raise') {
        const { basis, ...alert } = action.alert;
        const event: AlertEvent = { type: 'alert', callId, agentId, ...alert, emittedAt: new Date().toISOString(), basis };
        this.live.set(alert.alertId, { category: alert.category, severity: alert.severity, endMs: alert.endMs });
        this.deps.publish(event);
        this.clips.request(alert.alertId, alert.startMs, alert.endMs);
      } else {
        this.live.delete(action.alertId);
        this.clips.cancel(action.alertId);
        this.deps.publish({ type: 'alert.retracted', alertId: action.alertId, callId, agentId });
      }
    }
    this.publishRisk();
  }

  private publishRisk(): void {
    const score = riskScore(this.live.values(), this.nowMs);
    if (score === this.lastRisk) return;
    this.lastRisk = score;
    this.deps.publish({ type: 'call.risk', callId: this.info.callId, agentId: this.info.agentId, score });
  }
}
