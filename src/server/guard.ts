import type { FastifyReply, FastifyRequest, preValidationHookHandler } from 'fastify';
import { authorizeRequest, type AuthConfig, type AuthGrant, type Permission } from './auth.js';

declare module 'fastify' {
  interface FastifyRequest {
    grant?: AuthGrant;
  }
}

/**
 * A preValidation hook that lets the request through only with a token granting `permission`.
 * For WebSocket routes it runs before the upgrade, so a refused client gets a plain 401/403.
 */
export function requirePermission(auth: AuthConfig, permission: (req: FastifyRequest) => Permission): preValidationHookHandler {
  return (req: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => {
    const decision = authorizeRequest(auth, req.headers, req.url, permission(req));
    if (!decision.ok) {
      void reply.code(decision.status).send({ error: { code: decision.code, message: decision.message } });
      return;
    }
    req.grant = decision;
    done();
  };
}
