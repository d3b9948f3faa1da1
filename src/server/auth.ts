/**
 * Who may do what. Tokens come from the JSON file named by EARSHOT_AUTH_FILE
 * (`{"tokens":[{"token","role","agentId?"}]}`); a request carries one as `Authorization: Bearer T`
 * or `?token=T` (browsers cannot set headers on WebSockets or <audio> sources).
 * Framework-agnostic: the server calls `tokenFromRequest` and `authorize` from its hooks and
 * turns a refusal into the status and code given here, never into data.
 *
 * Roles and permissions:
 *   ingest      ingest
 *   agent       events:agent and calls:read for its own agentId only
 *   supervisor  events:agent (any), events:live, calls:read (any), clips:listen
 *   qa          calls:read (any), clips:listen, alerts:review
 *   admin       everything
 *
 * With no tokens at all the server may run open, but only bound to loopback ("dev mode");
 * bound anywhere else it must refuse to start.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';

export type Role = 'ingest' | 'agent' | 'supervisor' | 'qa' | 'admin';
export const ROLES: readonly Role[] = ['ingest', 'agent', 'supervisor', 'qa', 'admin'];

export type Permission =
  | { kind: 'ingest' }
  | { kind: 'events:agent'; agentId: string }
  | { kind: 'events:live' }
  /** Without agentId: listing across agents (an agent token is then scoped to its own agentId). */
  | { kind: 'calls:read'; agentId?: string }
  | { kind: 'alerts:review' }
  | { kind: 'clips:listen' }
  | { kind: 'admin' };

export type PermissionKind = Permission['kind'];

export interface Principal {
  role: Role;
  agentId?: string;
  /** A label for audit logs: never the token itself. */
  label: string;
  /** True in open dev mode (no tokens configured). */
  dev: boolean;
}

export type AuthCode = 'AUTH_MISSING' | 'AUTH_INVALID' | 'AUTH_FORBIDDEN';

export interface AuthRefusal {
  ok: false;
  status: 401 | 403;
  code: AuthCode;
  message: string;
}

export interface AuthGrant {
  ok: true;
  principal: Principal;
  /**
   * Set when the grant only covers one agent's data (an agent token reading calls): the server
   * must force this agentId into its query filter.
   */
  agentScope?: string;
}

export type AuthDecision = AuthGrant | AuthRefusal;

interface TokenEntry {
  role: Role;
  agentId?: string;
  label: string;
}

export interface AuthConfig {
  /** 'open': no tokens, loopback bind; every request is allowed as a dev admin. */
  mode: 'tokens' | 'open';
  /** True when the server must say loudly at start that anyone on this machine may connect. */
  devMode: boolean;
  /** Where the tokens came from (for the start-up line). */
  source: string | null;
  tokenCount: number;
  /** Keyed by SHA-256 of the token, so lookups do not compare secrets byte by byte. */
  readonly tokens: ReadonlyMap<string, TokenEntry>;
}

export class AuthConfigError extends Error {
  readonly code = 'AUTH_CONFIG';
  constructor(message: string) {
    super(message);
    this.name = 'AuthConfigError';
  }
}

function digest(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** 127.0.0.0/8, ::1, localhost. Wildcards (0.0.0.0, ::, '') are not loopback. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const v4 = h.startsWith('::ffff:') ? h.slice(7) : h;
  return isIP(v4) === 4 && v4.startsWith('127.');
}

export interface TokenSpec {
  token: string;
  role: Role;
  agentId?: string;
}

/** Validates the tokens file's contents; throws AuthConfigError naming the bad entry. */
export function parseTokens(json: unknown, source = 'tokens'): TokenSpec[] {
  const list = (json as { tokens?: unknown } | null)?.tokens;
  if (!Array.isArray(list)) throw new AuthConfigError(`${source}: expected {"tokens":[...]}`);
  const seen = new Set<string>();
  return list.map((raw, i) => {
    const e = raw as { token?: unknown; role?: unknown; agentId?: unknown } | null;
    const where = `${source}: tokens[${i}]`;
    if (!e || typeof e.token !== 'string' || e.token.trim() === '') throw new AuthConfigError(`${where}: "token" must be a non-empty string`);
    if (!ROLES.includes(e.role as Role)) throw new AuthConfigError(`${where}: "role" must be one of ${ROLES.join(', ')}`);
    const role = e.role as Role;
    if (e.agentId !== undefined && (typeof e.agentId !== 'string' || e.agentId === '')) {
      throw new AuthConfigError(`${where}: "agentId" must be a non-empty string`);
    }
    if (role === 'agent' && typeof e.agentId !== 'string') throw new AuthConfigError(`${where}: an agent token needs "agentId"`);
    if (seen.has(e.token)) throw new AuthConfigError(`${where}: the same token appears twice`);
    seen.add(e.token);
    return { token: e.token, role, ...(role === 'agent' ? { agentId: e.agentId as string } : {}) };
  });
}

export interface AuthOptions {
  /** Default: EARSHOT_AUTH_FILE. */
  authFile?: string;
  /** Tokens given directly (tests, embedding); take precedence over the file. */
  tokens?: TokenSpec[];
  /** The address the server binds (HOST). */
  host: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * Builds the auth configuration at start-up. Throws AuthConfigError for an unreadable or invalid
 * tokens file, and for no tokens with a non-loopback bind.
 */
export function loadAuth(options: AuthOptions): AuthConfig {
  const env = options.env ?? process.env;
  const file = options.authFile ?? (env.EARSHOT_AUTH_FILE || undefined);
  let specs: TokenSpec[] = [];
  let source: string | null = null;
  if (options.tokens) {
    specs = parseTokens({ tokens: options.tokens }, 'tokens option');
    source = 'tokens option';
  } else if (file) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new AuthConfigError(`EARSHOT_AUTH_FILE ${file}: cannot read (${(err as Error).message})`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new AuthConfigError(`EARSHOT_AUTH_FILE ${file}: not JSON (${(err as Error).message})`);
    }
    specs = parseTokens(json, file);
    source = file;
  }
  if (specs.length === 0) {
    if (!isLoopbackHost(options.host)) {
      throw new AuthConfigError(
        `no auth tokens configured and HOST=${options.host} is not loopback: set EARSHOT_AUTH_FILE or bind 127.0.0.1`,
      );
    }
    return { mode: 'open', devMode: true, source, tokenCount: 0, tokens: new Map() };
  }
  const tokens = new Map<string, TokenEntry>();
  specs.forEach((s, i) => {
    const label = s.role === 'agent' ? `agent:${s.agentId}` : `${s.role}#${i + 1}`;
    tokens.set(digest(s.token), { role: s.role, ...(s.agentId ? { agentId: s.agentId } : {}), label });
  });
  return { mode: 'tokens', devMode: false, source, tokenCount: specs.length, tokens };
}

/** What a start-up log line should say about auth. */
export function describeAuth(config: AuthConfig): string {
  if (config.devMode) {
    return 'AUTH DISABLED (dev mode): no tokens configured; anyone who can reach this loopback port has full access. Set EARSHOT_AUTH_FILE before exposing it.';
  }
  return `auth: ${config.tokenCount} token(s) from ${config.source ?? 'configuration'}`;
}

export type HeaderBag = Record<string, string | string[] | undefined>;

export type TokenResult = { token: string } | { token: null; malformed: boolean };

/**
 * The request's token: `Authorization: Bearer T` first, else `?token=T` from the URL.
 * A present but non-Bearer Authorization header is reported as malformed.
 */
export function tokenFromRequest(headers: HeaderBag, url?: string): TokenResult {
  const raw = headers.authorization ?? headers.Authorization;
  const header = Array.isArray(raw) ? raw[0] : raw;
  if (header !== undefined && header.trim() !== '') {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header.trim());
    if (m?.[1]) return { token: m[1] };
    return { token: null, malformed: true };
  }
  if (url) {
    const q = url.indexOf('?');
    if (q >= 0) {
      const t = new URLSearchParams(url.slice(q + 1)).get('token');
      if (t) return { token: t };
    }
  }
  return { token: null, malformed: false };
}

function refuse(status: 401 | 403, code: AuthCode, message: string): AuthRefusal {
  return { ok: false, status, code, message };
}

function permits(entry: TokenEntry, perm: Permission): { ok: boolean; agentScope?: string } {
  switch (entry.role) {
    case 'admin':
      return { ok: true };
    case 'ingest':
      return { ok: perm.kind === 'ingest' };
    case 'agent':
      if (perm.kind === 'events:agent') return { ok: perm.agentId === entry.agentId };
      if (perm.kind === 'calls:read') {
        if (perm.agentId === undefined) return { ok: true, ...(entry.agentId ? { agentScope: entry.agentId } : {}) };
        return { ok: perm.agentId === entry.agentId };
      }
      return { ok: false };
    case 'supervisor':
      return {
        ok: perm.kind === 'events:agent' || perm.kind === 'events:live' || perm.kind === 'calls:read' || perm.kind === 'clips:listen',
      };
    case 'qa':
      return { ok: perm.kind === 'calls:read' || perm.kind === 'clips:listen' || perm.kind === 'alerts:review' };
  }
}

function describePermission(p: Permission): string {
  if (p.kind === 'events:agent') return `events of agent ${p.agentId}`;
  if (p.kind === 'calls:read') return p.agentId === undefined ? 'calls' : `calls of agent ${p.agentId}`;
  return p.kind;
}

/**
 * The decision for one request. `token` is what tokenFromRequest found (or undefined/null);
 * pass `malformed` when the Authorization header was not a Bearer token.
 */
export function authorize(
  config: AuthConfig,
  token: string | null | undefined,
  perm: Permission,
  malformed = false,
): AuthDecision {
  if (config.mode === 'open') return { ok: true, principal: { role: 'admin', label: 'dev', dev: true } };
  if (malformed) return refuse(401, 'AUTH_INVALID', 'Authorization header must be "Bearer <token>"');
  if (!token) return refuse(401, 'AUTH_MISSING', 'a token is required: Authorization: Bearer <token> or ?token=<token>');
  const entry = config.tokens.get(digest(token));
  if (!entry) return refuse(401, 'AUTH_INVALID', 'unknown token');
  const principal: Principal = { role: entry.role, ...(entry.agentId ? { agentId: entry.agentId } : {}), label: entry.label, dev: false };
  const r = permits(entry, perm);
  if (!r.ok) return refuse(403, 'AUTH_FORBIDDEN', `role ${entry.role} may not access ${describePermission(perm)}`);
  return { ok: true, principal, ...(r.agentScope ? { agentScope: r.agentScope } : {}) };
}

/** tokenFromRequest + authorize in one call, for hooks. */
export function authorizeRequest(config: AuthConfig, headers: HeaderBag, url: string | undefined, perm: Permission): AuthDecision {
  const t = tokenFromRequest(headers, url);
  return authorize(config, t.token, perm, t.token === null && t.malformed);
}
