/** Small pieces every page shows: header, connection state, notices, category and severity tags. */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { categoryLabel } from './format.js';
import type { ConnState } from './socket.js';

export function ConnectionBadge(props: { state: ConnState; onRetry: () => void }) {
  const { state } = props;
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (state.kind !== 'waiting') return;
    const id = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(id);
  }, [state]);
  let label: string;
  switch (state.kind) {
    case 'open':
      label = 'Connected';
      break;
    case 'connecting':
      label = state.attempt === 0 ? 'Connecting…' : 'Reconnecting…';
      break;
    case 'waiting':
      label = `Connection lost — retrying in ${Math.max(0, Math.ceil((state.retryAt - now) / 1000))} s`;
      break;
    case 'refused':
      label = 'Access refused';
      break;
  }
  return (
    <div class="conn" data-state={state.kind}>
      <span class="conn-dot" aria-hidden="true" />
      <span role="status" aria-live="polite">
        {label}
      </span>
      {(state.kind === 'waiting' || state.kind === 'refused') && (
        <button type="button" class="link-button" onClick={props.onRetry}>
          Retry now
        </button>
      )}
    </div>
  );
}

export function Header(props: { title: string; subtitle?: string; children?: ComponentChildren }) {
  return (
    <header class="top">
      <div class="brand">
        <span class="logo" aria-hidden="true">
          ◉
        </span>
        <h1>
          {props.title}
          {props.subtitle && <span class="subtitle"> {props.subtitle}</span>}
        </h1>
      </div>
      <div class="top-right">{props.children}</div>
    </header>
  );
}

/** A problem the user must read (refused token, failed request). */
export function ErrorNotice(props: { message: string; onDismiss?: () => void }) {
  return (
    <div class="notice notice-error" role="alert">
      <span>{props.message}</span>
      {props.onDismiss && (
        <button type="button" class="link-button" onClick={props.onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}

export function CategoryTag(props: { category: string }) {
  return <span class={`tag cat-${props.category}`}>{categoryLabel(props.category)}</span>;
}

export function SeverityTag(props: { severity: string }) {
  return <span class={`tag sev-${props.severity}`}>{props.severity === 'critical' ? 'Critical' : 'Warning'}</span>;
}

/** Speech recognition falling behind or stopping, said quietly (it is not the collector's fault). */
export function LagNotice(props: { lag: Record<string, { backlogMs: number; error?: string } | undefined> }) {
  const parts = Object.entries(props.lag)
    .filter((e): e is [string, { backlogMs: number; error?: string }] => e[1] !== undefined)
    .map(([channel, l]) =>
      l.error ? `${channel} captions stopped (${l.error})` : `${channel} captions ${(l.backlogMs / 1000).toFixed(1)} s behind`,
    );
  if (parts.length === 0) return null;
  return (
    <p class="lag" role="status">
      {parts.join(' · ')}
    </p>
  );
}
