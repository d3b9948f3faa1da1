/**
 * The collector's screen (/agent/:agentId): live captions of both sides of the current call, and
 * alerts that cannot be missed — a coloured banner announced to screen readers, a beep generated
 * in the page, the tab title, a desktop notification when the tab is hidden — each with why it is
 * a problem and a lawful way to say it. When all is well the screen stays quiet.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { describeError, getJson, initToken, isRefusal } from '../shared/api.js';
import { beep, enableSound, initSound, onSoundStateChange, soundState } from '../shared/beep.js';
import { categoryLabel, formatCallTime, formatClock, formatDuration, parseIsoMs } from '../shared/format.js';
import { renderScheduler } from '../shared/schedule.js';
import { EventSocket, type ConnState } from '../shared/socket.js';
import { Transcript, TranscriptView, type Span } from '../shared/transcript.js';
import type { AlertEvent, AlertRecord, CallDetail, CallRecord, Channel, Page, ServerEvent, Severity } from '../shared/types.js';
import { ConnectionBadge, ErrorNotice, Header, LagNotice, SeverityTag } from '../shared/ui.js';

/** How long a retracted alert stays on screen, struck through, before it goes. */
const RETRACTED_LINGER_MS = 4000;
/** Alerts found on a catch-up (page reload, reconnect) still get the banner if this recent. */
const CATCH_UP_BANNER_MS = 60_000;

interface AlertView {
  alertId: string;
  callId: string;
  category: string;
  severity: Severity;
  text: string;
  startMs: number;
  endMs: number;
  explanation: string;
  citation: string;
  suggestion: string;
  emittedAt: number;
  retractedAt: number | null;
  acknowledged: boolean;
}

interface CallState {
  callId: string;
  language: string;
  startedAt: number;
  ended: boolean;
  transcript: Transcript;
  alerts: Map<string, AlertView>;
  lag: Partial<Record<Channel, { backlogMs: number; error?: string }>>;
}

const agentId = decodeURIComponent(location.pathname.replace(/^\/agent\//, '').replace(/\/$/, ''));
const calls = new Map<string, CallState>();
let currentId: string | null = null;
let conn: ConnState = { kind: 'connecting', attempt: 0 };
let error: string | null = null;

function ensureCall(callId: string, language = '', startedAt = Date.now()): CallState {
  let call = calls.get(callId);
  if (!call) {
    call = { callId, language, startedAt, ended: false, transcript: new Transcript(), alerts: new Map(), lag: {} };
    calls.set(callId, call);
    // Keep the current call and the previous one; a collector has one call at a time.
    while (calls.size > 2) {
      const oldest = [...calls.values()].filter((c) => c.callId !== callId).sort((a, b) => a.startedAt - b.startedAt)[0];
      if (!oldest) break;
      calls.delete(oldest.callId);
    }
  }
  return call;
}

/** The live call most recently started; else the last one seen (its captions stay until the next). */
function pickCurrent(): void {
  const all = [...calls.values()];
  const live = all.filter((c) => !c.ended).sort((a, b) => b.startedAt - a.startedAt);
  currentId = live[0]?.callId ?? all.sort((a, b) => b.startedAt - a.startedAt)[0]?.callId ?? null;
}

function alertFromEvent(e: AlertEvent): AlertView {
  return {
    alertId: e.alertId,
    callId: e.callId,
    category: e.category,
    severity: e.severity === 'critical' ? 'critical' : 'warning',
    text: e.text,
    startMs: e.startMs,
    endMs: e.endMs,
    explanation: e.explanation ?? '',
    citation: e.citation ?? '',
    suggestion: e.suggestion ?? '',
    emittedAt: parseIsoMs(e.emittedAt, Date.now()),
    retractedAt: null,
    acknowledged: false,
  };
}

function alertFromRecord(r: AlertRecord, now: number): AlertView {
  return {
    ...r,
    explanation: r.explanation ?? '',
    citation: r.citation ?? '',
    suggestion: r.suggestion ?? '',
    acknowledged: r.retractedAt !== null || r.status !== 'open' || now - r.emittedAt > CATCH_UP_BANNER_MS,
  };
}

/** Alerts that take the banner: not acknowledged, and live or only just retracted; the most urgent first. */
function bannerAlerts(now: number): AlertView[] {
  const out: AlertView[] = [];
  for (const call of calls.values()) {
    for (const a of call.alerts.values()) {
      if (a.acknowledged) continue;
      if (a.retractedAt !== null && now - a.retractedAt > RETRACTED_LINGER_MS) continue;
      out.push(a);
    }
  }
  const rank = (a: AlertView): number => (a.retractedAt !== null ? 0 : a.severity === 'critical' ? 2 : 1);
  return out.sort((a, b) => rank(b) - rank(a) || b.emittedAt - a.emittedAt);
}

function updateTitle(): void {
  const active = bannerAlerts(Date.now()).filter((a) => a.retractedAt === null);
  const base = `earshot · ${agentId}`;
  document.title = active.length ? `⚠ ${categoryLabel(active[0]!.category).toUpperCase()} — ${base}` : base;
}

function notify(a: AlertView): void {
  if (!document.hidden || typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  try {
    new Notification(`earshot: ${a.severity} — ${categoryLabel(a.category)}`, {
      body: a.suggestion ? `${a.explanation}\nSay instead: ${a.suggestion}` : a.explanation,
      tag: a.alertId,
      requireInteraction: a.severity === 'critical',
    });
  } catch {
    // notifications unavailable here: the banner, sound and title still carry the alert
  }
}

let rerender: () => void = () => undefined;
const schedule = renderScheduler(() => rerender());

function onEvent(e: ServerEvent): void {
  switch (e.type) {
    case 'call.started': {
      const call = ensureCall(e.callId, e.language, parseIsoMs(e.startedAt, Date.now()));
      call.language = e.language;
      call.ended = false;
      // A new call starts with a clean screen: the last call's alerts stay in its history only.
      for (const other of calls.values()) {
        if (other !== call) for (const a of other.alerts.values()) a.acknowledged = true;
      }
      pickCurrent();
      updateTitle();
      break;
    }
    case 'call.ended': {
      const call = calls.get(e.callId);
      if (call) call.ended = true;
      pickCurrent();
      break;
    }
    case 'transcript':
      ensureCall(e.callId).transcript.apply(e);
      if (currentId === null) pickCurrent();
      break;
    case 'alert': {
      const call = ensureCall(e.callId);
      if (call.alerts.has(e.alertId)) break;
      const a = alertFromEvent(e);
      call.alerts.set(a.alertId, a);
      call.transcript.version++;
      beep(a.severity);
      notify(a);
      updateTitle();
      break;
    }
    case 'alert.retracted': {
      const call = calls.get(e.callId);
      const a = call?.alerts.get(e.alertId);
      if (!call || !a || a.retractedAt !== null) break;
      a.retractedAt = Date.now();
      call.transcript.version++;
      updateTitle();
      // Re-render once the struck-through banner has had its time on screen.
      setTimeout(schedule, RETRACTED_LINGER_MS + 50);
      break;
    }
    case 'asr.lag': {
      const call = ensureCall(e.callId);
      call.lag[e.channel] = e.behind ? { backlogMs: e.backlogMs } : undefined;
      break;
    }
    case 'asr.error':
      ensureCall(e.callId).lag[e.channel] = { backlogMs: 0, error: e.code };
      break;
    default:
      return;
  }
  schedule();
}

/** After a (re)connect: what the socket could not tell — lines and alerts of the live call so far. */
async function catchUp(reconnected: boolean): Promise<void> {
  try {
    const page = await getJson<Page<CallRecord>>(`/v1/calls?status=live&agentId=${encodeURIComponent(agentId)}&limit=5`);
    const now = Date.now();
    const live = new Set(page.items.map((c) => c.callId));
    if (reconnected) {
      // A call that ended while the socket was down never sent us its call.ended.
      for (const c of calls.values()) if (!c.ended && !live.has(c.callId) && now - c.startedAt > 5000) c.ended = true;
    }
    for (const item of page.items) {
      const call = ensureCall(item.callId, item.language, item.startedAt);
      const detail = await getJson<CallDetail>(`/v1/calls/${encodeURIComponent(item.callId)}`);
      for (const u of detail.utterances) call.transcript.addFinal(u.channel, u.text, u.startMs, u.endMs, u.words);
      for (const r of detail.alerts ?? []) {
        const known = call.alerts.get(r.alertId);
        if (!known) call.alerts.set(r.alertId, alertFromRecord(r, now));
        else if (r.retractedAt !== null && known.retractedAt === null) known.retractedAt = now;
      }
      call.transcript.version++;
    }
    error = null;
    pickCurrent();
    updateTitle();
  } catch (err) {
    if (isRefusal(err)) error = describeError(err);
  }
  schedule();
}

function acknowledge(alertId: string): void {
  for (const call of calls.values()) {
    const a = call.alerts.get(alertId);
    if (a) a.acknowledged = true;
  }
  updateTitle();
  schedule();
}

function AlertBanner(props: { alerts: AlertView[] }) {
  const top = props.alerts[0];
  if (!top) return null;
  const retracted = top.retractedAt !== null;
  const more = props.alerts.length - 1;
  return (
    <div class={`banner sev-${top.severity}${retracted ? ' retracted' : ''}`} data-alert-id={top.alertId} data-retracted={retracted ? 'true' : 'false'}>
      <div class="banner-head">
        <span class="banner-icon" aria-hidden="true">
          {retracted ? '✓' : '⚠'}
        </span>
        <h2>
          {retracted ? 'Withdrawn: ' : ''}
          <span class="banner-category">{categoryLabel(top.category)}</span>
        </h2>
        <SeverityTag severity={top.severity} />
        <span class="banner-time">{formatCallTime(top.startMs)} into the call</span>
      </div>
      {retracted ? (
        <p class="banner-retracted">This alert was withdrawn — on a second look what was said is fine. No action needed.</p>
      ) : null}
      <div class="banner-body">
        <p class="said">
          <span class="label">You said</span> <q class="quote">{top.text}</q>
        </p>
        {top.explanation && (
          <p class="why">
            <span class="label">Why it matters</span> {top.explanation}
          </p>
        )}
        {top.suggestion && (
          <p class="suggestion">
            <span class="label">Say instead</span> <q>{top.suggestion}</q>
          </p>
        )}
        {top.citation && <p class="citation">{top.citation}</p>}
      </div>
      <div class="banner-actions">
        <button type="button" class="ack" onClick={() => acknowledge(top.alertId)}>
          Got it <kbd>Esc</kbd>
        </button>
        {more > 0 && <span class="more">+{more} more below</span>}
      </div>
    </div>
  );
}

function SoundControl() {
  const [state, setState] = useState(soundState());
  useEffect(() => onSoundStateChange(() => setState(soundState())), []);
  if (state === 'on') return <span class="sound-on">Sound on</span>;
  if (state === 'unavailable') return <span class="sound-off">No sound in this browser</span>;
  return (
    <button type="button" class="sound-off" onClick={() => void enableSound().then(() => setState(soundState()))}>
      Turn on alert sound
    </button>
  );
}

function NotificationControl() {
  const [perm, setPerm] = useState(typeof Notification === 'undefined' ? 'denied' : Notification.permission);
  if (perm !== 'default') return null;
  return (
    <button type="button" class="link-button" onClick={() => void Notification.requestPermission().then(setPerm)}>
      Alert me in other windows
    </button>
  );
}

function AlertHistory(props: { call: CallState }) {
  const list = [...props.call.alerts.values()].sort((a, b) => b.emittedAt - a.emittedAt);
  return (
    <section class="history" aria-labelledby="history-h">
      <h2 id="history-h">This call's alerts</h2>
      {list.length === 0 ? (
        <p class="empty">None.</p>
      ) : (
        <ul>
          {list.map((a) => (
            <li key={a.alertId} class={`hist sev-${a.severity}${a.retractedAt !== null ? ' retracted' : ''}`} data-alert-id={a.alertId}>
              <span class="hist-time">{formatClock(a.emittedAt)}</span> <strong>{categoryLabel(a.category)}</strong>
              {a.retractedAt !== null && <span class="tag"> withdrawn</span>}
              <div class="hist-text">
                <q>{a.text}</q>
              </div>
              {a.suggestion && a.retractedAt === null && <div class="hist-suggestion">Say instead: {a.suggestion}</div>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const LABELS: Record<Channel, string> = { agent: 'You', customer: 'Customer' };

function App(props: { socket: EventSocket }) {
  const [, setTick] = useState(0);
  rerender = () => setTick((n) => n + 1);
  useEffect(() => {
    const clock = setInterval(() => setTick((n) => n + 1), 1000);
    const onKey = (ev: KeyboardEvent): void => {
      if (ev.key !== 'Escape') return;
      const top = bannerAlerts(Date.now())[0];
      if (top) acknowledge(top.alertId);
    };
    addEventListener('keydown', onKey);
    return () => {
      clearInterval(clock);
      removeEventListener('keydown', onKey);
    };
  }, []);
  const now = Date.now();
  const call = currentId ? calls.get(currentId) : undefined;
  const banner = bannerAlerts(now);
  const flaggedAlerts = call ? [...call.alerts.values()].filter((a) => a.retractedAt === null) : [];
  const flagged: Span[] = flaggedAlerts;
  const flaggedKey = flaggedAlerts.map((a) => a.alertId).join(',');
  return (
    <>
      <Header title="earshot" subtitle={`· Agent ${agentId}`}>
        <NotificationControl />
        <SoundControl />
        <ConnectionBadge state={conn} onRetry={() => props.socket.retryNow()} />
      </Header>
      {error && <ErrorNotice message={error} />}
      {conn.kind === 'refused' && <ErrorNotice message={conn.message} />}
      <div class="alert-zone">
        <div role="alert" aria-atomic="true" class="alert-live">
          <AlertBanner alerts={banner} />
        </div>
        {banner.length === 0 && (
          <div class={`quiet${call && !call.ended ? ' on-call' : ''}`} role="status">
            {call && !call.ended ? (
              <>
                <span aria-hidden="true">✓</span> All clear — nothing to act on
              </>
            ) : (
              'No call in progress. Captions and alerts appear here when your next call starts.'
            )}
          </div>
        )}
      </div>
      {call && (
        <div class="call-bar">
          <span class={`call-state${call.ended ? ' ended' : ''}`}>{call.ended ? 'Call ended' : 'On call'}</span>
          <span>
            Call <code>{call.callId}</code>
          </span>
          {!call.ended && <span class="duration">{formatDuration(now - call.startedAt)}</span>}
          {call.language && <span>Language: {call.language}</span>}
          <LagNotice lag={call.lag} />
        </div>
      )}
      <div class="agent-layout">
        <section class="captions" aria-labelledby="captions-h">
          <h2 id="captions-h" class="visually-hidden">
            Captions
          </h2>
          {call ? (
            <TranscriptView
              transcript={call.transcript}
              version={call.transcript.version}
              flagged={flagged}
              flaggedKey={flaggedKey}
              labels={LABELS}
              empty="Waiting for speech…"
              label="Live captions"
            />
          ) : (
            <div class="transcript">
              <p class="empty">No captions yet.</p>
            </div>
          )}
        </section>
        {call && <AlertHistory call={call} />}
      </div>
    </>
  );
}

function main(): void {
  initToken();
  initSound();
  const root = document.getElementById('app');
  if (!root) return;
  root.textContent = '';
  document.title = `earshot · ${agentId}`;
  const socket = new EventSocket(`/v1/agents/${encodeURIComponent(agentId)}/events`, {
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
