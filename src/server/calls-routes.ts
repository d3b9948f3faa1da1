import type { FastifyInstance } from 'fastify';
import type { AuthConfig } from './auth.js';
import { requirePermission } from './guard.js';
import type { CallFilter, Store } from '../store/index.js';
import { badQuery, count, oneOf, sendError, time } from './query.js';

interface CallsQuery {
  agentId?: string;
  status?: string;
  language?: string;
  from?: string;
  to?: string;
  limit?: string;
  offset?: string;
  cursor?: string;
}

/** GET /v1/calls and GET /v1/calls/:callId (design.md § REST). */
export function registerCallRoutes(app: FastifyInstance, store: Store, auth: AuthConfig): void {
  app.get<{ Querystring: CallsQuery }>(
    '/v1/calls',
    { preValidation: requirePermission(auth, (req) => ({ kind: 'calls:read', agentId: (req.query as CallsQuery).agentId })) },
    async (req, reply) => {
      const q = req.query;
      try {
        const filter: CallFilter = {
          agentId: req.grant?.agentScope ?? q.agentId,
          status: oneOf(q.status, ['live', 'ended'] as const, 'status'),
          language: q.language,
          from: time(q.from, 'from'),
          to: time(q.to, 'to'),
        };
        return await store.listCalls(filter, { limit: count(q.limit, 'limit'), offset: count(q.offset, 'offset'), cursor: q.cursor });
      } catch (err) {
        return badQuery(reply, err);
      }
    },
  );

  app.get<{ Params: { callId: string } }>(
    '/v1/calls/:callId',
    { preValidation: requirePermission(auth, () => ({ kind: 'calls:read' })) },
    async (req, reply) => {
      const call = await store.getCall(req.params.callId);
      const scope = req.grant?.agentScope;
      // An agent asking for someone else's call learns nothing, not even that it exists.
      if (!call || (scope !== undefined && call.agentId !== scope)) {
        return sendError(reply, 404, 'CALL_NOT_FOUND', `no call ${req.params.callId}`);
      }
      return call;
    },
  );
}
