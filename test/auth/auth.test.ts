import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  AuthConfigError,
  authorize,
  authorizeRequest,
  describeAuth,
  isLoopbackHost,
  loadAuth,
  tokenFromRequest,
  type AuthConfig,
  type Permission,
} from '../../src/server/auth.js';

const dir = mkdtempSync(join(tmpdir(), 'earshot-auth-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tokensFile(content: unknown, name = 'tokens.json'): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const TOKENS = {
  tokens: [
    { token: 'tok-ingest', role: 'ingest' },
    { token: 'tok-agent-7', role: 'agent', agentId: 'agent-7' },
    { token: 'tok-sup', role: 'supervisor' },
    { token: 'tok-qa', role: 'qa' },
    { token: 'tok-admin', role: 'admin' },
  ],
};

const config: AuthConfig = loadAuth({ authFile: tokensFile(TOKENS), host: '0.0.0.0' });

const PERMS: Record<string, Permission> = {
  ingest: { kind: 'ingest' },
  'events:agent(agent-7)': { kind: 'events:agent', agentId: 'agent-7' },
  'events:agent(agent-8)': { kind: 'events:agent', agentId: 'agent-8' },
  'events:live': { kind: 'events:live' },
  'calls:read': { kind: 'calls:read' },
  'calls:read(agent-7)': { kind: 'calls:read', agentId: 'agent-7' },
  'calls:read(agent-8)': { kind: 'calls:read', agentId: 'agent-8' },
  'alerts:review': { kind: 'alerts:review' },
  'clips:listen': { kind: 'clips:listen' },
  admin: { kind: 'admin' },
};

// Rows: tokens; columns: PERMS in order. 1 = allowed, 0 = 403.
const MATRIX: Record<string, string> = {
  'tok-ingest': '1000000000',
  'tok-agent-7': '0100110000',
  'tok-sup': '0111111010',
  'tok-qa': '0000111110',
  'tok-admin': '1111111111',
};

describe('authorize', () => {
  for (const [token, row] of Object.entries(MATRIX)) {
    it(`decides every permission for ${token}`, () => {
      Object.entries(PERMS).forEach(([name, perm], i) => {
        const d = authorize(config, token, perm);
        if (row[i] === '1') {
          expect(d.ok, `${token} → ${name}`).toBe(true);
        } else {
          expect(d, `${token} → ${name}`).toMatchObject({ ok: false, status: 403, code: 'AUTH_FORBIDDEN' });
        }
      });
    });
  }

  it('scopes an agent token listing calls to its own agent', () => {
    const d = authorize(config, 'tok-agent-7', { kind: 'calls:read' });
    expect(d).toMatchObject({ ok: true, agentScope: 'agent-7', principal: { role: 'agent', agentId: 'agent-7', label: 'agent:agent-7', dev: false } });
    const sup = authorize(config, 'tok-sup', { kind: 'calls:read' });
    expect(sup).toMatchObject({ ok: true });
    expect(sup.ok && sup.agentScope).toBeUndefined();
  });

  it('refuses a missing token with 401 AUTH_MISSING and an unknown one with 401 AUTH_INVALID', () => {
    expect(authorize(config, undefined, { kind: 'events:live' })).toMatchObject({ ok: false, status: 401, code: 'AUTH_MISSING' });
    expect(authorize(config, '', { kind: 'events:live' })).toMatchObject({ ok: false, status: 401, code: 'AUTH_MISSING' });
    expect(authorize(config, 'tok-nope', { kind: 'events:live' })).toMatchObject({ ok: false, status: 401, code: 'AUTH_INVALID' });
    expect(authorize(config, 'TOK-ADMIN', { kind: 'admin' })).toMatchObject({ ok: false, code: 'AUTH_INVALID' });
    const refusal = authorize(config, 'tok-qa', { kind: 'events:live' });
    expect(refusal.ok).toBe(false);
    if (!refusal.ok) expect(refusal.message).not.toContain('tok-qa');
  });

  it('reads the token from the Bearer header first, else ?token=', () => {
    expect(tokenFromRequest({ authorization: 'Bearer tok-qa' })).toEqual({ token: 'tok-qa' });
    expect(tokenFromRequest({ authorization: 'bearer   tok-qa ' })).toEqual({ token: 'tok-qa' });
    expect(tokenFromRequest({}, '/v1/live?x=1&token=tok-sup')).toEqual({ token: 'tok-sup' });
    expect(tokenFromRequest({ authorization: 'Bearer tok-qa' }, '/v1/live?token=tok-sup')).toEqual({ token: 'tok-qa' });
    expect(tokenFromRequest({ authorization: 'Basic dXNlcjpwYXNz' }, '/x?token=tok-sup')).toEqual({ token: null, malformed: true });
    expect(tokenFromRequest({}, '/v1/live')).toEqual({ token: null, malformed: false });
    expect(tokenFromRequest({}, '/v1/live?token=a%2Bb')).toEqual({ token: 'a+b' });

    expect(authorizeRequest(config, { authorization: 'Bearer tok-sup' }, '/v1/live', { kind: 'events:live' }).ok).toBe(true);
    expect(authorizeRequest(config, {}, '/v1/alerts/a1/clip.wav?token=tok-qa', { kind: 'clips:listen' }).ok).toBe(true);
    expect(authorizeRequest(config, { authorization: 'Token tok-sup' }, '/v1/live', { kind: 'events:live' })).toMatchObject({ status: 401, code: 'AUTH_INVALID' });
    expect(authorizeRequest(config, {}, '/v1/live', { kind: 'events:live' })).toMatchObject({ status: 401, code: 'AUTH_MISSING' });
    expect(authorizeRequest(config, {}, '/v1/agents/agent-8/events?token=tok-agent-7', { kind: 'events:agent', agentId: 'agent-8' })).toMatchObject({ status: 403, code: 'AUTH_FORBIDDEN' });
  });
});

describe('loadAuth', () => {
  it('runs open in dev mode with no tokens on a loopback bind, and says so', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.0.0.2']) {
      const c = loadAuth({ host, env: {} });
      expect(c).toMatchObject({ mode: 'open', devMode: true, tokenCount: 0 });
      expect(authorize(c, undefined, { kind: 'admin' })).toMatchObject({ ok: true, principal: { dev: true } });
      expect(describeAuth(c)).toMatch(/AUTH DISABLED/);
    }
    // An empty tokens list is no tokens.
    expect(loadAuth({ authFile: tokensFile({ tokens: [] }, 'empty.json'), host: '127.0.0.1' }).devMode).toBe(true);
  });

  it('refuses to start with no tokens on any other bind', () => {
    for (const host of ['0.0.0.0', '::', '', '10.1.2.3', 'earshot.example.com']) {
      expect(() => loadAuth({ host, env: {} })).toThrow(AuthConfigError);
    }
    expect(() => loadAuth({ authFile: tokensFile({ tokens: [] }, 'empty2.json'), host: '0.0.0.0' })).toThrow(/not loopback/);
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
  });

  it('takes EARSHOT_AUTH_FILE from the environment and is not in dev mode with tokens, even on loopback', () => {
    const c = loadAuth({ host: '127.0.0.1', env: { EARSHOT_AUTH_FILE: tokensFile(TOKENS, 'env.json') } });
    expect(c).toMatchObject({ mode: 'tokens', devMode: false, tokenCount: 5 });
    expect(authorize(c, undefined, { kind: 'admin' })).toMatchObject({ status: 401 });
    expect(describeAuth(c)).toMatch(/5 token/);
  });

  it('rejects a broken tokens file instead of running open', () => {
    const bad: Array<[unknown, RegExp]> = [
      ['{not json', /not JSON/],
      [{ token: 'x' }, /expected/],
      [{ tokens: [{ token: 'x', role: 'root' }] }, /role/],
      [{ tokens: [{ token: '', role: 'qa' }] }, /token/],
      [{ tokens: [{ token: 'x', role: 'agent' }] }, /agentId/],
      [{ tokens: [{ token: 'x', role: 'qa' }, { token: 'x', role: 'admin' }] }, /twice/],
    ];
    bad.forEach(([content, msg], i) => {
      const file = tokensFile(content, `bad-${i}.json`);
      expect(() => loadAuth({ authFile: file, host: '127.0.0.1' })).toThrow(msg);
    });
    expect(() => loadAuth({ authFile: join(dir, 'missing.json'), host: '127.0.0.1' })).toThrow(/cannot read/);
    try {
      loadAuth({ authFile: join(dir, 'missing.json'), host: '127.0.0.1' });
    } catch (err) {
      expect((err as AuthConfigError).code).toBe('AUTH_CONFIG');
    }
  });

  it('accepts tokens given directly', () => {
    const c = loadAuth({ host: '0.0.0.0', tokens: [{ token: 't', role: 'qa' }], env: {} });
    expect(authorize(c, 't', { kind: 'alerts:review' }).ok).toBe(true);
  });
});
