/**
 * The whole product in a real browser: a synthetic abusive English call (flite, two channels)
 * streamed into /v1/ingest with real speech recognition and the real detector. The alert appears
 * on the collector's page, the call rises above a calm one on the supervisors' dashboard, QA
 * plays the alert's clip (the audio element loads it with the clip's duration) and confirms it,
 * and the verdict is still there after the server restarts on the same data folder.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { concat, firstChannel, fliteWav, interleave, loadWav, pcmBytes, pcmWav, silence } from '../support/audio.js';
import { connectInbox, newCallId, sendAudio, startServer, type Inbox, type TestServer } from '../support/server.js';
import { closeAll, ensureWebBuilt, eventually, launchBrowser, openPage, rowOrder, screenshot, waitConnected } from './support.js';

vi.setConfig({ testTimeout: 180_000 });

const RATE = 16_000;
const AGENT = 'agent-e2e';
const dataDir = mkdtempSync(join(tmpdir(), 'earshot-e2e-'));
let t: TestServer | undefined;
let restarted: TestServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  await ensureWebBuilt();
  t = await startServer({ dataDir });
  browser = await launchBrowser();
});

afterAll(() => closeAll(browser, [t, restarted]));

function speech(text: string): Int16Array {
  return firstChannel(loadWav(pcmWav(fliteWav(text), RATE)));
}

/** Starts a call on /v1/ingest and returns its socket (audio and stop are up to the test). */
async function startCall(server: TestServer, callId: string, agentId: string): Promise<Inbox> {
  const ingest = await connectInbox(`${server.ws}/v1/ingest`);
  ingest.socket.send(
    JSON.stringify({ type: 'start', callId, agentId, language: 'en', encoding: 'pcm_s16le', sampleRate: RATE, channels: 2, channelRoles: ['agent', 'customer'] }),
  );
  await ingest.waitFor((m) => m.type === 'started', 30_000, 'started');
  return ingest;
}

async function stopCall(ingest: Inbox): Promise<void> {
  ingest.socket.send(JSON.stringify({ type: 'stop' }));
  await ingest.waitFor((m) => m.type === 'stopped', 120_000, 'stopped');
}

describe('an abusive call, from the wire to a verdict', () => {
  test('collector sees the alert, supervisor sees the risk, QA plays the clip and confirms; the verdict survives a restart', async () => {
    const s = t!;
    const threatCall = newCallId('e2e-threat');
    const calmCall = newCallId('e2e-calm');

    const agentPage = await openPage(browser!);
    await agentPage.page.goto(`${s.http}/agent/${AGENT}`);
    await waitConnected(agentPage.page);
    const livePage = await openPage(browser!);
    await livePage.page.goto(`${s.http}/live`);
    await waitConnected(livePage.page);

    // A calm call of another agent, live throughout.
    const calm = await startCall(s, calmCall, 'agent-calm');
    await sendAudio(calm.socket, pcmBytes(interleave(concat(speech('Good morning, how can I help you today?'), silence(1000, RATE)), silence(1000, RATE))));

    const ask = speech('Hello, am I speaking with John Smith?');
    const confirm = speech('Yes, this is John Smith speaking.');
    const threat = speech('If you do not pay today, a warrant will be issued for your arrest.');
    const gap = silence(700, RATE);
    const quietDuring = (x: Int16Array) => silence((x.length * 1000) / RATE, RATE);
    const agentTrack = concat(ask, gap, quietDuring(confirm), gap, threat, silence(4000, RATE));
    const customerTrack = concat(quietDuring(ask), gap, confirm, gap, quietDuring(threat), silence(4000, RATE));
    const ingest = await startCall(s, threatCall, AGENT);
    await sendAudio(ingest.socket, pcmBytes(interleave(agentTrack, customerTrack)));

    // The collector's page: a banner that cannot be missed, with the explanation and a lawful rephrasing.
    const banner = agentPage.page.locator('.banner.sev-critical[data-retracted="false"]');
    await banner.waitFor({ timeout: 60_000 });
    const bannerText = (await banner.textContent()) ?? '';
    expect(bannerText).toMatch(/false legal claim/i);
    expect(bannerText).toMatch(/arrest|warrant/i);
    expect(await agentPage.page.locator('[role="alert"] .banner').count()).toBeGreaterThan(0);
    await agentPage.page.locator('.line.ch-agent mark.flagged').first().waitFor();
    await screenshot(agentPage.page, 'e2e-agent-alert');

    // The dashboard: the threatening call above the calm one, with its risk and latest alert.
    const row = livePage.page.locator(`tr[data-call-id="${threatCall}"]`);
    await eventually(() => row.locator('td.risk').textContent(), (r) => Number(r) >= 60, 'the call’s risk on the dashboard', 20_000);
    await eventually(() => rowOrder(livePage.page), (order) => order.indexOf(threatCall) === 0 && order.includes(calmCall), 'the risky call on top', 10_000);
    expect(await row.locator('td.latest').textContent()).toMatch(/false legal/i);
    await screenshot(livePage.page, 'e2e-live-dashboard');

    await stopCall(ingest);
    await stopCall(calm);

    // QA: the alert, its clip in the audio element with the clip's own duration.
    const alerts = (await (await fetch(`${s.http}/v1/alerts?callId=${threatCall}&category=false_legal`)).json()) as { items: { alertId: string }[] };
    expect(alerts.items).toHaveLength(1);
    const alertId = alerts.items[0]!.alertId;
    let clipMs = 0;
    await eventually(
      async () => ((await (await fetch(`${s.http}/v1/alerts/${alertId}`)).json()) as { clip: { durationMs: number } | null }).clip,
      (clip) => {
        clipMs = clip?.durationMs ?? 0;
        return clip !== null;
      },
      'the clip stored',
      10_000,
    );
    const qa = await openPage(browser!);
    await qa.page.goto(`${s.http}/qa`);
    await qa.page.locator(`tr[data-alert-id="${alertId}"] button.row-open`).click();
    const detail = qa.page.locator(`.qa-detail[data-alert-id="${alertId}"]`);
    await detail.waitFor();
    const duration = await qa.page.waitForFunction(() => {
      const a = document.querySelector('audio');
      return a && a.readyState >= 1 && Number.isFinite(a.duration) ? a.duration : null;
    });
    expect(Math.abs((await duration.jsonValue())! * 1000 - clipMs)).toBeLessThan(20);
    expect(clipMs).toBeGreaterThan(5000); // pre-roll + the flagged words + post-roll
    await qa.page.evaluate(() => document.querySelector('audio')!.play());
    await eventually(() => qa.page.evaluate(() => document.querySelector('audio')!.currentTime), (x) => x > 0.2, 'the clip playing', 10_000);
    await qa.page.evaluate(() => document.querySelector('audio')!.pause());
    const note = 'Arrest threat on a live call; coached.';
    await qa.page.fill('#review-note', note);
    await qa.page.click('button.confirm');
    await detail.locator('.reviews li[data-verdict="confirmed"]').waitFor();
    await screenshot(qa.page, 'e2e-qa-confirmed');
    for (const p of [agentPage, livePage, qa]) {
      expect(p.errors).toEqual([]);
      await p.page.context().close();
    }

    // Restart on the same data folder: the verdict is still there, on the page too.
    await s.close();
    t = undefined;
    restarted = await startServer({ dataDir });
    const after = (await (await fetch(`${restarted.http}/v1/alerts/${alertId}`)).json()) as { status: string; reviews: { verdict: string; note: string }[] };
    expect(after.status).toBe('confirmed');
    expect(after.reviews).toEqual([expect.objectContaining({ verdict: 'confirmed', note })]);
    const qa2 = await openPage(browser!);
    await qa2.page.goto(`${restarted.http}/qa?status=all`);
    await qa2.page.locator(`tr[data-alert-id="${alertId}"] .status`, { hasText: 'Confirmed' }).waitFor();
    await screenshot(qa2.page, 'e2e-qa-after-restart');
    await qa2.page.context().close();
  });
});
