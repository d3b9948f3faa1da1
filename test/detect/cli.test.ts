// earshot classify: JSONL in -> JSONL out, streaming, one answer per line, never a crash.
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { runClassify } from '../../src/cli/classify.js';
import { loadDetector, type Detector } from '../../src/detect/index.js';

let det: Detector;
beforeAll(async () => {
  det = await loadDetector();
});

function collect(out: PassThrough): { lines: () => Array<Record<string, unknown>>; next: () => Promise<Record<string, unknown>> } {
  let buf = '';
  const parsed: Array<Record<string, unknown>> = [];
  const waiters: Array<(v: Record<string, unknown>) => void> = [];
  let taken = 0;
  out.on('data', (chunk: Buffer) => {
    buf += chunk.toString('utf8');
    let i: number;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      parsed.push(JSON.parse(line) as Record<string, unknown>);
      const w = waiters.shift();
      if (w) w(parsed[taken++] as Record<string, unknown>);
    }
  });
  return {
    lines: () => parsed,
    next: () => (taken < parsed.length ? Promise.resolve(parsed[taken++] as Record<string, unknown>) : new Promise((r) => waiters.push(r))),
  };
}

async function runAll(input: string): Promise<Array<Record<string, unknown>>> {
  const inp = new PassThrough();
  const out = new PassThrough();
  const c = collect(out);
  const done = runClassify(inp, out, det);
  inp.end(input);
  await done;
  return c.lines();
}

describe('earshot classify', () => {
  it('answers one line per input line, in order, with id, labels and findings', async () => {
    const lines = await runAll([
      JSON.stringify({ id: 'a', text: 'You are going to jail tomorrow.', speaker: 'agent', rightParty: true }),
      JSON.stringify({ id: 'b', text: 'Thank you, your payment went through.', speaker: 'agent', rightParty: true }),
      JSON.stringify({ id: 7, text: 'Fuck you, you clown.', speaker: 'customer' }),
    ].join('\n') + '\n');
    expect(lines.map((l) => l.id)).toEqual(['a', 'b', 7]);
    expect(lines[0]!.labels).toContain('false_legal');
    expect((lines[0]!.findings as unknown[]).length).toBeGreaterThan(0);
    expect(lines[1]!.labels).toEqual([]);
    expect(lines[2]!.labels).toEqual([]);
    expect(Object.keys(lines[1]!).sort()).toEqual(['findings', 'id', 'labels']);
  });

  it('answers bad lines with an error object and keeps going', async () => {
    const lines = await runAll([
      '{not json',
      JSON.stringify([1, 2]),
      JSON.stringify({ id: 'no-text' }),
      JSON.stringify({ id: 'lang', text: 'hi', lang: 'fr' }),
      JSON.stringify({ id: 'spk', text: 'hi', speaker: 'robot' }),
      JSON.stringify({ id: 'rp', text: 'hi', rightParty: 'yes' }),
      JSON.stringify({ id: 'ok', text: 'Have a nice day.' }),
    ].join('\n'));
    expect(lines).toHaveLength(7);
    expect(lines.map((l) => (l.error as { code?: string } | undefined)?.code)).toEqual([
      'ERR_JSON', 'ERR_NOT_OBJECT', 'ERR_TEXT', 'ERR_LANG', 'ERR_SPEAKER', 'ERR_RIGHT_PARTY', undefined,
    ]);
    expect(lines[2]!.id).toBe('no-text');
    expect(lines[6]!.labels).toEqual([]);
  });

  it('streams: answers a line before the input ends', async () => {
    const inp = new PassThrough();
    const out = new PassThrough();
    const c = collect(out);
    const done = runClassify(inp, out, det);
    inp.write(JSON.stringify({ id: 'first', text: 'you idiot', speaker: 'agent' }) + '\n');
    const first = await c.next();
    expect(first.id).toBe('first');
    expect(first.labels).toContain('insult');
    inp.write(JSON.stringify({ id: 'second', text: 'ok' }) + '\n');
    expect((await c.next()).id).toBe('second');
    inp.end();
    await done;
  });

  it('treats lines sharing a callId as one conversation and infers the right party', async () => {
    const disclosure = 'He owes eight hundred dollars on the Capital Crest loan.';
    const lines = await runAll([
      { id: 1, callId: 'c1', speaker: 'agent', text: 'Hi, may I speak with John Smith?' },
      { id: 2, callId: 'c1', speaker: 'customer', text: "He's not here, this is his wife." },
      { id: 3, callId: 'c1', speaker: 'agent', text: disclosure },
      { id: 4, callId: 'c2', speaker: 'agent', text: 'Am I speaking with John Smith?' },
      { id: 5, callId: 'c2', speaker: 'customer', text: 'Yes, speaking.' },
      { id: 6, callId: 'c2', speaker: 'agent', text: 'You owe eight hundred dollars on the Capital Crest loan.' },
      { id: 7, callId: 'c1', speaker: 'agent', text: disclosure, rightParty: true },
    ].map((o) => JSON.stringify(o)).join('\n'));
    const byId = new Map(lines.map((l) => [l.id, l]));
    expect(byId.get(3)!.labels).toContain('third_party_disclosure');
    expect(byId.get(6)!.labels).not.toContain('third_party_disclosure');
    // explicit rightParty wins over what was inferred
    expect(byId.get(7)!.labels).not.toContain('third_party_disclosure');
  });

  it('survives hostile lines', async () => {
    const lines = await runAll([
      JSON.stringify({ id: 'big', text: 'a '.repeat(500_000) }),
      JSON.stringify({ id: 'sur', text: '\uD800 idiot' }),
      '\u0000\u0001',
      '',
      '   ',
      JSON.stringify({ id: 'end', text: '' }),
    ].join('\n'));
    expect(lines.map((l) => l.id ?? (l.error as { code: string }).code)).toEqual(['big', 'sur', 'ERR_JSON', 'end']);
  });
});
