/**
 * Real-browser tests of the pages: Debian's Chromium driven by playwright-core against a real
 * server (test/support/server.ts). The pages are built from src/web first, so a test always
 * runs the current sources.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildWeb } from '../../scripts/build-web.js';
import type { CallEvent } from '../../src/events/types.js';
import { repoRoot } from '../../src/paths.js';
import type { TestServer } from '../support/server.js';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // A collector's page beeps before anyone clicks it (in a real browser the page offers a button).
  '--autoplay-policy=no-user-gesture-required',
];

export const ARTIFACTS = join(repoRoot, 'test-artifacts', 'web');

let built: Promise<unknown> | undefined;

/** Builds src/web into dist/web once per test process (the server serves dist/web). */
export function ensureWebBuilt(): Promise<unknown> {
  return (built ??= buildWeb());
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

export interface TestPage {
  page: Page;
  /** Uncaught exceptions and console errors of the page. */
  errors: string[];
}

/**
 * A fresh browser context (its own sessionStorage) and page. Counts the tones the page starts
 * (window.__beeps), without changing what the page does.
 */
export async function openPage(browser: Browser): Promise<TestPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, acceptDownloads: true });
  await context.addInitScript(`
    window.__beeps = 0;
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function (...args) { window.__beeps++; return start.apply(this, args); };
  `);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    // A refused WebSocket or request is logged by Chromium itself; the tests check the page's own message.
    if (msg.type() === 'error' && !/WebSocket connection|Failed to load resource/.test(msg.text())) errors.push(`console: ${msg.text()}`);
  });
  return { page, errors };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Waits for the page's connection badge to say the event socket is open. */
export async function waitConnected(page: Page, timeout = 10_000): Promise<void> {
  await page.locator('.conn[data-state="open"]').waitFor({ timeout });
}

export function publish(t: TestServer, event: CallEvent): void {
  t.server.bus.publish(event);
}

export async function text(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).first().textContent()) ?? '';
}

/** The data-call-id of each row of the live table, top to bottom. */
export function rowOrder(page: Page): Promise<string[]> {
  return page.$$eval('tr.row', (rows) => rows.map((r) => r.getAttribute('data-call-id') ?? ''));
}

/** Polls `read` until `ok` holds (the page renders on animation frames). */
export async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!ok(last)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 50));
    last = await read();
  }
  return last;
}

/** Closes what exists, ignoring what failed to start: afterAll must never leave Chromium behind. */
export async function closeAll(browser: Browser | undefined, servers: (TestServer | undefined)[]): Promise<void> {
  await browser?.close().catch(() => undefined);
  for (const s of servers) await s?.close().catch(() => undefined);
}
