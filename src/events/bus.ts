import type { CallEvent } from './types.js';

export type Listener = (event: CallEvent) => void;

/**
 * In-process event bus (the embedded default). Every event names its call's agent, so a
 * collector's socket subscribes to one agent and the supervisor's to all.
 */
export class EventBus {
  private readonly all = new Set<Listener>();
  private readonly byAgent = new Map<string, Set<Listener>>();

  publish(event: CallEvent): void {
    for (const l of this.all) safeCall(l, event);
    const agents = this.byAgent.get(event.agentId);
    if (agents) for (const l of agents) safeCall(l, event);
  }

  subscribeAll(listener: Listener): () => void {
    this.all.add(listener);
    return () => this.all.delete(listener);
  }

  subscribeAgent(agentId: string, listener: Listener): () => void {
    let set = this.byAgent.get(agentId);
    if (!set) this.byAgent.set(agentId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.byAgent.delete(agentId);
    };
  }
}

/** One broken subscriber must not stop the others hearing the event. */
function safeCall(listener: Listener, event: CallEvent): void {
  try {
    listener(event);
  } catch {
    // the subscriber's own socket handling reports its errors
  }
}
