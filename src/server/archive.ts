import type { FastifyBaseLogger } from 'fastify';
import type { EventBus } from '../events/bus.js';
import type { CallEvent } from '../events/types.js';
import type { Store } from '../store/index.js';

/**
 * Writes what QA and compliance need from the live event stream into the store: calls, their
 * final utterances, alerts and retractions (clips come through `write`). Writes for one call are chained so they land in order; a failed write is
 * logged and does not stop the call or the other calls.
 */
export class CallArchive {
  private readonly chains = new Map<string, Promise<unknown>>();
  private readonly off: () => void;

  constructor(
    private readonly store: Store,
    bus: EventBus,
    private readonly log: FastifyBaseLogger,
  ) {
    this.off = bus.subscribeAll((event) => this.onEvent(event));
  }

  /** Run a store write for a call after the writes already queued for it (clips, recordings use it too). */
  write(callId: string, write: () => Promise<unknown>): void {
    const prev = this.chains.get(callId) ?? Promise.resolve();
    const next = prev
      .then(write)
      .catch((err: unknown) => this.log.error({ err, callId }, 'store write failed'));
    this.chains.set(callId, next);
  }

  private onEvent(event: CallEvent): void {
    switch (event.type) {
      case 'call.started':
        this.write(event.callId, () =>
          this.store.createCall({
            callId: event.callId,
            agentId: event.agentId,
            language: event.language,
            startedAt: Date.parse(event.startedAt),
          }),
        );
        return;
      case 'transcript':
        if (!event.final || !event.text) return;
        this.write(event.callId, () =>
          this.store.addUtterance({
            callId: event.callId,
            channel: event.channel,
            text: event.text,
            startMs: event.startMs,
            endMs: event.endMs,
            words: event.words ?? [],
          }),
        );
        return;
      case 'alert':
        this.write(event.callId, () =>
          this.store.addAlert({
            alertId: event.alertId,
            callId: event.callId,
            agentId: event.agentId,
            category: event.category,
            severity: event.severity,
            text: event.text,
            startMs: event.startMs,
            endMs: event.endMs,
            rule: event.rule,
            explanation: event.explanation,
            citation: event.citation,
            suggestion: event.suggestion,
            emittedAt: Date.parse(event.emittedAt),
          }),
        );
        return;
      case 'alert.retracted':
        this.write(event.callId, () => this.store.retractAlert(event.alertId));
        return;
      case 'call.ended': {
        this.write(event.callId, () => this.store.endCall(event.callId));
        const chain = this.chains.get(event.callId);
        void chain?.then(() => {
          if (this.chains.get(event.callId) === chain) this.chains.delete(event.callId);
        });
        return;
      }
      default:
        return;
    }
  }

  /** Calls a crash left "live" are ended at start-up, so the history says what happened. */
  async closeOrphans(): Promise<number> {
    let closed = 0;
    for (;;) {
      const page = await this.store.listCalls({ status: 'live' }, { limit: 500 });
      if (page.items.length === 0) return closed;
      for (const call of page.items) {
        await this.store.endCall(call.callId);
        closed++;
      }
    }
  }

  /** Wait for every write accepted so far. */
  async flush(): Promise<void> {
    this.off();
    await Promise.all(this.chains.values());
  }
}
