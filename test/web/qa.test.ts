/**
 * The QA page in Chromium: flagged segments listed and filtered, the clip loaded in <audio> with
 * the right duration, the words highlighted as playback moves, a verdict with a note that the
 * server keeps, and the CSV export.
 */
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { newCallId, startServer, type TestServer } from '../support/server.js';
import { closeAll, ensureWebBuilt, eventually, launchBrowser, openPage, screenshot, text } from './support.js';

let t: TestServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  await ensureWebBuilt();
  t = await startServer();
  browser = await launchBrowser();
});

afterAll(() => closeAll(browser, [t]));

/** A 16-bit PCM WAV: a tone on the agent (left) channel, silence on the customer's. */
function stereoWav(durationMs: number, sampleRate: number): Uint8Array {
  const frames = Math.round((durationMs * sampleRate) / 1000);
  const data = Buffer.alloc(frames * 4);
  for (let i = 0; i < frames; i++) data.writeInt16LE(Math.round(6000 * Math.sin((2 * Math.PI * 440 * i) / sampleRate)), i * 4);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(2, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 4, 28);
  header.writeUInt16LE(4, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return new Uint8Array(Buffer.concat([header, data]));
}

const SAID = 'if you do not pay a warrant will be issued for your arrest';
const CLIP = { startMs: 1000, endMs: 5000, durationMs: 4000 };

/** Word i of SAID on the call timeline: 300 ms apart from 1500 ms. */
function wordTimes(): { word: string; startMs: number; endMs: number }[] {
  return SAID.split(' ').map((word, i) => ({ word, startMs: 1500 + i * 280, endMs: 1500 + i * 280 + 260 }));
}

describe('QA page /qa', () => {
  test('review a flagged segment: clip, highlighted words, verdict with a note, CSV export', async () => {
    const s = t!;
    const { store } = s.server;
    const callId = newCallId('qa');
    await store.createCall({ callId, agentId: 'qa-agent', language: 'en', startedAt: Date.now() - 60_000 });
    const words = wordTimes();
    await store.addUtterance({ callId, channel: 'customer', text: 'i lost my job', startMs: 200, endMs: 1300, words: [
      { word: 'i', startMs: 200, endMs: 400 }, { word: 'lost', startMs: 420, endMs: 700 }, { word: 'my', startMs: 720, endMs: 900 }, { word: 'job', startMs: 920, endMs: 1300 },
    ] });
    await store.addUtterance({ callId, channel: 'agent', text: SAID, startMs: words[0]!.startMs, endMs: words.at(-1)!.endMs, words });
    const flagged = words.slice(6); // warrant … arrest
    const alertId = `${callId}-legal`;
    await store.addAlert({
      alertId, callId, agentId: 'qa-agent', category: 'false_legal', severity: 'critical', text: 'a warrant will be issued for your arrest',
      startMs: flagged[0]!.startMs, endMs: flagged.at(-1)!.endMs, rule: 'en.false_legal.arrest',
      explanation: 'Unpaid consumer debt is not a crime; threatening arrest is a false statement.', citation: 'FDCPA 15 USC 1692e(4)',
      suggestion: 'The creditor may consider its legal options.', emittedAt: Date.now() - 50_000,
    });
    await store.saveClip({ alertId, wav: stereoWav(CLIP.durationMs, 8000), ...CLIP, preRollMs: 1000, postRollMs: 1000, sampleRate: 8000, channels: 2 });
    const otherId = `${callId}-insult`;
    await store.addAlert({
      alertId: otherId, callId, agentId: 'qa-agent', category: 'insult', severity: 'warning', text: 'you deadbeat', startMs: 8000, endMs: 8600,
      rule: 'en.insult.name', explanation: 'Name-calling.', citation: 'FDCPA 1692d(2)', emittedAt: Date.now() - 40_000,
    });

    const { page, errors } = await openPage(browser!);
    await page.goto(`${s.http}/qa`);
    await page.locator(`tr[data-alert-id="${alertId}"]`).waitFor();
    expect(await page.locator('table.alerts tbody tr').count()).toBe(2);

    // Filter by category, then back.
    await page.selectOption('select[name="category"]', 'insult');
    await eventually(() => page.$$eval('table.alerts tbody tr', (rs) => rs.map((r) => r.getAttribute('data-alert-id'))), (ids) => ids.join() === otherId, 'only the insult');
    expect(page.url()).toContain('category=insult');
    await page.selectOption('select[name="category"]', '');
    await page.locator(`tr[data-alert-id="${alertId}"]`).waitFor();

    // Open it: the clip loads with the clip's duration.
    await page.locator(`tr[data-alert-id="${alertId}"] button.row-open`).click();
    const detail = page.locator(`.qa-detail[data-alert-id="${alertId}"]`);
    await detail.waitFor();
    expect(await detail.textContent()).toContain('The creditor may consider its legal options.');
    const duration = await page.waitForFunction(() => {
      const a = document.querySelector('audio');
      return a && a.readyState >= 1 && Number.isFinite(a.duration) ? a.duration : null;
    });
    expect(Math.abs((await duration.jsonValue())! * 1000 - CLIP.durationMs)).toBeLessThan(20);
    const marked = await page.$$eval('.clip-words .w.flagged', (ws) => ws.map((w) => w.textContent));
    expect(marked).toEqual(flagged.map((w) => w.word));

    // Highlighting follows the playback position: a seek, then playing on into the next words.
    const current = (): Promise<string | null> => page.evaluate(() => document.querySelector('.clip-words .w.current')?.textContent ?? null);
    const seekTo = (callMs: number): Promise<void> =>
      page.evaluate((sec) => {
        document.querySelector('audio')!.currentTime = sec;
      }, (callMs - CLIP.startMs) / 1000);
    const warrant = flagged[0]!;
    await seekTo(warrant.startMs + 100);
    await eventually(current, (w) => w === 'warrant', 'the word at the seek position highlighted');
    expect(await page.locator('.clip-words .w.current.flagged').count()).toBe(1);
    const pay = words[4]!;
    await seekTo(pay.startMs + 50);
    await eventually(current, (w) => w === 'pay', 'the earlier word highlighted after seeking back');
    await page.evaluate(() => document.querySelector('audio')!.play());
    const seen = new Set<string>();
    await eventually(
      async () => {
        const w = await current();
        if (w) seen.add(w);
        return seen;
      },
      (ws) => ws.has('warrant') && ws.has('issued'),
      'the highlight moving with playback',
      6000,
    );
    await page.evaluate(() => document.querySelector('audio')!.pause());
    const playedTo = await page.evaluate(() => document.querySelector('audio')!.currentTime);
    expect(playedTo).toBeGreaterThan((warrant.startMs - CLIP.startMs) / 1000);
    await screenshot(page, 'qa-playing');

    // The CSV export of what the filter shows (all statuses) holds the alert.
    await page.selectOption('select[name="status"]', 'all');
    await page.locator(`tr[data-alert-id="${alertId}"]`).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a:has-text("Export CSV")')]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toContain('alertId');
    expect(csv).toContain(alertId);
    expect(csv).toContain(otherId);

    // Confirm with a note: shown on the page, kept by the server.
    const note = 'Clear arrest threat; agent coached on 1692e(4).';
    await page.fill('#review-note', note);
    await page.click('button.confirm');
    await detail.locator('.reviews li[data-verdict="confirmed"]').waitFor();
    expect(await text(page, '.reviews li')).toContain(note);
    expect(await page.locator(`tr[data-alert-id="${alertId}"] .status`).textContent()).toBe('Confirmed');
    const res = await fetch(`${s.http}/v1/alerts/${encodeURIComponent(alertId)}`);
    const body = (await res.json()) as { status: string; reviews: { verdict: string; note: string }[] };
    expect(body.status).toBe('confirmed');
    expect(body.reviews).toEqual([expect.objectContaining({ verdict: 'confirmed', note })]);
    await screenshot(page, 'qa-confirmed');

    // k moves up the list (newest first) to the insult; an alert without a clip says so.
    await page.locator('#review-note').blur();
    await page.keyboard.press('k');
    await page.locator(`.qa-detail[data-alert-id="${otherId}"]`).waitFor();
    expect(await text(page, '.player .empty')).toContain('No audio clip');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
