/**
 * The alert stage of the flow: hears every live call's transcripts on the bus and its audio
 * through a tap, and publishes `alert`, `alert.retracted` and `call.risk` events. The archive
 * stores the alerts; clips are handed to `saveClip` once their post-roll has arrived.
 */
import type { Detector } from '../detect/index.js';
import type { EventBus } from '../events/bus.js';
import type { CallEvent } from '../events/types.js';
import type { AudioTap, AudioTapFactory, CallInfo } from '../ingest/call-session.js';
import type { ClipAudio, ClipOptions } from '../store/clip.js';
import { CallWatch } from './call-watch.js';
import type { PolicyOptions } from './policy.js';

export interface AlertServiceOptions {
  detector: Detector;
  bus: EventBus;
  policy: PolicyOptions;
  clip: Required<ClipOptions>;
  saveClip(callId: string, alertId: string, clip: ClipAudio): void;
  /** Counts for /metrics. */
  onAlert?(event: Extract<CallEvent, { type: 'alert' | 'alert.retracted' }>): void;
}

export class AlertService implements AudioTapFactory {
  private readonly watches = new Map<string, CallWatch>();
  private readonly off: () => void;

  constructor(private readonly options: AlertServiceOptions) {
    this.off = options.bus.subscribeAll((event) => this.onEvent(event));
  }

  /** Called as each call starts (before call.started is published). */
  open(info: CallInfo): AudioTap {
    const watch = new CallWatch(info, {
      detector: this.options.detector,
      policy: this.options.policy,
      clip: this.options.clip,
      publish: (event) => this.publish(event),
      // Queued behind the alert's own publication, so the archive stores the alert first.
      saveClip: (callId, alertId, clip) => queueMicrotask(() => this.options.saveClip(callId, alertId, clip)),
    });
    this.watches.set(info.callId, watch);
    return {
      audio: (channel, pcm) => watch.audio(channel, pcm),
      end: () => {
        watch.end();
        this.watches.delete(info.callId);
      },
    };
  }

  private onEvent(event: CallEvent): void {
    if (event.type !== 'transcript') return;
    this.watches.get(event.callId)?.transcript(event);
  }

  /**
   * Alerts are published after the event that caused them has reached every subscriber, so a
   * client hears the transcript before the alert about it.
   */
  private publish(event: CallEvent): void {
    queueMicrotask(() => {
      this.options.bus.publish(event);
      if (event.type === 'alert' || event.type === 'alert.retracted') this.options.onAlert?.(event);
    });
  }

  stop(): void {
    this.off();
  }
}
