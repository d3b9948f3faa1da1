/**
 * The supervisor's dashboard (/live): every live call with its agent, duration, risk score and
 * latest alert, riskiest first; a category filter; a call opened beside the list to follow its
 * transcript live. Built to keep up with many calls: events only update a model, the page
 * renders at most once per animation frame, a row re-renders only when its call's row data
 * changed, and transcripts of calls nobody is looking at never touch the DOM.
 */
import { Component, render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { describeError, getJson, initToken, isRefusal, tokenUrl } from '../shared/api.js';
import { CATEGORIES, categoryLabel, formatAgo, formatClock, formatDuration, parseIsoMs } from '../shared/format.js';
import { renderScheduler } from '../shared/schedule.js';
import { EventSocket, type ConnState } from '../shared/socket.js';
import { Transcript, TranscriptView, type Span } from '../shared/transcript.js';
import type { AlertRecord, CallDetail, CallRecord, Channel, Page, ServerEvent, Severity } from '../shared/types.js';
import { CategoryTag, ConnectionBadge, ErrorNotice, Header, LagNotice, SeverityTag } from '../shared/ui.js';

/** An ended call stays in the list (greyed) this long, so a supervisor sees it go. */
const ENDED_LINGER_MS = 15_000;
/**
 * The list is re-sorted and redrawn at most this often for risk scores and call starts/ends
 * (which arrive dozens of times a second with many calls; rows jumping at 60 Hz help nobody).
 * Alerts, retractions and the open call's captions are drawn at the next frame.
 */
const LIST_INTERVAL_MS = 250;

interface LiveAlert {
  alertId: string;
  category: string;
  severity: Severity;
  text: string;
  startMs: number;
  endMs: number;
  explanation: string;
  suggestion: string;
  emittedAt: number;
  retracted: boolean;
}

interface LiveCall {
  callId: string;
  agentId: string;
  language: string;
  startedAt: number;
  endedAt: number | null;
  risk: number | null;
  /** In the order they were emitted. */
  alerts: LiveAlert[];
  transcript: Transcript;
  lag: Partial<Record<Channel, { backlogMs: number; error?: string }>>;
  /** Bumped when anything the list shows changes. */
  rowVersion: number;
}

const calls = new Map<string, LiveCall>();
let conn: ConnState = { kind: 'connecting', attempt: 0 };
let error: string | null = null;
let selectedId: string | null = null;
let announcement = '';

function ensureCall(callId: string, agentId: string, language = '', startedAt = Date.now()): LiveCall {
  let call = calls.get(callId);
  if (!call) {
    call = {
      callId,
      agentId,
      language,
      startedAt,
      endedAt: null,
      risk: null,
      alerts: [],
      transcript: new Transcript(300),
      lag: {},
      rowVersion: 0,
    };
    calls.set(callId, call);
  }
  return call;
}

function latestAlert(call: LiveCall): LiveAlert | undefined {
  for (let i = call.alerts.length - 1; i >= 0; i--) {
    const a = call.alerts[i] as LiveAlert;
    if (!a.retracted) return a;
  }
  return undefined;
}

function addAlert(call: LiveCall, a: LiveAlert): boolean {
  if (call.alerts.some((x) => x.alertId === a.alertId)) return false;
  let i = call.alerts.length;
  while (i > 0 && (call.alerts[i - 1] as LiveAlert).emittedAt > a.emittedAt) i--;
  call.alerts.splice(i, 0, a);
  call.rowVersion++;
  call.transcript.version++;
  return true;
}

let rerender: () => void = () => undefined;
const schedule = renderScheduler(() => rerender());

let listStale = true;
let listUrgent = false;
let lastListAt = 0;
let listTimer: ReturnType<typeof setTimeout> | undefined;

/** The list has changed: redraw it at the next frame (urgent) or within LIST_INTERVAL_MS. */
function touchList(urgent: boolean): void {
  listStale = true;
  if (urgent) {
    listUrgent = true;
    schedule();
    return;
  }
  if (listTimer !== undefined) return;
  listTimer = setTimeout(() => {
    listTimer = undefined;
    schedule();
  }, Math.max(0, LIST_INTERVAL_MS - (Date.now() - lastListAt)));
}

function onEvent(e: ServerEvent): void {
  switch (e.type) {
    case 'call.started': {
      const call = ensureCall(e.callId, e.agentId, e.language, parseIsoMs(e.startedAt, Date.now()));
      call.language = e.language;
      call.endedAt = null;
      call.rowVersion++;
      touchList(false);
      return;
    }
    case 'call.ended': {
      const call = calls.get(e.callId);
      if (!call || call.endedAt !== null) return;
      call.endedAt = Date.now();
      call.rowVersion++;
      setTimeout(() => touchList(false), ENDED_LINGER_MS + 50);
      touchList(false);
      return;
    }
    case 'transcript': {
      const call = ensureCall(e.callId, e.agentId);
      call.transcript.apply(e);
      // Transcripts only show for the open call: the others must not cost a render.
      if (e.callId !== selectedId) return;
      scheduleTranscript();
      return;
    }
    case 'alert': {
      const call = ensureCall(e.callId, e.agentId);
      const added = addAlert(call, {
        alertId: e.alertId,
        category: e.category,
        severity: e.severity === 'critical' ? 'critical' : 'warning',
        text: e.text,
        startMs: e.startMs,
        endMs: e.endMs,
        explanation: e.explanation ?? '',
        suggestion: e.suggestion ?? '',
        emittedAt: parseIsoMs(e.emittedAt, Date.now()),
        retracted: false,
      });
      if (added && e.severity === 'critical') announcement = `Critical alert, agent ${e.agentId}: ${categoryLabel(e.category)}`;
      if (added) touchList(true);
      return;
    }
    case 'alert.retracted': {
      const call = calls.get(e.callId);
      const a = call?.alerts.find((x) => x.alertId === e.alertId);
      if (!call || !a || a.retracted) return;
      a.retracted = true;
      call.rowVersion++;
      call.transcript.version++;
      touchList(true);
      return;
    }
    case 'call.risk': {
      const call = ensureCall(e.callId, e.agentId);
      const score = Math.max(0, Math.min(100, Math.round(e.score)));
      if (call.risk === score) return;
      call.risk = score;
      call.rowVersion++;
      touchList(false);
      return;
    }
    case 'asr.lag':
    case 'asr.error': {
      const call = ensureCall(e.callId, e.agentId);
      call.lag[e.channel] = e.type === 'asr.error' ? { backlogMs: 0, error: e.code } : e.behind ? { backlogMs: e.backlogMs } : undefined;
      call.rowVersion++;
      touchList(false);
      return;
    }
    default:
      return;
  }
}

function alertFromRecord(r: AlertRecord): LiveAlert {
  return {
    alertId: r.alertId,
    category: r.category,
    severity: r.severity,
    text: r.text,
    startMs: r.startMs,
    endMs: r.endMs,
    explanation: r.explanation ?? '',
    suggestion: r.suggestion ?? '',
    emittedAt: r.emittedAt,
    retracted: r.retractedAt !== null,
  };
}

/** After a (re)connect: the live calls and their alerts from REST (what the socket could not replay). */
async function catchUp(reconnected: boolean): Promise<void> {
  try {
    const page = await getJson<Page<CallRecord>>('/v1/calls?status=live&limit=500');
    const now = Date.now();
    const live = new Set(page.items.map((c) => c.callId));
    if (reconnected) {
      for (const c of calls.values()) {
        if (c.endedAt === null && !live.has(c.callId) && now - c.startedAt > 5000) {
          c.endedAt = now;
          c.rowVersion++;
        }
      }
    }
    for (const item of page.items) {
      const call = ensureCall(item.callId, item.agentId, item.language, item.startedAt);
      // A call first seen through a transcript got "now" as its start: the server knows better.
      call.startedAt = item.startedAt;
      call.rowVersion++;
    }
    error = null;
    if (page.items.length > 0) {
      const from = Math.min(...page.items.map((c) => c.startedAt));
      try {
        const alerts = await getJson<Page<AlertRecord>>(`/v1/alerts?from=${from}&limit=500`);
        for (const r of alerts.items) {
          const call = calls.get(r.callId);
          if (call) addAlert(call, alertFromRecord(r));
        }
      } catch (err) {
        if (isRefusal(err)) throw err;
        // no alert listing on this server: alerts still arrive live
      }
    }
    if (selectedId) void loadDetail(selectedId);
  } catch (err) {
    if (isRefusal(err)) error = describeError(err);
  }
  touchList(true);
}

/** Backfills an opened call with what was said before this page saw it. */
async function loadDetail(callId: string): Promise<void> {
  try {
    const detail = await getJson<CallDetail>(`/v1/calls/${encodeURIComponent(callId)}`);
    const call = ensureCall(detail.callId, detail.agentId, detail.language, detail.startedAt);
    if (detail.endedAt !== null && call.endedAt === null) call.endedAt = detail.endedAt;
    for (const u of detail.utterances) call.transcript.addFinal(u.channel, u.text, u.startMs, u.endMs, u.words);
    for (const r of detail.alerts ?? []) {
      if (!addAlert(call, alertFromRecord(r)) && r.retractedAt !== null) {
        const a = call.alerts.find((x) => x.alertId === r.alertId);
        if (a) a.retracted = true;
      }
    }
    call.rowVersion++;
    call.transcript.version++;
  } catch (err) {
    if (isRefusal(err)) error = describeError(err);
    // a call this page saw only through events may not be stored yet: live events still fill it
  }
  touchList(true);
}

function select(callId: string | null): void {
  if (callId === selectedId) return;
  selectedId = callId;
  const hash = callId ? `#call=${encodeURIComponent(callId)}` : '';
  history.replaceState(history.state, '', location.pathname + location.search + hash);
  if (callId) void loadDetail(callId);
  touchList(true);
}

function riskLevel(score: number | null): string {
  if (score === null) return 'none';
  return score >= 70 ? 'high' : score >= 40 ? 'medium' : 'low';
}

interface RowProps {
  call: LiveCall;
  version: number;
  nowSec: number;
  selected: boolean;
}

class Row extends Component<RowProps> {
  override shouldComponentUpdate(next: RowProps): boolean {
    return next.version !== this.props.version || next.nowSec !== this.props.nowSec || next.selected !== this.props.selected || next.call !== this.props.call;
  }

  override render() {
    const { call, selected, nowSec } = this.props;
    const latest = latestAlert(call);
    const open = call.alerts.filter((a) => !a.retracted).length;
    const ended = call.endedAt !== null;
    const lagging = Object.values(call.lag).some((l) => l !== undefined);
    return (
      <tr
        class={`row risk-${riskLevel(call.risk)}${selected ? ' selected' : ''}${ended ? ' ended' : ''}`}
        data-call-id={call.callId}
        aria-current={selected ? 'true' : undefined}
        onClick={() => select(call.callId)}
      >
        <td class="risk">
          <span class="risk-score">{call.risk === null ? '—' : call.risk}</span>
          <meter min={0} max={100} low={40} high={70} optimum={0} value={call.risk ?? 0} aria-label={`Risk ${call.risk ?? 'unknown'}`} />
        </td>
        <td class="agent">
          <button type="button" class="row-open" aria-label={`Open call of agent ${call.agentId}`} onClick={(ev) => {
              ev.stopPropagation();
              select(call.callId);
            }}>
            {call.agentId}
          </button>
          {lagging && (
            <span class="lag-dot" title="captions are behind">
              lag
            </span>
          )}
        </td>
        <td class="duration">{ended ? 'ended' : formatDuration(nowSec * 1000 - call.startedAt)}</td>
        <td class="latest">
          {latest ? (
            <>
              <CategoryTag category={latest.category} /> <SeverityTag severity={latest.severity} />{' '}
              <span class="latest-text">“{latest.text}”</span> <span class="ago">{formatAgo(latest.emittedAt, nowSec * 1000)}</span>
            </>
          ) : (
            <span class="none">—</span>
          )}
        </td>
        <td class="count">{open}</td>
      </tr>
    );
  }
}

const LABELS: Record<Channel, string> = { agent: 'Agent', customer: 'Customer' };

let transcriptRerender: () => void = () => undefined;
/** The open call's captions change ten times a second: they redraw alone, not the whole page. */
const scheduleTranscript = renderScheduler(() => transcriptRerender());

class LiveTranscript extends Component<{ call: LiveCall }> {
  private readonly redraw = (): void => this.forceUpdate();

  override componentDidMount(): void {
    transcriptRerender = this.redraw;
  }

  override componentWillUnmount(): void {
    if (transcriptRerender === this.redraw) transcriptRerender = () => undefined;
  }

  override render() {
    const { call } = this.props;
    const flaggedAlerts = call.alerts.filter((a) => !a.retracted);
    const flagged: Span[] = flaggedAlerts;
    return (
      <TranscriptView
        transcript={call.transcript}
        version={call.transcript.version}
        flagged={flagged}
        flaggedKey={flaggedAlerts.map((a) => a.alertId).join(',')}
        labels={LABELS}
        empty="Waiting for speech…"
        label="Live transcript"
      />
    );
  }
}

function Detail(props: { call: LiveCall; now: number }) {
  const { call, now } = props;
  const alerts = [...call.alerts].reverse();
  return (
    <section class="detail" aria-labelledby="detail-h" data-call-id={call.callId}>
      <div class="detail-head">
        <h2 id="detail-h">
          Agent {call.agentId} <span class="subtitle">call {call.callId}</span>
        </h2>
        <button type="button" class="close" onClick={() => select(null)} aria-label="Close call (Esc)">
          ✕
        </button>
      </div>
      <p class="detail-meta">
        {call.endedAt !== null ? 'Ended' : `Live ${formatDuration(now - call.startedAt)}`} · risk {call.risk ?? '—'}
        {call.language && ` · ${call.language}`} ·{' '}
        <a href={tokenUrl(`/agent/${encodeURIComponent(call.agentId)}`)} target="_blank" rel="noopener">
          collector view
        </a>
      </p>
      <LagNotice lag={call.lag} />
      {alerts.length > 0 && (
        <ul class="detail-alerts" aria-label="Alerts on this call">
          {alerts.map((a) => (
            <li key={a.alertId} class={`sev-${a.severity}${a.retracted ? ' retracted' : ''}`} data-alert-id={a.alertId}>
              <span class="hist-time">{formatClock(a.emittedAt)}</span> <CategoryTag category={a.category} /> <q>{a.text}</q>
              {a.retracted && <span class="tag"> withdrawn</span>}
              {!a.retracted && a.explanation && <div class="why">{a.explanation}</div>}
            </li>
          ))}
        </ul>
      )}
      <LiveTranscript call={call} />
    </section>
  );
}

function sortCalls(list: LiveCall[]): LiveCall[] {
  return list.sort(
    (a, b) =>
      (b.risk ?? -1) - (a.risk ?? -1) ||
      (latestAlert(b)?.emittedAt ?? 0) - (latestAlert(a)?.emittedAt ?? 0) ||
      a.startedAt - b.startedAt ||
      (a.callId < b.callId ? -1 : 1),
  );
}

function App(props: { socket: EventSocket }) {
  const [, setTick] = useState(0);
  const [category, setCategory] = useState('');
  const [agentQuery, setAgentQuery] = useState('');
  // The list as last drawn: rows keep this order and version until the next list redraw.
  const listRef = useRef<{ filterKey: string | null; rows: { call: LiveCall; version: number }[] }>({ filterKey: null, rows: [] });
  rerender = () => setTick((n) => n + 1);
  useEffect(() => {
    const clock = setInterval(schedule, 1000);
    const onKey = (ev: KeyboardEvent): void => {
      if (ev.key === 'Escape' && selectedId) select(null);
    };
    addEventListener('keydown', onKey);
    return () => {
      clearInterval(clock);
      removeEventListener('keydown', onKey);
    };
  }, []);
  const now = Date.now();
  const nowSec = Math.floor(now / 1000);
  const filterKey = `${category}\u0000${agentQuery}`;
  const list = listRef.current;
  if (list.filterKey !== filterKey || (listStale && (listUrgent || now - lastListAt >= LIST_INTERVAL_MS))) {
    for (const c of calls.values()) {
      if (c.endedAt !== null && now - c.endedAt > ENDED_LINGER_MS && c.callId !== selectedId) calls.delete(c.callId);
    }
    const q = agentQuery.trim().toLowerCase();
    const shown = sortCalls(
      [...calls.values()].filter(
        (c) => (!category || c.alerts.some((a) => !a.retracted && a.category === category)) && (!q || c.agentId.toLowerCase().includes(q)),
      ),
    );
    listRef.current = { filterKey, rows: shown.map((call) => ({ call, version: call.rowVersion })) };
    listStale = false;
    listUrgent = false;
    lastListAt = now;
  } else if (listStale) {
    touchList(false);
  }
  const rows = listRef.current.rows;
  const all = [...calls.values()];
  const live = all.filter((c) => c.endedAt === null);
  const withAlerts = live.filter((c) => latestAlert(c) !== undefined).length;
  const selected = selectedId ? calls.get(selectedId) : undefined;
  return (
    <>
      <Header title="earshot" subtitle="· Live calls">
        <ConnectionBadge state={conn} onRetry={() => props.socket.retryNow()} />
      </Header>
      {error && <ErrorNotice message={error} />}
      {conn.kind === 'refused' && <ErrorNotice message={conn.message} />}
      <p class="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <div class="toolbar">
        <span class="summary" data-live-count={live.length}>
          <strong>{live.length}</strong> live {live.length === 1 ? 'call' : 'calls'} · <strong>{withAlerts}</strong> with alerts
        </span>
        <label>
          Category{' '}
          <select value={category} onChange={(ev) => setCategory((ev.currentTarget as HTMLSelectElement).value)} name="category">
            <option value="">All categories</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {categoryLabel(c)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Agent{' '}
          <input type="search" value={agentQuery} onInput={(ev) => setAgentQuery((ev.currentTarget as HTMLInputElement).value)} name="agent" placeholder="filter" />
        </label>
      </div>
      <div class={`live-layout${selected ? ' with-detail' : ''}`}>
        <div class="table-wrap">
          <table class="calls" aria-label="Live calls, highest risk first">
            <colgroup>
              <col class="col-risk" />
              <col class="col-agent" />
              <col class="col-duration" />
              <col />
              <col class="col-count" />
            </colgroup>
            <thead>
              <tr>
                <th scope="col" aria-sort="descending">
                  Risk
                </th>
                <th scope="col">Agent</th>
                <th scope="col">Duration</th>
                <th scope="col">Latest alert</th>
                <th scope="col">Alerts</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ call, version }) => (
                <Row key={call.callId} call={call} version={version} nowSec={nowSec} selected={call.callId === selectedId} />
              ))}
            </tbody>
          </table>
          {rows.length === 0 && (
            <p class="empty">{all.length === 0 ? 'No live calls right now.' : 'No call matches the filter.'}</p>
          )}
        </div>
        {selected && <Detail call={selected} now={now} />}
      </div>
    </>
  );
}

function main(): void {
  initToken();
  const root = document.getElementById('app');
  if (!root) return;
  root.textContent = '';
  const m = /^#call=(.+)$/.exec(location.hash);
  if (m?.[1]) selectedId = decodeURIComponent(m[1]);
  const socket = new EventSocket('/v1/live', {
    onEvent,
    onState: (s) => {
      conn = s;
      schedule();
    },
    onOpen: (reconnected) => void catchUp(reconnected),
  });
  render(<App socket={socket} />, root);
  socket.start();
}

main();
