/** Tokens and roles on the real routes: refused requests get 401/403 with a code, never data. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { buildServer, type Server } from '../../src/server/app.js';
import { loadConfig } from '../../src/config.js';
import { Inbox, openSocket } from '../support/server.js';

const TOKENS = [
  { token: 'ingest-secret', role: 'ingest' as const },
  { token: 'agent-a-secret', role: 'agent' as const, agentId: 'agent-a' },
  { token: 'super-secret', role: 'supervisor' as const },
  { token: 'qa-secret', role: 'qa' as const },
];

let server: Server;
let http: string;
let ws: string;

/** The HTTP status a refused WebSocket upgrade got, and its JSON body. */
function upgradeRefusal(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: { error?: { code: string } } }> {
  return new Promise((resolve, reject) => {
    const sock = new WebSocket(url, { headers });
    sock.once('open', () => {
      sock.close();
      reject(new Error(`${url} was accepted`));
    });
    sock.once('unexpected-response', (_req, res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text || '{}') }));
    });
    sock.once('error', () => {});
  });
}

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'earshot-auth-'));
  server = await buildServer({ ...loadConfig({}), dataDir, logLevel: 'silent', asrWorkers: 1 }, { tokens: TOKENS });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = server.app.server.address();
  if (!addr || typeof addr === 'string') throw new Error('no address');
  http = `http://127.0.0.1:${addr.port}`;
  ws = `ws://127.0.0.1:${addr.port}`;
});

afterAll(async () => {
  await server?.close();
});

describe('auth on the wire', () => {
  it('is not in dev mode once tokens are configured', () => {
    expect(server.auth.devMode).toBe(false);
  });

  it('refuses ingest without a token (401 AUTH_MISSING) and with an unknown one (401 AUTH_INVALID)', async () => {
    expect(await upgradeRefusal(`${ws}/v1/ingest`)).toMatchObject({ status: 401, body: { error: { code: 'AUTH_MISSING' } } });
    expect(await upgradeRefusal(`${ws}/v1/ingest?token=nope`)).toMatchObject({ status: 401, body: { error: { code: 'AUTH_INVALID' } } });
  });

  it('refuses ingest to a supervisor token (403) and accepts the ingest token by header or query', async () => {
    expect(await upgradeRefusal(`${ws}/v1/ingest`, { authorization: 'Bearer super-secret' })).toMatchObject({
      status: 403,
      body: { error: { code: 'AUTH_FORBIDDEN' } },
    });
    const byHeader = new WebSocket(`${ws}/v1/ingest`, { headers: { authorization: 'Bearer ingest-secret' } });
    await new Promise<void>((resolve, reject) => {
      byHeader.once('open', () => resolve());
      byHeader.once('error', reject);
    });
    byHeader.close();
    const byQuery = await openSocket(`${ws}/v1/ingest?token=ingest-secret`);
    byQuery.close();
  });

  it("lets an agent hear only its own events, and the supervisor the live feed", async () => {
    const own = new Inbox(await openSocket(`${ws}/v1/agents/agent-a/events?token=agent-a-secret`));
    own.socket.close();
    expect(await upgradeRefusal(`${ws}/v1/agents/agent-b/events?token=agent-a-secret`)).toMatchObject({ status: 403 });
    expect(await upgradeRefusal(`${ws}/v1/live?token=agent-a-secret`)).toMatchObject({ status: 403 });
    const live = await openSocket(`${ws}/v1/live?token=super-secret`);
    live.close();
  });

  it('scopes GET /v1/calls to the agent and hides other agents\' calls', async () => {
    await server.store.createCall({ callId: 'call-of-a', agentId: 'agent-a', language: 'en' });
    await server.store.createCall({ callId: 'call-of-b', agentId: 'agent-b', language: 'en' });
    const asAgent = await fetch(`${http}/v1/calls`, { headers: { authorization: 'Bearer agent-a-secret' } });
    expect(asAgent.status).toBe(200);
    const page = (await asAgent.json()) as { items: { agentId: string }[] };
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((c) => c.agentId === 'agent-a')).toBe(true);
    const askOther = await fetch(`${http}/v1/calls?agentId=agent-b`, { headers: { authorization: 'Bearer agent-a-secret' } });
    expect(askOther.status).toBe(403);
    const other = await fetch(`${http}/v1/calls/call-of-b`, { headers: { authorization: 'Bearer agent-a-secret' } });
    expect(other.status).toBe(404);
    const asQa = await fetch(`${http}/v1/calls/call-of-b`, { headers: { authorization: 'Bearer qa-secret' } });
    expect(asQa.status).toBe(200);
    const none = await fetch(`${http}/v1/calls`);
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe('AUTH_MISSING');
  });

  it('answers a bad filter with 400 BAD_QUERY', async () => {
    const r = await fetch(`${http}/v1/calls?status=sideways`, { headers: { authorization: 'Bearer qa-secret' } });
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('BAD_QUERY');
  });

  describe('alerts', () => {
    const H = (token: string) => ({ authorization: `Bearer ${token}` });
    beforeAll(async () => {
      await server.store.createCall({ callId: 'alerts-of-a', agentId: 'agent-a', language: 'en' });
      await server.store.createCall({ callId: 'alerts-of-b', agentId: 'agent-b', language: 'en' });
      const base = { severity: 'critical' as const, category: 'false_legal', text: 'warrant for your arrest', startMs: 1000, endMs: 2000, rule: 'en.false_legal.warrant', explanation: 'x', citation: 'FDCPA 1692e(4)' };
      await server.store.addAlert({ ...base, alertId: 'al-a', callId: 'alerts-of-a', agentId: 'agent-a' });
      await server.store.addAlert({ ...base, alertId: 'al-b', callId: 'alerts-of-b', agentId: 'agent-b' });
      const silenceWav = new Uint8Array(44 + 3200);
      const v = new DataView(silenceWav.buffer);
      [...'RIFF'].forEach((c, i) => v.setUint8(i, c.charCodeAt(0)));
      await server.store.saveClip({ alertId: 'al-b', wav: silenceWav, startMs: 0, endMs: 100, preRollMs: 0, postRollMs: 0, sampleRate: 16000, channels: 1, durationMs: 100 });
    });

    it('lists only the agent’s own alerts, and hides others’ even by id', async () => {
      const mine = (await (await fetch(`${http}/v1/alerts`, { headers: H('agent-a-secret') })).json()) as { items: { alertId: string }[] };
      expect(mine.items.map((a) => a.alertId)).toEqual(['al-a']);
      expect((await fetch(`${http}/v1/alerts?agentId=agent-b`, { headers: H('agent-a-secret') })).status).toBe(403);
      const other = await fetch(`${http}/v1/alerts/al-b`, { headers: H('agent-a-secret') });
      expect(other.status).toBe(404);
      expect(((await other.json()) as { error: { code: string } }).error.code).toBe('ALERT_NOT_FOUND');
      const all = (await (await fetch(`${http}/v1/alerts`, { headers: H('super-secret') })).json()) as { total: number };
      expect(all.total).toBeGreaterThanOrEqual(2);
    });

    it('lets QA and supervisors listen to clips but not agents; only QA records verdicts', async () => {
      expect((await fetch(`${http}/v1/alerts/al-b/clip.wav`, { headers: H('agent-a-secret') })).status).toBe(403);
      expect((await fetch(`${http}/v1/alerts/al-b/clip.wav`, { headers: H('super-secret') })).status).toBe(200);
      const qa = await fetch(`${http}/v1/alerts/al-b/clip.wav`, { headers: H('qa-secret') });
      expect(qa.status).toBe(200);
      expect((await qa.arrayBuffer()).byteLength).toBe(44 + 3200);
      expect((await fetch(`${http}/v1/alerts/al-a/clip.wav`, { headers: H('qa-secret') })).status).toBe(404);
      const review = (token: string) =>
        fetch(`${http}/v1/alerts/al-b/review`, { method: 'POST', headers: { ...H(token), 'content-type': 'application/json' }, body: JSON.stringify({ verdict: 'dismissed', note: 'misheard' }) });
      expect((await review('super-secret')).status).toBe(403);
      expect((await review('agent-a-secret')).status).toBe(403);
      expect((await review('qa-secret')).status).toBe(201);
      const audit = await server.store.listAudit({ targetId: 'al-b' });
      expect(audit.items.map((a) => `${a.action}:${a.role}`).sort()).toEqual(['alert.review:qa', 'clip.listen:qa', 'clip.listen:supervisor']);
    });

    it('answers bad filters with 400 BAD_QUERY', async () => {
      for (const q of ['category=rude', 'severity=loud', 'status=maybe', 'from=yesterday', 'cursor=garbage', 'limit=-1']) {
        const r = await fetch(`${http}/v1/alerts?${q}`, { headers: H('qa-secret') });
        expect(r.status, q).toBe(400);
        expect(((await r.json()) as { error: { code: string } }).error.code).toBe('BAD_QUERY');
      }
    });
  });
});
