// `earshot classify`: JSONL in, JSONL out (design.md § Command line). Each input line is
// answered as soon as it arrives; lines sharing a callId are one conversation, in order,
// so right-party state carries from line to line; a bad line gets an error object.
import { createInterface } from 'node:readline';
import { loadDetector, type Conversation, type DetectInput, type Detector } from '../detect/index.js';
import { isLanguage } from '../detect/types.js';

/** Calls remembered at once; the least recently used is forgotten beyond this. */
const MAX_CALLS = 10_000;

export type ClassifyErrorCode =
  | 'ERR_JSON'
  | 'ERR_NOT_OBJECT'
  | 'ERR_TEXT'
  | 'ERR_LANG'
  | 'ERR_SPEAKER'
  | 'ERR_RIGHT_PARTY'
  | 'ERR_CALL_ID'
  | 'ERR_INTERNAL';

interface ErrorLine { id?: unknown; error: { code: ClassifyErrorCode; message: string } }

class LineError extends Error {
  constructor(readonly code: ClassifyErrorCode, message: string) {
    super(message);
  }
}

function idOf(obj: Record<string, unknown>): unknown {
  const id = obj.id;
  return typeof id === 'string' || typeof id === 'number' ? id : undefined;
}

/** Validate one parsed line into detector input (throws LineError). */
export function parseLine(obj: unknown): { input: DetectInput; callId?: string } {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) throw new LineError('ERR_NOT_OBJECT', 'each line must be a JSON object');
  const o = obj as Record<string, unknown>;
  if (typeof o.text !== 'string') throw new LineError('ERR_TEXT', '"text" must be a string');
  const input: DetectInput = { text: o.text };
  if (o.lang !== undefined && o.lang !== null && o.lang !== 'auto') {
    if (!isLanguage(o.lang)) throw new LineError('ERR_LANG', '"lang" must be one of en, es, zh (or absent)');
    input.lang = o.lang;
  }
  if (o.speaker !== undefined && o.speaker !== null) {
    if (o.speaker !== 'agent' && o.speaker !== 'customer') throw new LineError('ERR_SPEAKER', '"speaker" must be "agent" or "customer"');
    input.speaker = o.speaker;
  }
  if (o.rightParty !== undefined) {
    if (o.rightParty !== null && typeof o.rightParty !== 'boolean') throw new LineError('ERR_RIGHT_PARTY', '"rightParty" must be true, false or null');
    input.rightParty = o.rightParty;
  }
  let callId: string | undefined;
  if (o.callId !== undefined && o.callId !== null) {
    if (typeof o.callId !== 'string' && typeof o.callId !== 'number') throw new LineError('ERR_CALL_ID', '"callId" must be a string or number');
    callId = String(o.callId);
  }
  return { input, callId };
}

export class ClassifySession {
  private readonly calls = new Map<string, Conversation>();
  constructor(private readonly detector: Detector) {}

  /** Answer one raw input line (never throws). */
  answer(line: string): Record<string, unknown> | ErrorLine {
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch {
      return { error: { code: 'ERR_JSON', message: 'line is not valid JSON' } };
    }
    const id = typeof obj === 'object' && obj !== null && !Array.isArray(obj) ? idOf(obj as Record<string, unknown>) : undefined;
    try {
      const { input, callId } = parseLine(obj);
      const result = callId === undefined ? this.detector.classify(input) : this.conversation(callId).observe(input);
      const out: Record<string, unknown> = {};
      if (id !== undefined) out.id = id;
      out.labels = result.labels;
      out.findings = result.findings;
      return out;
    } catch (err) {
      const e = err instanceof LineError ? err : new LineError('ERR_INTERNAL', err instanceof Error ? err.message : String(err));
      const out: ErrorLine = { error: { code: e.code, message: e.message } };
      if (id !== undefined) out.id = id;
      return out;
    }
  }

  private conversation(callId: string): Conversation {
    let c = this.calls.get(callId);
    if (c) {
      this.calls.delete(callId); // refresh recency
    } else {
      c = this.detector.conversation();
      if (this.calls.size >= MAX_CALLS) {
        const oldest = this.calls.keys().next().value;
        if (oldest !== undefined) this.calls.delete(oldest);
      }
    }
    this.calls.set(callId, c);
    return c;
  }
}

/** Stream JSONL from input to output; resolves when input ends. Blank lines are skipped. */
export async function runClassify(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, detector?: Detector): Promise<void> {
  const session = new ClassifySession(detector ?? (await loadDetector()));
  const rl = createInterface({ input, crlfDelay: Infinity, terminal: false });
  for await (const raw of rl) {
    const line = raw.replace(/^\uFEFF/, '');
    if (line.trim().length === 0) continue;
    const answer = session.answer(line);
    if (!output.write(JSON.stringify(answer) + '\n')) {
      await new Promise<void>((resolve) => output.once('drain', () => resolve()));
    }
  }
}
