import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import type { EventBus } from '../events/bus.js';
import type { CallEvent } from '../events/types.js';
import type { CallRegistry } from '../ingest/registry.js';
import type { AuthConfig } from './auth.js';
import { requirePermission } from './guard.js';

/** A slow reader first loses partial transcripts, then the connection; never the server's memory. */
const DROP_PARTIALS_BYTES = 256 * 1024;
const CLOSE_SLOW_BYTES = 8 * 1024 * 1024;

/** Each event is serialised once, however many sockets it goes to. */
const wire = new WeakMap<CallEvent, string>();

function serialised(event: CallEvent): string {
  let text = wire.get(event);
  if (text === undefined) wire.set(event, (text = JSON.stringify(event)));
  return text;
}

/** `skip`: event types this kind of socket does not carry (design.md: call.risk is for /v1/live). */
function forward(socket: WebSocket, skip: ReadonlySet<CallEvent['type']> = NONE): (event: CallEvent) => void {
  return (event) => {
    if (socket.readyState !== socket.OPEN || skip.has(event.type)) return;
    if (socket.bufferedAmount > CLOSE_SLOW_BYTES) return socket.close(1013, 'reader too slow');
    if (socket.bufferedAmount > DROP_PARTIALS_BYTES && event.type === 'transcript' && !event.final) return;
    socket.send(serialised(event));
  };
}

const NONE: ReadonlySet<CallEvent['type']> = new Set();
const AGENT_SKIPS: ReadonlySet<CallEvent['type']> = new Set(['call.risk']);

/** A socket that joins mid-call first hears the calls already live. */
function replayLive(socket: WebSocket, registry: CallRegistry, agentId?: string): void {
  for (const s of registry.list()) {
    if (agentId !== undefined && s.info.agentId !== agentId) continue;
    socket.send(JSON.stringify(s.startedEvent()));
  }
}

export function registerEventRoutes(app: FastifyInstance, bus: EventBus, registry: CallRegistry, auth: AuthConfig): void {
  const agentEvents = requirePermission(auth, (req) => ({ kind: 'events:agent', agentId: (req.params as { agentId: string }).agentId }));
  app.get<{ Params: { agentId: string } }>('/v1/agents/:agentId/events', { websocket: true, preValidation: agentEvents }, (socket, req) => {
    const { agentId } = req.params;
    replayLive(socket, registry, agentId);
    const off = bus.subscribeAgent(agentId, forward(socket, AGENT_SKIPS));
    socket.on('close', off);
    socket.on('error', off);
  });
  app.get('/v1/live', { websocket: true, preValidation: requirePermission(auth, () => ({ kind: 'events:live' })) }, (socket) => {
    replayLive(socket, registry);
    const off = bus.subscribeAll(forward(socket));
    socket.on('close', off);
    socket.on('error', off);
  });
}
