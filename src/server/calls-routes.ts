import type { FastifyInstance } from 'fastify';
import type { AuthConfig } from './auth.js';
import { requirePermission } from './guard.js';
import type { CallFilter, Store } from '../store/index.js';

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

class BadQuery extends Error {}

function time(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const t = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (!Number.isFinite(t)) throw new BadQuery(`${name} must be an ISO date or epoch milliseconds`);
  return t;
}

function count(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new BadQuery(`${name} must be a non-negative integer`);
  return n;
}

/** GET /v1/calls and GET /v1/calls/:callId (design.md § REST). */
export function registerCallRoutes(app: FastifyInstance, store: Store, auth: AuthConfig): void {
  app.get<{ Querystring: CallsQuery }>(
    '/v1/calls',
    { preValidation: requirePermission(auth, (req) => ({ kind: 'calls:read', agentId: (req.query as CallsQuery).agentId })) },
    async (req, reply) => {
      const q = req.query;
      try {
        if (q.status !== undefined && q.status !== 'live' && q.status !== 'ended') throw new BadQuery('status must be live or ended');
        const filter: CallFilter = {
          agentId: req.grant?.agentScope ?? q.agentId,
          status: q.status as CallFilter['status'],
          language: q.language,
          from: time(q.from, 'from'),
          to: time(q.to, 'to'),
        };
        return await store.listCalls(filter, { limit: count(q.limit, 'limit'), offset: count(q.offset, 'offset'), cursor: q.cursor });
      } catch (err) {
        if (err instanceof BadQuery) return reply.code(400).send({ error: { code: 'BAD_QUERY', message: err.message } });
        throw err;
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
        return reply.code(404).send({ error: { code: 'CALL_NOT_FOUND', message: `no call ${req.params.callId}` } });
      }
      return call;
    },
  );
}
