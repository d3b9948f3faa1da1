import type { FastifyReply } from 'fastify';
import { StoreError } from '../store/index.js';

/** A query-string value the route cannot use: answered 400 BAD_QUERY. */
export class BadQuery extends Error {}

/** An ISO date or epoch milliseconds. */
export function time(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const t = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (!Number.isFinite(t)) throw new BadQuery(`${name} must be an ISO date or epoch milliseconds`);
  return t;
}

export function count(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new BadQuery(`${name} must be a non-negative integer`);
  return n;
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], name: string): T | undefined {
  if (value === undefined || value === '') return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new BadQuery(`${name} must be one of ${allowed.join(', ')}`);
  return value as T;
}

export function sendError(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  return reply.code(status).send({ error: { code, message } });
}

/** A bad query value (ours, or a cursor/limit the store refuses) becomes 400 BAD_QUERY; anything else is rethrown. */
export function badQuery(reply: FastifyReply, err: unknown): FastifyReply {
  if (err instanceof BadQuery || (err instanceof StoreError && err.code === 'STORE_INVALID')) {
    return sendError(reply, 400, 'BAD_QUERY', err.message);
  }
  throw err;
}
