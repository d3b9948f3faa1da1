/**
 * The collector's page in Chromium: captions of both sides, an alert that cannot be missed
 * (banner with explanation and rephrasing, sound, title) and its retraction, isolation from
 * other agents, reconnecting after the socket drops, and a refused token said plainly.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { newCallId, startServer, type TestServer } from '../support/server.js';
import { closeAll, ensureWebBuilt, eventually, launchBrowser, openPage, publish, screenshot, text, waitConnected } from './support.js';

let t: TestServer | undefined;
let authed: TestServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  await ensureWebBuilt();
  t = await startServer();
  browser = await launchBrowser();
});

afterAll(() => closeAll(browser, [t, authed]));

function server(): TestServer {
  if (!t) throw new Error('server not started');
  return t;
}

function words(text: string, startMs: number, stepMs = 300): { word: string; startMs: number; endMs: number }[] {
  return text.split(' ').map((word, i) => ({ word, startMs: startMs + i * stepMs, endMs: startMs + i * stepMs + stepMs - 40 }));
}

describe('collector page /agent/:agentId', () => {
  test('captions, an alert with its explanation and rephrasing, then its retraction; another agent never shows', async () => {
    const s = server();
    const { page, errors } = await openPage(browser!);
    await page.goto(`${s.http}/agent/agent-a`);
    await waitConnected(page);
    expect(await text(page, '.quiet')).toContain('No call in progress');

    const callId = newCallId('web-agent');
    publish(s, { type: 'call.started', callId, agentId: 'agent-a', language: 'en', startedAt: new Date().toISOString() });
    await page.locator('.quiet.on-call').waitFor();
    expect(await text(page, '.quiet')).toContain('All clear');

    // A partial shows at once and is replaced by the final, not duplicated.
    const base = { callId, agentId: 'agent-a' } as const;
    publish(s, { type: 'transcript', ...base, channel: 'customer', final: false, text: 'i cannot pay', startMs: 0, endMs: 900 });
    await page.locator('.line.partial.ch-customer', { hasText: 'i cannot pay' }).waitFor();
    publish(s, { type: 'transcript', ...base, channel: 'customer', final: true, text: 'i cannot pay this month', startMs: 0, endMs: 1600 });
    await page.locator('.line.ch-customer:not(.partial)', { hasText: 'i cannot pay this month' }).waitFor();
    expect(await page.locator('.line.ch-customer').count()).toBe(1);

    const said = 'if you do not pay today a warrant will be issued for your arrest';
    publish(s, { type: 'transcript', ...base, channel: 'agent', final: false, text: 'if you do not pay', startMs: 2000, endMs: 3200 });
    await page.locator('.line.partial.ch-agent').waitFor();
    publish(s, { type: 'transcript', ...base, channel: 'agent', final: true, text: said, startMs: 2000, endMs: 6160, words: words(said, 2000) });
    await page.locator('.line.ch-agent:not(.partial)', { hasText: 'warrant' }).waitFor();
    expect(await page.locator('.line.partial').count()).toBe(0);
    expect(await text(page, '.line.ch-agent .speaker')).toBe('You');

    // Another agent's call goes to that agent only: after a later event of ours shows, theirs still has not.
    const other = newCallId('web-other');
    publish(s, { type: 'call.started', callId: other, agentId: 'agent-b', language: 'en', startedAt: new Date().toISOString() });
    publish(s, { type: 'transcript', callId: other, agentId: 'agent-b', channel: 'agent', final: true, text: 'secret words of agent b', startMs: 0, endMs: 900 });
    publish(s, {
      type: 'alert', alertId: `${other}-a1`, callId: other, agentId: 'agent-b', category: 'insult', severity: 'critical',
      text: 'other insult', startMs: 0, endMs: 900, rule: 'x', explanation: 'other explanation', citation: 'c', emittedAt: new Date().toISOString(),
    });
    publish(s, { type: 'transcript', ...base, channel: 'customer', final: true, text: 'hold on a second', startMs: 6000, endMs: 7000 });
    await page.locator('.line', { hasText: 'hold on a second' }).waitFor();
    const body = (await page.textContent('body')) ?? '';
    expect(body).not.toContain('secret words of agent b');
    expect(body).not.toContain('other explanation');
    expect(await page.locator('.banner').count()).toBe(0);

    // The alert: banner, explanation, rephrasing, announced (role=alert), beeped, in the title, words marked.
    const alertId = `${callId}-a1`;
    const explanation = 'Threatening arrest for a debt is a false statement: unpaid consumer debt is not a crime.';
    const suggestion = 'If the balance stays unpaid, the creditor may consider its legal options.';
    publish(s, {
      type: 'alert', alertId, ...base, category: 'false_legal', severity: 'critical', text: 'a warrant will be issued for your arrest',
      startMs: 4100, endMs: 6160, rule: 'en.false_legal.arrest', explanation, citation: 'FDCPA 15 USC 1692e(4)', suggestion,
      emittedAt: new Date().toISOString(),
    });
    const banner = page.locator(`.banner[data-alert-id="${alertId}"][data-retracted="false"]`);
    await banner.waitFor();
    const bannerText = (await banner.textContent()) ?? '';
    expect(bannerText).toContain('False legal claim');
    expect(bannerText).toContain(explanation);
    expect(bannerText).toContain(suggestion);
    expect(bannerText).toContain('a warrant will be issued for your arrest');
    expect(await page.locator('[role="alert"] .banner').count()).toBe(1);
    expect(await page.locator('.banner.sev-critical').count()).toBe(1);
    expect(await page.locator('.quiet').count()).toBe(0);
    await eventually(() => page.evaluate('window.__beeps') as Promise<number>, (n) => n >= 3, 'the critical alert beeps');
    expect(await page.title()).toMatch(/^⚠ FALSE LEGAL CLAIM/);
    const marked = await page.$$eval('.line.ch-agent mark.flagged', (ms) => ms.map((m) => m.textContent));
    expect(marked).toEqual(['warrant', 'will', 'be', 'issued', 'for', 'your', 'arrest']);
    await screenshot(page, 'agent-alert');

    // Retracted: struck through and said so, then gone; the quiet state comes back.
    publish(s, { type: 'alert.retracted', alertId, ...base });
    const struck = page.locator(`.banner[data-alert-id="${alertId}"][data-retracted="true"]`);
    await struck.waitFor();
    expect(await struck.textContent()).toContain('withdrawn');
    expect(await page.$eval('.banner .banner-body', (el) => getComputedStyle(el).textDecorationLine)).toBe('line-through');
    expect(await page.locator('.line.ch-agent mark.flagged').count()).toBe(0);
    await screenshot(page, 'agent-retracted');
    await page.locator('.banner').waitFor({ state: 'detached', timeout: 8000 });
    expect(await text(page, '.quiet')).toContain('All clear');
    expect(await page.locator(`.hist.retracted[data-alert-id="${alertId}"]`).count()).toBe(1);
    expect(await page.title()).toBe('earshot · agent-a');

    // Speech recognition falling behind is shown quietly.
    publish(s, { type: 'asr.lag', ...base, channel: 'customer', behind: true, backlogMs: 1800, droppedMs: 0 });
    await page.locator('.lag', { hasText: 'customer captions 1.8 s behind' }).waitFor();
    publish(s, { type: 'asr.lag', ...base, channel: 'customer', behind: false, backlogMs: 0, droppedMs: 0 });
    await page.locator('.lag').waitFor({ state: 'detached' });

    publish(s, { type: 'call.ended', ...base });
    await page.locator('.call-state.ended').waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('Esc acknowledges an alert; the page reconnects after its socket drops', async () => {
    const s = server();
    const { page, errors } = await openPage(browser!);
    await page.goto(`${s.http}/agent/agent-c`);
    await waitConnected(page);
    const callId = newCallId('web-reconnect');
    const base = { callId, agentId: 'agent-c' } as const;
    publish(s, { type: 'call.started', ...base, language: 'en', startedAt: new Date().toISOString() });
    publish(s, {
      type: 'alert', alertId: `${callId}-w`, ...base, category: 'tone', severity: 'warning', text: 'raised voice', startMs: 0, endMs: 1000,
      rule: 'tone.loud', explanation: 'You are much louder than your usual level.', citation: '', emittedAt: new Date().toISOString(),
    });
    await page.locator('.banner.sev-warning').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('.banner').waitFor({ state: 'detached' });
    expect(await page.locator(`.hist[data-alert-id="${callId}-w"]`).count()).toBe(1);

    // Drop every event socket on the server side: the page shows it and comes back by itself.
    for (const client of s.server.app.websocketServer.clients) client.terminate();
    await page.locator('.conn:not([data-state="open"])').waitFor({ timeout: 5000 });
    await screenshot(page, 'agent-reconnecting');
    await waitConnected(page, 15_000);
    publish(s, { type: 'transcript', ...base, channel: 'customer', final: true, text: 'are you still there', startMs: 2000, endMs: 3000 });
    await page.locator('.line', { hasText: 'are you still there' }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('with tokens: a wrong or foreign token is refused in plain words; a right one connects and leaves the address bar', async () => {
    const file = join(tmpdir(), `earshot-web-auth-${process.pid}.json`);
    writeFileSync(
      file,
      JSON.stringify({ tokens: [{ token: 'tok-agent-a', role: 'agent', agentId: 'agent-a' }, { token: 'tok-agent-b', role: 'agent', agentId: 'agent-b' }] }),
    );
    authed = await startServer({ authFile: file });

    const { page } = await openPage(browser!);
    await page.goto(`${authed.http}/agent/agent-a?token=wrong`);
    await page.locator('.conn[data-state="refused"]').waitFor({ timeout: 10_000 });
    expect(await text(page, '.notice-error')).toContain('Sign-in needed');
    await screenshot(page, 'agent-refused');

    await page.goto(`${authed.http}/agent/agent-a?token=tok-agent-b`);
    await page.locator('.conn[data-state="refused"]').waitFor({ timeout: 10_000 });
    expect(await text(page, '.notice-error')).toContain('Not allowed');

    await page.goto(`${authed.http}/agent/agent-a?token=tok-agent-a`);
    await waitConnected(page);
    expect(page.url()).toBe(`${authed.http}/agent/agent-a`);
    expect(await page.evaluate(() => sessionStorage.getItem('earshot.token'))).toBe('tok-agent-a');
    // A reload keeps the token from sessionStorage.
    await page.reload();
    await waitConnected(page);
    expect(await page.locator('.notice-error').count()).toBe(0);
    await page.context().close();
  });
});
