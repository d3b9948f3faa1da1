/**
 * One call's captions: final lines in time order (deduplicated, so events and a REST catch-up can
 * both feed it) and the open partial line of each channel, which every partial replaces and a
 * final closes. Bounded, so a long call cannot grow the page without limit.
 */
import { Component } from 'preact';
import type { Channel, TranscriptEvent, WordTime } from './types.js';

export interface Line {
  key: string;
  channel: Channel;
  text: string;
  startMs: number;
  endMs: number;
  final: boolean;
  words?: WordTime[];
}

export interface Span {
  startMs: number;
  endMs: number;
}

export class Transcript {
  readonly finals: Line[] = [];
  readonly partial: Partial<Record<Channel, Line>> = {};
  private readonly keys = new Set<string>();
  /** Changes whenever what is shown changes (for cheap re-render checks). */
  version = 0;

  constructor(private readonly cap = 500) {}

  apply(e: TranscriptEvent): void {
    if (!e.final) {
      this.partial[e.channel] = { key: `p:${e.channel}`, channel: e.channel, text: e.text, startMs: e.startMs, endMs: e.endMs, final: false };
      this.version++;
      return;
    }
    delete this.partial[e.channel];
    this.addFinal(e.channel, e.text, e.startMs, e.endMs, e.words);
    this.version++;
  }

  addFinal(channel: Channel, text: string, startMs: number, endMs: number, words?: WordTime[]): void {
    if (!text.trim()) return;
    const key = `${channel}:${startMs}`;
    if (this.keys.has(key)) return;
    this.keys.add(key);
    const line: Line = { key, channel, text, startMs, endMs, final: true, ...(words?.length ? { words } : {}) };
    // Lines come nearly in order (two channels interleave): insert from the end.
    let i = this.finals.length;
    while (i > 0 && (this.finals[i - 1] as Line).startMs > startMs) i--;
    this.finals.splice(i, 0, line);
    while (this.finals.length > this.cap) {
      const dropped = this.finals.shift() as Line;
      this.keys.delete(dropped.key);
    }
    this.version++;
  }

  /** Finals, then the open partial lines in time order. */
  lines(): Line[] {
    const open = [this.partial.customer, this.partial.agent].filter((l): l is Line => l !== undefined).sort((a, b) => a.startMs - b.startMs);
    return open.length ? [...this.finals, ...open] : this.finals;
  }
}

const overlaps = (a: Span, b: Span): boolean => a.startMs < b.endMs && b.startMs < a.endMs;

function LineText(props: { line: Line; flagged: readonly Span[] }) {
  const { line, flagged } = props;
  const hits = line.channel === 'agent' ? flagged.filter((f) => overlaps(f, line)) : [];
  if (hits.length === 0) return <span class="text">{line.text}</span>;
  // Words mark exactly what was flagged, but only where they spell the line as shown.
  if (!line.words?.length || line.words.map((w) => w.word).join(' ') !== line.text.trim().replace(/\s+/g, ' ')) {
    return (
      <span class="text">
        <mark class="flagged">{line.text}</mark>
      </span>
    );
  }
  return (
    <span class="text">
      {line.words.map((w, i) => {
        const sep = i > 0 ? ' ' : '';
        return hits.some((f) => overlaps(f, w)) ? (
          <>
            {sep}
            <mark class="flagged">{w.word}</mark>
          </>
        ) : (
          sep + w.word
        );
      })}
    </span>
  );
}

interface ViewProps {
  transcript: Transcript;
  /** transcript.version when rendered: the view only re-renders when this or `flaggedKey` changes. */
  version: number;
  flagged: readonly Span[];
  flaggedKey: string;
  labels: Record<Channel, string>;
  empty: string;
  label: string;
}

/** The caption list; keeps itself scrolled to the newest line unless the reader scrolled up. */
export class TranscriptView extends Component<ViewProps> {
  private el: HTMLElement | null = null;
  private pinned = true;

  override shouldComponentUpdate(next: ViewProps): boolean {
    return next.version !== this.props.version || next.flaggedKey !== this.props.flaggedKey || next.transcript !== this.props.transcript;
  }

  private onScroll = (): void => {
    const el = this.el;
    if (el) this.pinned = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
  };

  override componentDidMount(): void {
    this.scrollToEnd();
  }

  override componentDidUpdate(prev: ViewProps): void {
    if (prev.transcript !== this.props.transcript) this.pinned = true;
    this.scrollToEnd();
  }

  private scrollToEnd(): void {
    if (this.el && this.pinned) this.el.scrollTop = this.el.scrollHeight;
  }

  override render() {
    const { transcript, labels, flagged } = this.props;
    const lines = transcript.lines();
    return (
      <div class="transcript" ref={(el) => {
          this.el = el;
        }} onScroll={this.onScroll} tabIndex={0} aria-label={this.props.label}>
        {lines.length === 0 ? (
          <p class="empty">{this.props.empty}</p>
        ) : (
          <ol>
            {lines.map((line) => (
              <li key={line.key} class={`line ch-${line.channel}${line.final ? '' : ' partial'}`} data-channel={line.channel}>
                <span class="speaker">{labels[line.channel]}</span>
                <LineText line={line} flagged={flagged} />
              </li>
            ))}
          </ol>
        )}
      </div>
    );
  }
}
