/**
 * QA review (/qa): the flagged segments to review, filtered; each one's clip played with its
 * words highlighted as they are spoken and the flagged words marked; a verdict (confirm or
 * dismiss) with a note; the filtered list exported as CSV.
 */
import { Fragment, render } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { describeError, getJson, initToken, postJson, tokenUrl } from '../shared/api.js';
import { CATEGORIES, categoryLabel, formatCallTime, formatDateTime } from '../shared/format.js';
import type { AlertDetail, AlertRecord, Channel, Page, ReviewRecord, Verdict, WordTime } from '../shared/types.js';
import { CategoryTag, ErrorNotice, Header, SeverityTag } from '../shared/ui.js';

interface Filters {
  status: string;
  category: string;
  severity: string;
  agentId: string;
  /** YYYY-MM-DD (local), inclusive. */
  from: string;
  to: string;
}

const FILTER_KEYS: (keyof Filters)[] = ['status', 'category', 'severity', 'agentId', 'from', 'to'];
const PAGE_SIZE = 50;

function filtersFromUrl(): Filters {
  const q = new URLSearchParams(location.search);
  return {
    status: q.get('status') ?? 'open',
    category: q.get('category') ?? '',
    severity: q.get('severity') ?? '',
    agentId: q.get('agentId') ?? '',
    from: q.get('from') ?? '',
    to: q.get('to') ?? '',
  };
}

function dayStart(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime();
}

/** The API query for these filters (dates become epoch ms; `to` covers its whole day). */
function apiQuery(f: Filters): URLSearchParams {
  const q = new URLSearchParams();
  if (f.status && f.status !== 'all') q.set('status', f.status);
  if (f.category) q.set('category', f.category);
  if (f.severity) q.set('severity', f.severity);
  if (f.agentId.trim()) q.set('agentId', f.agentId.trim());
  const from = dayStart(f.from);
  if (from !== null) q.set('from', String(from));
  const to = dayStart(f.to);
  if (to !== null) q.set('to', String(to + 24 * 3600 * 1000));
  return q;
}

function syncUrl(f: Filters, alertId: string | null): void {
  const q = new URLSearchParams();
  for (const k of FILTER_KEYS) if (f[k] && !(k === 'status' && f[k] === 'open')) q.set(k, f[k]);
  const search = q.toString();
  history.replaceState(history.state, '', `${location.pathname}${search ? `?${search}` : ''}${alertId ? `#alert=${encodeURIComponent(alertId)}` : ''}`);
}

function statusLabel(status: string): string {
  return status === 'open' ? 'To review' : status === 'confirmed' ? 'Confirmed' : status === 'dismissed' ? 'Dismissed' : status;
}

function FilterBar(props: { filters: Filters; onChange: (f: Filters) => void; csvHref: string; total: number | null }) {
  const { filters, onChange } = props;
  const set = (k: keyof Filters) => (ev: Event) => onChange({ ...filters, [k]: (ev.currentTarget as HTMLInputElement | HTMLSelectElement).value });
  return (
    <form class="toolbar filters" onSubmit={(ev) => ev.preventDefault()} aria-label="Filter alerts">
      <label>
        Status{' '}
        <select name="status" value={filters.status} onChange={set('status')}>
          <option value="open">To review</option>
          <option value="confirmed">Confirmed</option>
          <option value="dismissed">Dismissed</option>
          <option value="all">All</option>
        </select>
      </label>
      <label>
        Category{' '}
        <select name="category" value={filters.category} onChange={set('category')}>
          <option value="">All</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {categoryLabel(c)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Severity{' '}
        <select name="severity" value={filters.severity} onChange={set('severity')}>
          <option value="">All</option>
          <option value="critical">Critical</option>
          <option value="warning">Warning</option>
        </select>
      </label>
      <label>
        Agent <input name="agentId" type="search" value={filters.agentId} onChange={set('agentId')} placeholder="agent id" size={12} />
      </label>
      <label>
        From <input name="from" type="date" value={filters.from} onChange={set('from')} />
      </label>
      <label>
        To <input name="to" type="date" value={filters.to} onChange={set('to')} />
      </label>
      <span class="summary">{props.total === null ? '' : `${props.total} ${props.total === 1 ? 'alert' : 'alerts'}`}</span>
      <a class="button" href={props.csvHref} download="earshot-alerts.csv">
        Export CSV
      </a>
    </form>
  );
}

function AlertList(props: { items: AlertRecord[]; selectedId: string | null; onSelect: (id: string) => void }) {
  return (
    <table class="alerts" aria-label="Flagged segments">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Agent</th>
          <th scope="col">Category</th>
          <th scope="col">What was said</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {props.items.map((a) => {
          const selected = a.alertId === props.selectedId;
          return (
            <tr
              key={a.alertId}
              data-alert-id={a.alertId}
              class={`row sev-${a.severity}${selected ? ' selected' : ''}${a.retractedAt !== null ? ' retracted' : ''}`}
              aria-current={selected ? 'true' : undefined}
              onClick={() => props.onSelect(a.alertId)}
            >
              <td class="when">{formatDateTime(a.emittedAt)}</td>
              <td>{a.agentId}</td>
              <td>
                <CategoryTag category={a.category} /> <SeverityTag severity={a.severity} />
              </td>
              <td class="said">
                <button
                  type="button"
                  class="row-open"
                  onClick={(ev) => {
                    ev.stopPropagation();
                    props.onSelect(a.alertId);
                  }}
                >
                  “{a.text}”
                </button>
                {!a.hasClip && <span class="no-clip"> (no clip)</span>}
              </td>
              <td>
                <span class={`status status-${a.status}`}>{statusLabel(a.status)}</span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

interface Run {
  channel: Channel;
  words: { w: WordTime; i: number }[];
}

/** Consecutive words of one speaker form a run (a line with a speaker label). */
function runsOf(words: (WordTime & { channel: Channel })[]): Run[] {
  const runs: Run[] = [];
  words.forEach((w, i) => {
    const last = runs[runs.length - 1];
    if (last && last.channel === w.channel) last.words.push({ w, i });
    else runs.push({ channel: w.channel, words: [{ w, i }] });
  });
  return runs;
}

/** The clip with its words: the word being heard is highlighted as playback moves, the flagged words marked. */
function ClipPlayer(props: { detail: AlertDetail }) {
  const { detail } = props;
  const clip = detail.clip;
  const audio = useRef<HTMLAudioElement>(null);
  const playhead = useRef<HTMLDivElement>(null);
  const [current, setCurrent] = useState(-1);
  const [loadError, setLoadError] = useState<string | null>(null);
  const words = useMemo(() => [...detail.words].sort((a, b) => a.startMs - b.startMs || (a.channel < b.channel ? -1 : 1)), [detail]);
  const runs = useMemo(() => runsOf(words), [words]);
  const flagged = (w: WordTime): boolean => w.startMs < detail.endMs && detail.startMs < w.endMs;

  const sync = useCallback(() => {
    const el = audio.current;
    if (!el || !clip) return;
    const t = el.currentTime * 1000 + clip.startMs;
    let idx = -1;
    for (let i = 0; i < words.length; i++) {
      const w = words[i] as WordTime;
      if (t >= w.startMs && t < w.endMs) {
        idx = i;
        break;
      }
    }
    setCurrent(idx);
    if (playhead.current) playhead.current.style.left = `${Math.min(100, (el.currentTime * 1000 * 100) / Math.max(1, clip.durationMs))}%`;
  }, [clip, words]);

  // Follow playback every frame while playing (timeupdate alone fires only ~4 times a second).
  useEffect(() => {
    const el = audio.current;
    if (!el) return;
    let raf = 0;
    const loop = (): void => {
      sync();
      if (!el.paused) raf = requestAnimationFrame(loop);
    };
    const onPlay = (): void => {
      cancelAnimationFrame(raf);
      raf = requestAnimationFrame(loop);
    };
    el.addEventListener('play', onPlay);
    el.addEventListener('timeupdate', sync);
    el.addEventListener('seeked', sync);
    el.addEventListener('loadedmetadata', sync);
    return () => {
      cancelAnimationFrame(raf);
      el.removeEventListener('play', onPlay);
      el.removeEventListener('timeupdate', sync);
      el.removeEventListener('seeked', sync);
      el.removeEventListener('loadedmetadata', sync);
    };
  }, [sync]);

  const seekTo = (callMs: number, play = true): void => {
    const el = audio.current;
    if (!el || !clip) return;
    el.currentTime = Math.max(0, (callMs - clip.startMs) / 1000);
    if (play) void el.play().catch(() => undefined);
  };

  if (!clip) {
    return (
      <div class="player">
        <p class="empty">No audio clip was saved for this alert.</p>
        <p class="quote-block">
          <q>{detail.text}</q>
        </p>
      </div>
    );
  }
  const pct = (ms: number): string => `${Math.max(0, Math.min(100, ((ms - clip.startMs) * 100) / Math.max(1, clip.durationMs)))}%`;
  return (
    <div class="player">
      <audio
        ref={audio}
        controls
        preload="auto"
        src={tokenUrl(`/v1/alerts/${encodeURIComponent(detail.alertId)}/clip.wav`)}
        onError={() => setLoadError('The clip could not be loaded.')}
        aria-label="Clip of the flagged segment"
      />
      {loadError && <ErrorNotice message={loadError} />}
      <div
        class="timeline"
        aria-hidden="true"
        onClick={(ev) => {
          const box = (ev.currentTarget as HTMLElement).getBoundingClientRect();
          seekTo(clip.startMs + ((ev.clientX - box.left) / box.width) * clip.durationMs, false);
        }}
      >
        <div class="timeline-flag" style={{ left: pct(detail.startMs), width: `calc(${pct(detail.endMs)} - ${pct(detail.startMs)})` }} />
        <div class="timeline-head" ref={playhead} />
      </div>
      <div class="player-actions">
        <button type="button" onClick={() => seekTo(detail.startMs - 1000)}>
          ▶ Play the flagged part <kbd>p</kbd>
        </button>
        <span class="clip-meta">
          clip {formatCallTime(clip.startMs)}–{formatCallTime(clip.endMs)} of the call · {(clip.durationMs / 1000).toFixed(1)} s
          {clip.channels === 2 ? ' · stereo: agent left, customer right' : ''}
        </span>
      </div>
      <div class="clip-words" aria-label="Words in the clip">
        {runs.length === 0 ? (
          <p class="empty">No transcript words in this clip.</p>
        ) : (
          runs.map((run) => (
            <p key={run.words[0]!.i} class={`run ch-${run.channel}`}>
              <span class="speaker">{run.channel === 'agent' ? 'Agent' : 'Customer'}</span>{' '}
              {run.words.map(({ w, i }) => (
                <Fragment key={i}>
                  <span
                    class={`w${flagged(w) ? ' flagged' : ''}${i === current ? ' current' : ''}`}
                    data-start-ms={w.startMs}
                    data-current={i === current ? 'true' : undefined}
                    onClick={() => seekTo(w.startMs)}
                  >
                    {w.word}
                  </span>{' '}
                </Fragment>
              ))}
            </p>
          ))
        )}
      </div>
    </div>
  );
}

function ReviewForm(props: { detail: AlertDetail; onReviewed: (r: ReviewRecord) => void }) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  useEffect(() => {
    setNote('');
    setMessage(null);
  }, [props.detail.alertId]);
  const submit = async (verdict: Verdict): Promise<void> => {
    setBusy(true);
    setMessage(null);
    try {
      const review = await postJson<ReviewRecord>(`/v1/alerts/${encodeURIComponent(props.detail.alertId)}/review`, { verdict, note });
      setMessage({ error: false, text: `${verdict === 'confirmed' ? 'Confirmed' : 'Dismissed'} — saved.` });
      setNote('');
      props.onReviewed(review);
    } catch (err) {
      setMessage({ error: true, text: describeError(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="review" onSubmit={(ev) => ev.preventDefault()} aria-labelledby="review-h">
      <h3 id="review-h">Your verdict</h3>
      <label for="review-note">Note</label>
      <textarea id="review-note" name="note" rows={3} value={note} onInput={(ev) => setNote((ev.currentTarget as HTMLTextAreaElement).value)} placeholder="What you heard, why you decided" />
      <div class="review-actions">
        <button type="button" class="confirm" disabled={busy} onClick={() => void submit('confirmed')}>
          Confirm violation
        </button>
        <button type="button" class="dismiss" disabled={busy} onClick={() => void submit('dismissed')}>
          Dismiss (false alarm)
        </button>
      </div>
      <p role="status" class={message?.error ? 'msg error' : 'msg'}>
        {message?.text ?? ''}
      </p>
    </form>
  );
}

function Detail(props: { alertId: string; onReviewed: (alertId: string, r: ReviewRecord) => void }) {
  const [detail, setDetail] = useState<AlertDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setDetail(await getJson<AlertDetail>(`/v1/alerts/${encodeURIComponent(props.alertId)}`));
      setError(null);
    } catch (err) {
      setError(describeError(err));
    }
  }, [props.alertId]);
  useEffect(() => {
    setDetail(null);
    void load();
  }, [load]);
  if (error) return <ErrorNotice message={error} />;
  if (!detail || detail.alertId !== props.alertId) return <p class="empty">Loading…</p>;
  return (
    <section class="detail qa-detail" aria-labelledby="qa-detail-h" data-alert-id={detail.alertId}>
      <h2 id="qa-detail-h">
        <CategoryTag category={detail.category} /> <SeverityTag severity={detail.severity} />{' '}
        <span class={`status status-${detail.status}`}>{statusLabel(detail.status)}</span>
        {detail.retractedAt !== null && <span class="tag"> withdrawn live</span>}
      </h2>
      <p class="quote-block">
        <q>{detail.text}</q>
      </p>
      <dl class="facts">
        <dt>Why</dt>
        <dd>{detail.explanation || '—'}</dd>
        {detail.suggestion && (
          <>
            <dt>Lawful rephrasing</dt>
            <dd>{detail.suggestion}</dd>
          </>
        )}
        <dt>Rule</dt>
        <dd>
          {detail.rule} {detail.citation && <span class="citation">({detail.citation})</span>}
        </dd>
        <dt>Call</dt>
        <dd>
          <code>{detail.callId}</code>, agent {detail.agentId}, at {formatCallTime(detail.startMs)} · {formatDateTime(detail.emittedAt)}
        </dd>
      </dl>
      <ClipPlayer detail={detail} />
      <ReviewForm
        detail={detail}
        onReviewed={(r) => {
          props.onReviewed(detail.alertId, r);
          void load();
        }}
      />
      {detail.reviews.length > 0 && (
        <section class="reviews" aria-labelledby="reviews-h">
          <h3 id="reviews-h">Reviews</h3>
          <ul>
            {detail.reviews.map((r) => (
              <li key={r.reviewId} data-verdict={r.verdict}>
                <strong>{r.verdict === 'confirmed' ? 'Confirmed' : 'Dismissed'}</strong> by {r.reviewer}, {formatDateTime(r.at)}
                {r.note && <div class="note">{r.note}</div>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}

function App() {
  const [filters, setFilters] = useState<Filters>(filtersFromUrl);
  const [items, setItems] = useState<AlertRecord[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(() => {
    const m = /^#alert=(.+)$/.exec(location.hash);
    return m?.[1] ? decodeURIComponent(m[1]) : null;
  });
  const query = apiQuery(filters).toString();

  const load = useCallback(
    async (after?: string) => {
      setLoading(true);
      try {
        const q = new URLSearchParams(query);
        q.set('limit', String(PAGE_SIZE));
        if (after) q.set('cursor', after);
        const page = await getJson<Page<AlertRecord>>(`/v1/alerts?${q.toString()}`);
        setItems((prev) => (after ? [...prev, ...page.items.filter((a) => !prev.some((p) => p.alertId === a.alertId))] : page.items));
        setTotal(page.total);
        setCursor(page.nextCursor);
        setError(null);
      } catch (err) {
        setError(describeError(err));
      } finally {
        setLoading(false);
      }
    },
    [query],
  );

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => syncUrl(filters, selectedId), [filters, selectedId]);

  // j / k move through the list, p plays the flagged part; never while typing.
  useEffect(() => {
    const onKey = (ev: KeyboardEvent): void => {
      const t = ev.target as HTMLElement | null;
      if (ev.ctrlKey || ev.metaKey || ev.altKey || (t && /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      if (ev.key === 'j' || ev.key === 'k') {
        const i = items.findIndex((a) => a.alertId === selectedId);
        const next = items[ev.key === 'j' ? Math.min(items.length - 1, i + 1) : Math.max(0, i - 1)];
        if (next) setSelectedId(next.alertId);
      } else if (ev.key === 'p') {
        document.querySelector<HTMLButtonElement>('.player-actions button')?.click();
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [items, selectedId]);

  const onReviewed = (alertId: string, r: ReviewRecord): void => {
    setItems((prev) => prev.map((a) => (a.alertId === alertId ? { ...a, status: r.verdict } : a)));
  };

  return (
    <>
      <Header title="earshot" subtitle="· QA review">
        <span class="keys">
          Keys: <kbd>j</kbd>/<kbd>k</kbd> next/previous · <kbd>p</kbd> play flagged part
        </span>
      </Header>
      <FilterBar filters={filters} onChange={setFilters} total={total} csvHref={tokenUrl(`/v1/alerts.csv${query ? `?${query}` : ''}`)} />
      {error && <ErrorNotice message={error} />}
      <div class={`qa-layout${selectedId ? ' with-detail' : ''}`}>
        <div class="table-wrap">
          <AlertList items={items} selectedId={selectedId} onSelect={setSelectedId} />
          {!loading && items.length === 0 && !error && <p class="empty">Nothing to review with these filters.</p>}
          {loading && <p class="empty">Loading…</p>}
          {cursor && !loading && (
            <button type="button" class="more" onClick={() => void load(cursor)}>
              Load more
            </button>
          )}
        </div>
        {selectedId && <Detail key={selectedId} alertId={selectedId} onReviewed={onReviewed} />}
      </div>
    </>
  );
}

function main(): void {
  initToken();
  const root = document.getElementById('app');
  if (!root) return;
  root.textContent = '';
  render(<App />, root);
}

main();
