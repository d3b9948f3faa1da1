/** Labels and time formatting shared by the pages. */
export const CATEGORIES = ['threat', 'insult', 'false_legal', 'third_party_disclosure', 'tone'] as const;

const CATEGORY_LABELS: Record<string, string> = {
  threat: 'Threat',
  insult: 'Insult',
  false_legal: 'False legal claim',
  third_party_disclosure: 'Third-party disclosure',
  tone: 'Tone',
};

export function categoryLabel(category: string): string {
  return CATEGORY_LABELS[category] ?? category.replace(/_/g, ' ');
}

/** 0:07, 12:34, 1:02:03 */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Wall-clock time of day, e.g. 14:03:09. */
export function formatClock(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}

export function formatDateTime(epochMs: number): string {
  const d = new Date(epochMs);
  return `${d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })} ${formatClock(epochMs)}`;
}

/** "3 s ago", "4 min ago" */
export function formatAgo(epochMs: number, now: number): string {
  const s = Math.max(0, Math.round((now - epochMs) / 1000));
  if (s < 60) return `${s} s ago`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  return `${Math.round(m / 60)} h ago`;
}

/** A position on the call's audio timeline, e.g. 1:23.4. */
export function formatCallTime(ms: number): string {
  const tenths = Math.floor((Math.max(0, ms) % 1000) / 100);
  return `${formatDuration(ms)}.${tenths}`;
}

export function parseIsoMs(iso: string | undefined, fallback: number): number {
  const t = iso ? Date.parse(iso) : Number.NaN;
  return Number.isFinite(t) ? t : fallback;
}
