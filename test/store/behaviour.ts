/**
 * One behavioural suite for every store backend: sqlite.test.ts and postgres.test.ts run it
 * against real databases, so "identical behaviour on both backends" is checked, not assumed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations.js';
import type { AlertRecord, NewAlert, Store } from '../../src/store/types.js';
import { StoreError } from '../../src/store/types.js';
import { buildClip } from '../../src/store/clip.js';
import { pcmSource } from '../../src/audio/ring-buffer.js';

export interface StoreFixture {
  /** Opens the store on this test's database and data folder (again: reopens it). */
  open(): Promise<Store>;
  /** Schema version as recorded in the database. */
  schemaVersion(): Promise<number>;
  cleanup(): Promise<void>;
}

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 15, 12, 0, 0);

function alert(over: Partial<NewAlert> & { alertId: string; callId: string }): NewAlert {
  return {
    agentId: 'agent-1',
    category: 'threat',
    severity: 'critical',
    text: 'you better watch your back',
    startMs: 1000,
    endMs: 2500,
    rule: 'en.threat.watch_your_back',
    explanation: 'A veiled threat of harm.',
    citation: 'FDCPA 15 USC 1692d(1)',
    suggestion: 'Explain the options available to resolve the balance.',
    emittedAt: T0,
    ...over,
  };
}

function tinyWav(): Uint8Array {
  const samples = new Int16Array(8000).map((_, i) => Math.round(Math.sin(i / 10) * 1000));
  const clip = buildClip([pcmSource(samples, 8000)], 200, 400, { preRollMs: 100, postRollMs: 100 });
  if (!clip) throw new Error('no clip');
  return clip.wav;
}

async function expectCode(p: Promise<unknown>, code: string): Promise<void> {
  await expect(p).rejects.toBeInstanceOf(StoreError);
  await expect(p).rejects.toMatchObject({ code });
}

export function storeBehaviour(name: string, makeFixture: () => Promise<StoreFixture>): void {
  describe(`store behaviour: ${name}`, () => {
    let fx: StoreFixture;
    let store: Store;

    beforeEach(async () => {
      fx = await makeFixture();
      store = await fx.open();
    });

    afterEach(async () => {
      await store.close();
      await fx.cleanup();
    });

    it('migrates to the latest version, and reopening is a no-op', async () => {
      const latest = Math.max(...MIGRATIONS.map((m) => m.version));
      expect(await fx.schemaVersion()).toBe(latest);
      await store.createCall({ callId: 'keep', agentId: 'a', language: 'en', startedAt: T0 });
      await store.close();
      store = await fx.open();
      await store.close();
      store = await fx.open();
      expect(await fx.schemaVersion()).toBe(latest);
      expect((await store.getCall('keep'))?.agentId).toBe('a');
    });

    it('creates, ends and reads calls; create is idempotent on callId', async () => {
      const c = await store.createCall({ callId: 'c1', agentId: 'agent-1', language: 'es', startedAt: T0, metadata: { queue: 'mx-early' } });
      expect(c).toMatchObject({ callId: 'c1', agentId: 'agent-1', language: 'es', startedAt: T0, endedAt: null, status: 'live', alertCount: 0 });
      expect(c.metadata).toEqual({ queue: 'mx-early' });
      const again = await store.createCall({ callId: 'c1', agentId: 'someone-else', language: 'en', startedAt: T0 + 5 });
      expect(again.agentId).toBe('agent-1');
      const ended = await store.endCall('c1', T0 + 60_000);
      expect(ended).toMatchObject({ status: 'ended', endedAt: T0 + 60_000 });
      // The first end wins.
      expect((await store.endCall('c1', T0 + 90_000))?.endedAt).toBe(T0 + 60_000);
      expect(await store.endCall('nope')).toBeNull();
      expect(await store.getCall('nope')).toBeNull();
      await expectCode(store.createCall({ callId: '', agentId: 'a', language: 'en' }), 'STORE_INVALID');
    });

    it('stores utterances masked, in timeline order, and refuses an unknown call', async () => {
      await store.createCall({ callId: 'c1', agentId: 'agent-1', language: 'en', startedAt: T0 });
      await store.addUtterance({ callId: 'c1', channel: 'agent', text: 'can you confirm the card number', startMs: 0, endMs: 1800 });
      const spoken = 'four one one one one one one one one one one one one one one one';
      const words = ['it', 'is', ...spoken.split(' ')].map((w, i) => ({ word: w, startMs: 2000 + i * 300, endMs: 2250 + i * 300 }));
      const u = await store.addUtterance({ callId: 'c1', channel: 'customer', text: `it is ${spoken}`, startMs: 2000, endMs: 7000, words });
      expect(u.text).toBe('it is [card ending 1111]');
      expect(u.words.map((w) => w.word)).toEqual(['it', 'is', '[card ending 1111]']);
      expect(u.words[2]).toMatchObject({ startMs: 2600, endMs: 2250 + 17 * 300 });
      await store.addUtterance({ callId: 'c1', channel: 'customer', text: 'my social is 123-45-6789', startMs: 1900, endMs: 1950 });

      const detail = await store.getCall('c1');
      expect(detail?.utterances.map((x) => x.startMs)).toEqual([0, 1900, 2000]);
      // Everything stored from speech (texts and words), not the wall-clock createdAt, whose digits vary.
      const all = JSON.stringify(detail?.utterances.map((x) => ({ text: x.text, words: x.words })));
      expect(all).not.toMatch(/4111|6789|one one one one/);
      expect(detail?.utterances[1]?.text).toBe('my social is [ssn]');
      expect(detail?.utterances[2]?.words).toHaveLength(3);
      await expectCode(store.addUtterance({ callId: 'ghost', channel: 'agent', text: 'hi', startMs: 0, endMs: 1 }), 'STORE_NOT_FOUND');
      await expectCode(
        store.addUtterance({ callId: 'c1', channel: 'robot' as 'agent', text: 'hi', startMs: 0, endMs: 1 }),
        'STORE_INVALID',
      );
    });

    it('adds, retracts and reads alerts; add is idempotent on alertId', async () => {
      await store.createCall({ callId: 'c1', agentId: 'agent-1', language: 'en', startedAt: T0 });
      const a = await store.addAlert(alert({ alertId: 'a1', callId: 'c1' }));
      expect(a).toMatchObject({ alertId: 'a1', status: 'open', retractedAt: null, hasClip: false, emittedAt: T0, startMs: 1000, endMs: 2500 });
      expect(a.suggestion).toMatch(/options/);
      const dup = await store.addAlert(alert({ alertId: 'a1', callId: 'c1', text: 'changed' }));
      expect(dup.text).toBe('you better watch your back');
      expect((await store.getCall('c1'))?.alertCount).toBe(1);

      const r = await store.retractAlert('a1', T0 + 900);
      expect(r?.retractedAt).toBe(T0 + 900);
      expect((await store.retractAlert('a1', T0 + 5000))?.retractedAt).toBe(T0 + 900);
      expect(await store.retractAlert('ghost')).toBeNull();
      expect((await store.getCall('c1'))?.alertCount).toBe(0);
      expect((await store.getCall('c1'))?.alerts).toHaveLength(1);
      expect((await store.listAlerts()).total).toBe(0);
      expect((await store.listAlerts({ includeRetracted: true })).total).toBe(1);
      await expectCode(store.addAlert(alert({ alertId: 'a2', callId: 'ghost' })), 'STORE_NOT_FOUND');
      await expectCode(store.addAlert(alert({ alertId: 'a3', callId: 'c1', severity: 'mild' as 'warning' })), 'STORE_INVALID');
      // Alert text is masked like transcripts.
      const masked = await store.addAlert(alert({ alertId: 'a4', callId: 'c1', text: 'we know your card 4111 1111 1111 1111' }));
      expect(masked.text).toBe('we know your card [card ending 1111]');
    });

    describe('listing with filters and pagination', () => {
      const seeded: AlertRecord[] = [];
      beforeEach(async () => {
        seeded.length = 0;
        const cats = ['threat', 'insult', 'false_legal', 'third_party_disclosure', 'tone'];
        for (let c = 0; c < 6; c++) {
          const callId = `call-${c}`;
          const agentId = c % 2 === 0 ? 'agent-A' : 'agent-B';
          await store.createCall({ callId, agentId, language: 'en', startedAt: T0 + c * 60_000 });
          if (c < 3) await store.endCall(callId, T0 + c * 60_000 + 30_000);
          for (let k = 0; k < 4; k++) {
            const i = c * 4 + k;
            seeded.push(
              await store.addAlert(
                alert({
                  // Mixed case and digits: ordering must be byte-wise on both backends.
                  alertId: `${k % 2 ? 'Z' : 'a'}-${String(i).padStart(2, '0')}`,
                  callId,
                  agentId,
                  category: cats[i % cats.length] as string,
                  severity: i % 3 === 0 ? 'critical' : 'warning',
                  // Pairs share an emittedAt so the id breaks ties.
                  emittedAt: T0 + Math.floor(i / 2) * 1000,
                }),
              ),
            );
          }
        }
      });

      const byNewest = (a: AlertRecord, b: AlertRecord) =>
        b.emittedAt - a.emittedAt || (a.alertId < b.alertId ? 1 : a.alertId > b.alertId ? -1 : 0);

      it('filters alerts by agent, category, severity, status and time', async () => {
        const expectIds = async (filter: Parameters<Store['listAlerts']>[0], pred: (a: AlertRecord) => boolean) => {
          const page = await store.listAlerts(filter, { limit: 500 });
          const want = seeded.filter(pred).sort(byNewest).map((a) => a.alertId);
          expect(page.items.map((a) => a.alertId)).toEqual(want);
          expect(page.total).toBe(want.length);
          expect(page.nextCursor).toBeUndefined();
        };
        await expectIds({}, () => true);
        await expectIds({ agentId: 'agent-A' }, (a) => a.agentId === 'agent-A');
        await expectIds({ category: 'insult' }, (a) => a.category === 'insult');
        await expectIds({ severity: 'critical' }, (a) => a.severity === 'critical');
        await expectIds({ callId: 'call-2' }, (a) => a.callId === 'call-2');
        await expectIds({ from: T0 + 3000, to: T0 + 7000 }, (a) => a.emittedAt >= T0 + 3000 && a.emittedAt < T0 + 7000);
        await expectIds({ agentId: 'agent-B', severity: 'warning', from: T0 + 2000 }, (a) => a.agentId === 'agent-B' && a.severity === 'warning' && a.emittedAt >= T0 + 2000);
        await store.addReview({ alertId: 'a-00', verdict: 'dismissed', reviewer: 'qa-1' });
        await store.addReview({ alertId: 'Z-05', verdict: 'confirmed', reviewer: 'qa-1' });
        await expectIds({ status: 'open' }, (a) => !['a-00', 'Z-05'].includes(a.alertId));
        await expectIds({ status: 'confirmed' }, (a) => a.alertId === 'Z-05');
        await expectIds({ status: 'dismissed' }, (a) => a.alertId === 'a-00');
        await expectCode(store.listAlerts({ status: 'maybe' as 'open' }), 'STORE_INVALID');
      });

      it('pages alerts by cursor and by offset, in the same order, without gaps or repeats', async () => {
        const want = [...seeded].sort(byNewest).map((a) => a.alertId);
        const byCursor: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await store.listAlerts({}, { limit: 5, ...(cursor ? { cursor } : {}) });
          expect(page.total).toBe(24);
          byCursor.push(...page.items.map((a) => a.alertId));
          cursor = page.nextCursor;
          pages++;
        } while (cursor);
        expect(pages).toBe(5);
        expect(byCursor).toEqual(want);

        const byOffset: string[] = [];
        for (let offset = 0; offset < 24; offset += 7) {
          byOffset.push(...(await store.listAlerts({}, { limit: 7, offset })).items.map((a) => a.alertId));
        }
        expect(byOffset).toEqual(want);
        await expectCode(store.listAlerts({}, { cursor: 'garbage!' }), 'STORE_INVALID');
      });

      it('filters and pages calls', async () => {
        const all = await store.listCalls({}, { limit: 4 });
        expect(all.total).toBe(6);
        expect(all.items.map((c) => c.callId)).toEqual(['call-5', 'call-4', 'call-3', 'call-2']);
        expect(all.items[0]?.alertCount).toBe(4);
        const rest = await store.listCalls({}, { limit: 4, cursor: all.nextCursor as string });
        expect(rest.items.map((c) => c.callId)).toEqual(['call-1', 'call-0']);
        expect(rest.nextCursor).toBeUndefined();
        expect((await store.listCalls({ agentId: 'agent-B' })).items.map((c) => c.callId)).toEqual(['call-5', 'call-3', 'call-1']);
        expect((await store.listCalls({ status: 'live' })).items.map((c) => c.callId)).toEqual(['call-5', 'call-4', 'call-3']);
        expect((await store.listCalls({ from: T0 + 60_000, to: T0 + 180_000 })).items.map((c) => c.callId)).toEqual(['call-2', 'call-1']);
        expect((await store.listCalls({}, { limit: 2, offset: 5 })).items.map((c) => c.callId)).toEqual(['call-0']);
      });
    });

    it('records reviews, updates the alert, and audit-logs the verdict', async () => {
      await store.createCall({ callId: 'c1', agentId: 'agent-1', language: 'zh', startedAt: T0 });
      await store.addAlert(alert({ alertId: 'a1', callId: 'c1' }));
      const r1 = await store.addReview({ alertId: 'a1', verdict: 'dismissed', note: 'lawful statement', reviewer: 'qa-ana', role: 'qa', at: T0 + 10 });
      expect(r1).toMatchObject({ alertId: 'a1', verdict: 'dismissed', note: 'lawful statement', reviewer: 'qa-ana', at: T0 + 10 });
      expect((await store.getAlert('a1'))?.status).toBe('dismissed');
      await store.addReview({ alertId: 'a1', verdict: 'confirmed', note: 'on second listen: a threat', reviewer: 'qa-lead', at: T0 + 20 });
      expect((await store.getAlert('a1'))?.status).toBe('confirmed');
      const reviews = await store.listReviews('a1');
      expect(reviews.map((r) => r.verdict)).toEqual(['dismissed', 'confirmed']);

      const audit = await store.listAudit({ targetId: 'a1' });
      expect(audit.total).toBe(2);
      expect(audit.items[0]).toMatchObject({ actor: 'qa-lead', action: 'alert.review', targetType: 'alert', targetId: 'a1', at: T0 + 20 });
      expect(audit.items[0]?.detail).toMatchObject({ verdict: 'confirmed', previousStatus: 'dismissed', callId: 'c1' });
      expect(audit.items[1]).toMatchObject({ actor: 'qa-ana', role: 'qa' });

      await expectCode(store.addReview({ alertId: 'ghost', verdict: 'confirmed', reviewer: 'qa' }), 'STORE_NOT_FOUND');
      await expectCode(store.addReview({ alertId: 'a1', verdict: 'maybe' as 'confirmed', reviewer: 'qa' }), 'STORE_INVALID');
      // A refused review leaves no trace.
      expect((await store.listReviews('a1')).length).toBe(2);
      expect((await store.listAudit()).total).toBe(2);
    });

    it('keeps an audit log of listens, filterable and paged', async () => {
      for (let i = 0; i < 7; i++) {
        await store.audit({ actor: i % 2 ? 'qa-1' : 'sup-1', role: i % 2 ? 'qa' : 'supervisor', action: 'clip.listen', targetType: 'alert', targetId: `a${i}`, at: T0 + i, detail: { ip: '127.0.0.1' } });
      }
      const page1 = await store.listAudit({ action: 'clip.listen' }, { limit: 3 });
      expect(page1.total).toBe(7);
      expect(page1.items.map((e) => e.targetId)).toEqual(['a6', 'a5', 'a4']);
      const page2 = await store.listAudit({ action: 'clip.listen' }, { limit: 3, cursor: page1.nextCursor as string });
      expect(page2.items.map((e) => e.targetId)).toEqual(['a3', 'a2', 'a1']);
      expect((await store.listAudit({ actor: 'qa-1' })).total).toBe(3);
      expect((await store.listAudit({ from: T0 + 5 })).total).toBe(2);
      expect(page1.items[0]?.detail).toEqual({ ip: '127.0.0.1' });
    });

    it('saves clips as files under the data folder and replaces them', async () => {
      await store.createCall({ callId: 'c/../1', agentId: 'agent-1', language: 'en', startedAt: T0 });
      await store.addAlert(alert({ alertId: 'a1', callId: 'c/../1' }));
      const wav = tinyWav();
      const clip = await store.saveClip({ alertId: 'a1', wav, startMs: 100, endMs: 500, preRollMs: 100, postRollMs: 100, sampleRate: 8000, channels: 1, durationMs: 400 });
      expect(clip.path.startsWith(store.dataDir)).toBe(true);
      expect(clip.path).not.toContain('..');
      expect(new Uint8Array(readFileSync(clip.path))).toEqual(wav);
      expect(await store.getClip('a1')).toEqual(clip);
      expect((await store.getAlert('a1'))?.hasClip).toBe(true);
      const again = await store.saveClip({ alertId: 'a1', wav, startMs: 0, endMs: 400, preRollMs: 0, postRollMs: 100, sampleRate: 8000, channels: 1, durationMs: 400 });
      expect(again.path).toBe(clip.path);
      expect((await store.getClip('a1'))?.startMs).toBe(0);
      expect(await store.getClip('ghost')).toBeNull();
      await expectCode(store.saveClip({ alertId: 'ghost', wav, startMs: 0, endMs: 1, preRollMs: 0, postRollMs: 0, sampleRate: 8000, channels: 1, durationMs: 1 }), 'STORE_NOT_FOUND');
      const rec = await store.saveRecording('c/../1', wav);
      expect(existsSync(rec)).toBe(true);
      expect((await store.getCall('c/../1'))?.recordingPath).toBe(rec);
    });

    it('purges calls older than N days with their rows and files', async () => {
      const now = T0 + 40 * DAY;
      const wav = tinyWav();
      const files: Record<string, string[]> = {};
      // old-ended: ended 35 days before now; old-live: started 31 days ago, never ended;
      // long: started 32 days ago but ended 10 days ago (kept); fresh: 1 day old.
      const calls = [
        { callId: 'old-ended', startedAt: now - 36 * DAY, endedAt: now - 35 * DAY },
        { callId: 'old-live', startedAt: now - 31 * DAY },
        { callId: 'long', startedAt: now - 32 * DAY, endedAt: now - 10 * DAY },
        { callId: 'fresh', startedAt: now - DAY, endedAt: now - DAY + 60_000 },
      ];
      for (const c of calls) {
        await store.createCall({ callId: c.callId, agentId: 'agent-1', language: 'en', startedAt: c.startedAt });
        if (c.endedAt) await store.endCall(c.callId, c.endedAt);
        await store.addUtterance({ callId: c.callId, channel: 'agent', text: 'hello', startMs: 0, endMs: 500 });
        await store.addUtterance({ callId: c.callId, channel: 'customer', text: 'hi', startMs: 600, endMs: 900 });
        files[c.callId] = [];
        for (const k of [1, 2]) {
          const alertId = `${c.callId}-al${k}`;
          await store.addAlert(alert({ alertId, callId: c.callId, emittedAt: c.startedAt + k }));
          files[c.callId]?.push((await store.saveClip({ alertId, wav, startMs: 0, endMs: 400, preRollMs: 0, postRollMs: 0, sampleRate: 8000, channels: 1, durationMs: 400 })).path);
        }
        await store.addReview({ alertId: `${c.callId}-al1`, verdict: 'confirmed', reviewer: 'qa' });
        files[c.callId]?.push(await store.saveRecording(c.callId, wav));
      }
      const res = await store.purgeOlderThan(30, now);
      expect(res).toMatchObject({ cutoff: now - 30 * DAY, calls: 2, utterances: 4, alerts: 4, reviews: 2, clips: 4, files: 6 });
      for (const id of ['old-ended', 'old-live']) {
        expect(await store.getCall(id)).toBeNull();
        for (const f of files[id] ?? []) expect(existsSync(f)).toBe(false);
      }
      for (const id of ['long', 'fresh']) {
        const d = await store.getCall(id);
        expect(d?.utterances).toHaveLength(2);
        expect(d?.alerts).toHaveLength(2);
        for (const f of files[id] ?? []) expect(existsSync(f)).toBe(true);
      }
      expect((await store.listAlerts({}, { limit: 500 })).total).toBe(4);
      // The audit log is evidence of access and has its own life: purging calls keeps it.
      expect((await store.listAudit()).total).toBe(4);
      // Nothing left to purge: a second run is a no-op.
      expect(await store.purgeOlderThan(30, now)).toMatchObject({ calls: 0, files: 0 });
      await expectCode(store.purgeOlderThan(-1, now), 'STORE_INVALID');
    });

    it('survives a reopen with everything acknowledged, and refuses work once closed', async () => {
      await store.createCall({ callId: 'c1', agentId: 'agent-1', language: 'en', startedAt: T0 });
      // Fire many writes without awaiting one by one, then close: close waits for all of them.
      const writes = Array.from({ length: 50 }, (_, i) =>
        store.addUtterance({ callId: 'c1', channel: i % 2 ? 'agent' : 'customer', text: `line ${i}`, startMs: i * 100, endMs: i * 100 + 90 }),
      );
      const closing = store.close();
      await Promise.all(writes);
      await closing;
      await expectCode(store.addUtterance({ callId: 'c1', channel: 'agent', text: 'late', startMs: 0, endMs: 1 }), 'STORE_CLOSED');
      store = await fx.open();
      expect((await store.getCall('c1'))?.utterances).toHaveLength(50);
    });
  });
}
