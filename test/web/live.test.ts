/**
 * The supervisor's dashboard in Chromium: live calls sorted by risk, the category filter,
 * retractions, ended calls, and an opened call following its transcript live.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AlertEvent } from '../../src/events/types.js';
import { newCallId, startServer, type TestServer } from '../support/server.js';
import { closeAll, ensureWebBuilt, eventually, launchBrowser, openPage, publish, rowOrder, screenshot, text, waitConnected } from './support.js';

let t: TestServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  await ensureWebBuilt();
  t = await startServer();
  browser = await launchBrowser();
});

afterAll(() => closeAll(browser, [t]));

function alert(callId: string, agentId: string, n: number, category: AlertEvent['category'], text: string): AlertEvent {
  return {
    type: 'alert', alertId: `${callId}-${n}`, callId, agentId, category, severity: category === 'threat' ? 'critical' : 'warning', text,
    startMs: 1000 * n, endMs: 1000 * n + 800, rule: `en.${category}.x`, explanation: `why ${category}`, citation: 'FDCPA',
    emittedAt: new Date().toISOString(),
  };
}

describe('supervisor page /live', () => {
  test('calls sorted by risk, filtered by category; an opened call follows its transcript live', async () => {
    const s = t!;
    const { page, errors } = await openPage(browser!);
    await page.goto(`${s.http}/live`);
    await waitConnected(page);
    expect(await text(page, '.empty')).toContain('No live calls');

    const [c1, c2, c3] = [newCallId('live-1'), newCallId('live-2'), newCallId('live-3')];
    const agents: Record<string, string> = { [c1]: 'ana', [c2]: 'bo', [c3]: 'cy' };
    for (const callId of [c1, c2, c3]) {
      publish(s, { type: 'call.started', callId, agentId: agents[callId]!, language: 'en', startedAt: new Date(Date.now() - 65_000).toISOString() });
    }
    publish(s, { type: 'call.risk', callId: c1, agentId: 'ana', score: 20 });
    publish(s, { type: 'call.risk', callId: c2, agentId: 'bo', score: 80 });
    publish(s, { type: 'call.risk', callId: c3, agentId: 'cy', score: 50 });
    publish(s, alert(c2, 'bo', 1, 'threat', 'you better watch your back'));
    publish(s, alert(c3, 'cy', 1, 'insult', 'you deadbeat'));

    await eventually(() => rowOrder(page), (o) => o.join() === [c2, c3, c1].join(), 'rows sorted by risk');
    const row2 = page.locator(`tr[data-call-id="${c2}"]`);
    expect(await row2.locator('td.agent').textContent()).toContain('bo');
    expect(await row2.locator('td.risk').textContent()).toContain('80');
    expect(await row2.locator('td.latest').textContent()).toContain('Threat');
    expect(await row2.locator('td.latest').textContent()).toContain('you better watch your back');
    expect(await row2.locator('td.duration').textContent()).toMatch(/^1:\d\d$/);
    expect(await page.locator('.summary').getAttribute('data-live-count')).toBe('3');

    // A new risk score re-sorts.
    publish(s, { type: 'call.risk', callId: c1, agentId: 'ana', score: 95 });
    await eventually(() => rowOrder(page), (o) => o.join() === [c1, c2, c3].join(), 'rows re-sorted by the new risk');
    await screenshot(page, 'live-sorted');

    // The category filter keeps the calls with a (standing) alert of that category.
    await page.selectOption('select[name="category"]', 'insult');
    await eventually(() => rowOrder(page), (o) => o.join() === c3, 'only the insult call');
    await page.selectOption('select[name="category"]', 'threat');
    await eventually(() => rowOrder(page), (o) => o.join() === c2, 'only the threat call');
    await page.selectOption('select[name="category"]', '');
    await eventually(() => rowOrder(page), (o) => o.length === 3, 'all calls again');

    // Open a call (keyboard: the agent's button), then follow its transcript as it comes.
    await page.locator(`tr[data-call-id="${c2}"] button.row-open`).focus();
    await page.keyboard.press('Enter');
    const detail = page.locator(`.detail[data-call-id="${c2}"]`);
    await detail.waitFor();
    expect(await page.locator(`tr[data-call-id="${c2}"]`).getAttribute('aria-current')).toBe('true');
    expect(await detail.locator('.detail-alerts').textContent()).toContain('you better watch your back');
    publish(s, { type: 'transcript', callId: c2, agentId: 'bo', channel: 'customer', final: false, text: 'why are you', startMs: 5000, endMs: 5600 });
    await detail.locator('.line.partial.ch-customer', { hasText: 'why are you' }).waitFor();
    publish(s, { type: 'transcript', callId: c2, agentId: 'bo', channel: 'customer', final: true, text: 'why are you threatening me', startMs: 5000, endMs: 6400 });
    publish(s, { type: 'transcript', callId: c1, agentId: 'ana', channel: 'agent', final: true, text: 'words of another call', startMs: 0, endMs: 900 });
    publish(s, { type: 'transcript', callId: c2, agentId: 'bo', channel: 'agent', final: true, text: 'i am only explaining your options', startMs: 6600, endMs: 8000 });
    await detail.locator('.line.ch-agent', { hasText: 'i am only explaining your options' }).waitFor();
    expect(await detail.locator('.line.ch-customer:not(.partial)').textContent()).toContain('why are you threatening me');
    expect(await detail.locator('.line.partial').count()).toBe(0);
    expect(await detail.textContent()).not.toContain('words of another call');
    expect(page.url()).toContain(`#call=${c2}`);
    await screenshot(page, 'live-detail');

    // A retraction takes the alert off the row and strikes it in the open call.
    publish(s, { type: 'alert.retracted', alertId: `${c2}-1`, callId: c2, agentId: 'bo' });
    await detail.locator(`.detail-alerts li.retracted[data-alert-id="${c2}-1"]`).waitFor();
    await eventually(() => page.locator(`tr[data-call-id="${c2}"] td.latest`).textContent(), (v) => v === '—', 'no standing alert on the row');
    await page.selectOption('select[name="category"]', 'threat');
    await eventually(() => rowOrder(page), (o) => o.length === 0, 'no threat call left');
    await page.selectOption('select[name="category"]', '');

    // Ended calls are greyed out, then leave the list.
    publish(s, { type: 'call.ended', callId: c3, agentId: 'cy' });
    await page.locator(`tr.ended[data-call-id="${c3}"]`).waitFor();
    expect(await page.locator(`tr[data-call-id="${c3}"] td.duration`).textContent()).toBe('ended');

    // Esc closes the open call.
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('a page opened mid-call lists the live calls with their alerts from the server', async () => {
    const s = t!;
    const callId = newCallId('live-mid');
    publish(s, { type: 'call.started', callId, agentId: 'dee', language: 'es', startedAt: new Date().toISOString() });
    publish(s, alert(callId, 'dee', 1, 'false_legal', 'la policía va a ir a su casa'));
    publish(s, { type: 'transcript', callId, agentId: 'dee', channel: 'agent', final: true, text: 'buenos días', startMs: 0, endMs: 800, words: [] });
    // The archive writes asynchronously: wait until the server lists the call and its alert.
    await eventually(
      async () => (await (await fetch(`${s.http}/v1/alerts?callId=${callId}`)).json()) as { total: number },
      (b) => b.total === 1,
      'the alert stored',
    );
    const { page, errors } = await openPage(browser!);
    await page.goto(`${s.http}/live#call=${encodeURIComponent(callId)}`);
    await waitConnected(page);
    const row = page.locator(`tr[data-call-id="${callId}"]`);
    await row.waitFor();
    await eventually(() => row.locator('td.latest').textContent(), (v) => (v ?? '').includes('False legal claim'), 'the stored alert on the row');
    await page.locator(`.detail[data-call-id="${callId}"] .line`, { hasText: 'buenos días' }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
