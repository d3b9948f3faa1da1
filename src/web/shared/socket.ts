/**
 * An event WebSocket that stays up: reconnects with exponential backoff and jitter when it
 * drops, reports its state for the page to show, and stops trying (until asked) when the server
 * refuses the token — a browser cannot see a refused upgrade's status, so a failed connect is
 * followed by a plain GET of the same path, which the server answers 401/403 before any upgrade.
 */
import { apiFetch, describeError, isRefusal, wsUrl } from './api.js';
import { parseEvent, type ServerEvent } from './types.js';

export type ConnState =
  | { kind: 'connecting'; attempt: number }
  | { kind: 'open'; since: number }
  | { kind: 'waiting'; attempt: number; retryAt: number }
  | { kind: 'refused'; message: string };

export interface SocketHandlers {
  onEvent(event: ServerEvent): void;
  onState(state: ConnState): void;
  /** Each time the socket opens (first time: reconnected = false); pages catch up from REST here. */
  onOpen?(reconnected: boolean): void;
}

const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;
/** A connection that lived this long was healthy: the next drop starts the backoff afresh. */
const HEALTHY_MS = 10_000;

export class EventSocket {
  private ws: WebSocket | null = null;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private openedAt = 0;
  private everOpened = false;
  private stopped = false;
  state: ConnState = { kind: 'connecting', attempt: 0 };

  constructor(
    private readonly path: string,
    private readonly handlers: SocketHandlers,
  ) {
    // Coming back online or to the tab: try now rather than at the end of a long backoff.
    addEventListener('online', () => this.retryNow());
    document.addEventListener('visibilitychange', () => {
      if (!document.hidden) this.retryNow();
    });
  }

  start(): void {
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.ws?.close(1000, 'page closed');
    this.ws = null;
  }

  /** Skip the wait (also after a refusal, e.g. once the user fixed the token). */
  retryNow(): void {
    if (this.stopped || this.state.kind === 'open' || this.state.kind === 'connecting') return;
    clearTimeout(this.timer);
    this.connect();
  }

  private setState(state: ConnState): void {
    this.state = state;
    this.handlers.onState(state);
  }

  private connect(): void {
    this.setState({ kind: 'connecting', attempt: this.attempt });
    let ws: WebSocket;
    try {
      ws = new WebSocket(wsUrl(this.path));
    } catch (err) {
      this.setState({ kind: 'refused', message: `Cannot open the event socket: ${(err as Error).message}` });
      return;
    }
    this.ws = ws;
    let opened = false;
    ws.onopen = () => {
      opened = true;
      this.openedAt = Date.now();
      this.setState({ kind: 'open', since: this.openedAt });
      const reconnected = this.everOpened;
      this.everOpened = true;
      this.handlers.onOpen?.(reconnected);
    };
    ws.onmessage = (msg: MessageEvent) => {
      if (typeof msg.data !== 'string') return;
      const event = parseEvent(msg.data);
      if (event) this.handlers.onEvent(event);
    };
    ws.onclose = () => {
      if (this.ws !== ws || this.stopped) return;
      this.ws = null;
      if (opened && Date.now() - this.openedAt >= HEALTHY_MS) this.attempt = 0;
      if (opened) this.schedule();
      else void this.probeThenSchedule();
    };
  }

  private async probeThenSchedule(): Promise<void> {
    try {
      await apiFetch(this.path);
    } catch (err) {
      if (isRefusal(err)) {
        this.setState({ kind: 'refused', message: describeError(err) });
        return;
      }
    }
    if (!this.stopped) this.schedule();
  }

  private schedule(): void {
    const base = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** this.attempt);
    const delay = Math.round(base * (0.75 + Math.random() * 0.5));
    this.attempt++;
    this.setState({ kind: 'waiting', attempt: this.attempt, retryAt: Date.now() + delay });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.connect(), delay);
  }
}
