/** Alerts as CSV (RFC 4180) for QA's export: one row per alert, times as ISO dates. */
import type { AlertRecord } from '../store/index.js';

const COLUMNS = [
  'alertId', 'callId', 'agentId', 'category', 'severity', 'status', 'emittedAt', 'retractedAt',
  'startMs', 'endMs', 'text', 'rule', 'citation', 'explanation', 'suggestion',
] as const;

function cell(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value);
  // A leading =, +, - or @ would run as a formula in a spreadsheet (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function alertsCsv(alerts: readonly AlertRecord[]): string {
  const lines = [COLUMNS.join(',')];
  for (const a of alerts) {
    const row: Record<(typeof COLUMNS)[number], unknown> = {
      ...a,
      emittedAt: new Date(a.emittedAt).toISOString(),
      retractedAt: a.retractedAt === null ? '' : new Date(a.retractedAt).toISOString(),
    };
    lines.push(COLUMNS.map((c) => cell(row[c])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
