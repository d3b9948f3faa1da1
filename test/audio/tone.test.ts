/**
 * The tone meter on real recorded speech (../shared/audio, see its SOURCES.md, and Debian's
 * pocketsphinx-testdata LibriVox clips): raised voice against the agent's own baseline, talking
 * over the customer, fast speech from word times; cool-downs, chunking, and false alarms over
 * every real clip.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FrameLevelMeter, LevelHistogram, NoiseFloorActivity, TalkState } from '../../src/audio/loudness.js';
import { countRateUnits, SpeechRateWindow } from '../../src/audio/tone-rate.js';
import { ToneMeter, type ToneFinding, type ToneLanguage, type ToneMeterConfig, type ToneWord } from '../../src/audio/tone.js';
import {
  concat,
  firstChannel,
  LIBRIVOX_DIR,
  librivoxClips,
  loadWav,
  mandarinClips,
  soxConvert,
  spanishCommandClips,
  spanishVoxforgeClips,
  telephoneWav,
  type Clip,
} from '../support/audio.js';

const RATE = 16000;
const HAVE_LIBRIVOX = existsSync(LIBRIVOX_DIR);

/** A real clip as mono 16-bit PCM: 16 kHz wideband, or 8 kHz mu-law decoded (telephone). */
function speech(path: string, telephone = false): Int16Array {
  return firstChannel(loadWav(telephone ? telephoneWav(path) : soxConvert(path, ['-r', String(RATE), '-c', '1', '-b', '16', '-e', 'signed-integer'])));
}

/** The same, leading and trailing silence trimmed by sox (so the clip starts and ends with speech). */
function trimmed(path: string): Int16Array {
  return firstChannel(
    loadWav(
      soxConvert(path, ['-r', String(RATE), '-c', '1', '-b', '16', '-e', 'signed-integer'], ['silence', '1', '0.05', '1%', 'reverse', 'silence', '1', '0.05', '1%', 'reverse']),
    ),
  );
}

const msToSamples = (ms: number, rate = RATE): number => Math.round((ms * rate) / 1000);

/** Low steady line noise (deterministic), as a phone line has between words. */
function lineNoise(ms: number, rate = RATE, dbfs = -62, seed = 1): Int16Array {
  const out = new Int16Array(msToSamples(ms, rate));
  const amp = 32768 * 10 ** (dbfs / 20) * Math.sqrt(3);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < out.length; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = Math.round((((s >>> 0) / 4294967296) * 2 - 1) * amp);
  }
  return out;
}

/** A copy with `db` of gain (clipped like a real converter), over [fromMs, toMs) or everywhere. */
function gain(pcm: Int16Array, db: number, fromMs = 0, toMs = Infinity, rate = RATE): Int16Array {
  const out = Int16Array.from(pcm);
  const g = 10 ** (db / 20);
  const end = Math.min(pcm.length, toMs === Infinity ? pcm.length : msToSamples(toMs, rate));
  for (let i = msToSamples(fromMs, rate); i < end; i++) out[i] = Math.max(-32768, Math.min(32767, Math.round(pcm[i]! * g)));
  return out;
}

/** Mix `clip` into `track` starting at `atMs` (track grown with noise if needed). */
function place(track: Int16Array, clip: Int16Array, atMs: number, rate = RATE): Int16Array {
  const at = msToSamples(atMs, rate);
  const out = track.length >= at + clip.length ? Int16Array.from(track) : concat(track, lineNoise(((at + clip.length - track.length) * 1000) / rate, rate, -62, 7));
  for (let i = 0; i < clip.length; i++) out[at + i] = Math.max(-32768, Math.min(32767, out[at + i]! + clip[i]!));
  return out;
}

/** How many samples channel `channel` sends next (0: nothing this round), given every channel's position. */
type Chunker = (channel: number, step: number, offsets: readonly number[]) => number;
const every20ms: Chunker = () => msToSamples(20);

/**
 * Feed channels to a meter the way a call session would: each channel in its own chunk sizes,
 * alternating between channels; returns every finding (checked against onFinding too).
 */
function run(channels: Int16Array[], config: Partial<ToneMeterConfig> = {}, chunk: Chunker = every20ms, words: ToneWord[][] = []): ToneFinding[] {
  const called: ToneFinding[] = [];
  const meter = new ToneMeter({ sampleRateHz: RATE, roles: ['agent', 'customer'].slice(0, channels.length) as ('agent' | 'customer')[], ...config, onFinding: (f) => called.push(f) });
  const returned: ToneFinding[] = [];
  const offsets = channels.map(() => 0);
  let step = 0;
  const pending = [...words];
  while (offsets.some((o, i) => o < channels[i]!.length)) {
    if (step > 10_000_000) throw new Error('chunker sends nothing');
    for (let c = 0; c < channels.length; c++) {
      const pcm = channels[c]!;
      if (offsets[c]! >= pcm.length) continue;
      const n = Math.max(0, chunk(c, step, offsets));
      if (n === 0) continue;
      returned.push(...meter.push(c, pcm.subarray(offsets[c]!, offsets[c]! + n)));
      offsets[c]! += n;
    }
    // Finals arrive once the audio they cover has been pushed.
    const agentMs = (offsets[0]! * 1000) / (config.sampleRateHz ?? RATE);
    while (pending.length && pending[0]!.at(-1)!.endMs <= agentMs) returned.push(...meter.observeWords('agent', pending.shift()!));
    step++;
  }
  for (const w of pending) returned.push(...meter.observeWords('agent', w));
  returned.push(...meter.finish());
  expect(called).toEqual(returned);
  return returned;
}

const ofKind = (fs: ToneFinding[], kind: ToneFinding['kind']): ToneFinding[] => fs.filter((f) => f.kind === kind);

/** The ten VoxForge sentences of one speaker, back to back with a short pause: ~110 s of one agent. */
function voxforgeCall(telephone = false): Int16Array {
  const rate = telephone ? 8000 : RATE;
  return concat(...spanishVoxforgeClips().flatMap((c) => [speech(c.path, telephone), lineNoise(600, rate, -62, c.id.length)]));
}

describe('building blocks', () => {
  it('frames land on the channel timeline whatever the chunk sizes', () => {
    const pcm = speech(spanishVoxforgeClips()[0]!.path);
    const whole: number[] = [];
    new FrameLevelMeter(RATE).push(pcm, (db) => whole.push(db));
    const pieces: number[] = [];
    const m = new FrameLevelMeter(RATE);
    for (let o = 0, k = 0; o < pcm.length; k++) {
      const n = [1, 7, 333, 4096, 160, 2][k % 6]!;
      m.push(pcm.subarray(o, o + n), (db, i) => {
        expect(i).toBe(pieces.length);
        pieces.push(db);
      });
      o += n;
    }
    expect(pieces).toEqual(whole);
    expect(whole.length).toBe(Math.floor(pcm.length / 320));
  });

  it('histogram quantiles over a sliding window', () => {
    const h = new LevelHistogram(4, 0.5);
    for (const v of [-40, -30, -20, -10]) h.add(v);
    expect(h.quantile(0.5)).toBeCloseTo(-19.75, 5);
    h.add(-60); // drops -40
    expect(h.quantile(0)).toBeCloseTo(-59.75, 5);
    h.dropOldest(); // drops -30
    expect(h.size).toBe(3);
    expect(h.quantile(0.5)).toBeCloseTo(-19.75, 5);
  });

  it('speech activity: noise is not speech, a real voice is, and an idle start does not pin the floor', () => {
    const voice = speech(spanishVoxforgeClips()[1]!.path);
    // Digital silence, then an idle-code hum at -79 dBFS, then line noise at -55 dBFS, then the voice.
    const pcm = concat(new Int16Array(RATE), lineNoise(1000, RATE, -79, 3), lineNoise(3000, RATE, -55, 4), voice);
    const m = new FrameLevelMeter(RATE);
    const act = new NoiseFloorActivity(20);
    const talk = new TalkState(3, 15);
    const speechFrames: number[] = [];
    let talkFrames = 0;
    m.push(pcm, (db, i) => {
      const s = act.frame(db);
      if (s) speechFrames.push(i);
      if (talk.frame(s, i) && i >= 250) talkFrames++;
    });
    const noiseSpeech = speechFrames.filter((i) => i >= 100 && i < 250).length;
    // Until 0.4 s of steady noise has shown the floor has risen (stationaryMs).
    expect(noiseSpeech, 'frames of line noise taken for speech').toBeLessThanOrEqual(25);
    expect(speechFrames.filter((i) => i >= 250).length).toBeGreaterThan(100);
    expect(talkFrames * 20).toBeGreaterThan(voice.length / 16 / 3);
  });

  it('rate units: words, Mandarin characters, no fillers', () => {
    expect(countRateUnits('hello', 'en')).toBe(1);
    expect(countRateUnits('<sil>', 'en')).toBe(0);
    expect(countRateUnits('[NOISE]', 'en')).toBe(0);
    expect(countRateUnits('++BREATH++', 'es')).toBe(0);
    expect(countRateUnits('交易', 'zh')).toBe(2);
    expect(countRateUnits('几乎停滞', 'zh')).toBe(4);
    expect(countRateUnits('ok', 'zh')).toBe(1);
    expect(countRateUnits('', 'zh')).toBe(0);
  });

  it('the rate leaves pauses out', () => {
    const w = new SpeechRateWindow(15_000, 300);
    // Two sentences of 10 words at 4 words/s, 2 s apart.
    for (let k = 0; k < 20; k++) {
      const start = k * 250 + (k >= 10 ? 2000 : 0);
      w.add(start, start + 230, 1);
    }
    const m = w.measure();
    expect(m.units).toBe(20);
    expect(m.speechMs).toBe(2 * (9 * 250 + 230));
    expect(m.rate).toBeCloseTo(20 / 4.96, 3);
  });
});

describe('raised voice', () => {
  const call = voxforgeCall();
  const LOUD_FROM = 50_000;
  const LOUD_TO = 62_000;

  it('a real voice at its normal level gives no finding', () => {
    expect(run([call])).toEqual([]);
  });

  it('+12 dB after a baseline period gives raised_voice at the right time', () => {
    const fs = run([gain(call, 12, LOUD_FROM, LOUD_TO)]);
    expect(fs).toHaveLength(1);
    const f = fs[0]!;
    expect(f).toMatchObject({ kind: 'raised_voice', channel: 'agent', unit: 'dB', threshold: 8 });
    expect(f.startMs).toBeGreaterThanOrEqual(LOUD_FROM - 300);
    expect(f.startMs).toBeLessThanOrEqual(LOUD_FROM + 1500);
    // Reported as soon as it has lasted minDurationMs (plus pauses that do not break it).
    expect(f.endMs - f.startMs).toBeGreaterThanOrEqual(1500);
    expect(f.endMs).toBeLessThanOrEqual(LOUD_FROM + 4000);
    expect(f.measure).toBeGreaterThanOrEqual(8);
    expect(f.measure).toBeLessThanOrEqual(14);
    expect(f.explanation).toMatch(/louder than your usual level/);
    expect(f.suggestion.length).toBeGreaterThan(10);
  });

  it('the baseline is the call\'s own: a quiet call (-20 dB) gives none, and its own +12 dB still counts', () => {
    const quiet = gain(call, -20);
    expect(run([quiet])).toEqual([]);
    const fs = run([gain(quiet, 12, LOUD_FROM, LOUD_TO)]);
    expect(fs.map((f) => f.kind)).toEqual(['raised_voice']);
    expect(Math.abs(fs[0]!.startMs - LOUD_FROM)).toBeLessThanOrEqual(1500);
  });

  it('the same over the telephone (8 kHz mu-law)', () => {
    const tel = voxforgeCall(true);
    expect(run([tel], { sampleRateHz: 8000 }, () => 160)).toEqual([]);
    const fs = run([gain(tel, 12, LOUD_FROM, LOUD_TO, 8000)], { sampleRateHz: 8000 }, () => 160);
    expect(fs.map((f) => f.kind)).toEqual(['raised_voice']);
    expect(Math.abs(fs[0]!.startMs - LOUD_FROM)).toBeLessThanOrEqual(1500);
  });

  it('+4 dB (livelier, not raised) gives none; nothing before the warm-up', () => {
    expect(run([gain(call, 4, LOUD_FROM, LOUD_TO)])).toEqual([]);
    // Loud from the first word: there is no baseline yet, so nothing can be "above" it.
    expect(run([gain(call, 12, 0, 6000)])).toEqual([]);
  });

  it('cool-down: a second loud stretch soon after gives no second finding; later, or with a short cool-down, it does', () => {
    const twice = gain(gain(call, 12, LOUD_FROM, LOUD_FROM + 6000), 12, LOUD_FROM + 12_000, LOUD_FROM + 18_000);
    expect(run([twice]).map((f) => f.kind)).toEqual(['raised_voice']);
    const short = run([twice], { options: { raisedVoice: { cooldownMs: 3000 } } });
    expect(short.filter((f) => f.startMs >= LOUD_FROM + 12_000 - 300 && f.startMs < LOUD_FROM + 18_000)).toHaveLength(1);
    const apart = gain(gain(call, 12, 40_000, 46_000), 12, 80_000, 86_000);
    const fs = run([apart]);
    expect(fs.map((f) => f.startMs < 60_000)).toEqual([true, false]);
  });

  it('a higher threshold (option) ignores +12 dB', () => {
    expect(run([gain(call, 12, LOUD_FROM, LOUD_TO)], { options: { raisedVoice: { thresholdDb: 15 } } })).toEqual([]);
  });
});

describe('customer channel', () => {
  it("the customer's loud speech never raises a finding", () => {
    const rate = RATE;
    const customer = gain(voxforgeCall(), 12, 30_000, 70_000);
    const agent = lineNoise(customer.length / (rate / 1000), rate);
    expect(run([agent, customer])).toEqual([]);
    // A customer-only call (or the customer's channel of a one-channel call) is never judged.
    expect(run([customer], { roles: ['customer'] })).toEqual([]);
  });
});

describe('overtalk', () => {
  // Agent speaks first (LibriVox reader), then the customer (VoxForge speaker, 9 s of continuous talk).
  const agentFirst = trimmed(librivoxClips()[3]!.path);
  const agentSecond = trimmed(librivoxClips()[0]!.path);
  const customerTurn = trimmed(spanishVoxforgeClips()[1]!.path);
  const CUSTOMER_AT = 8000;
  const customerEnd = CUSTOMER_AT + (customerTurn.length * 1000) / RATE;

  function conversation(agentSecondAtMs: number): [Int16Array, Int16Array] {
    const agent = place(place(lineNoise(2000), agentFirst, 1000), agentSecond, agentSecondAtMs);
    const customer = place(lineNoise(2000, RATE, -60, 9), customerTurn, CUSTOMER_AT);
    const n = Math.max(agent.length, customer.length) + RATE;
    return [concat(agent, lineNoise((n - agent.length) / 16)), concat(customer, lineNoise((n - customer.length) / 16, RATE, -60, 5))];
  }

  it.skipIf(!HAVE_LIBRIVOX)('the agent cutting in for 3 s is overtalk', () => {
    const fs = run(conversation(customerEnd - 3000));
    expect(fs.map((f) => f.kind)).toEqual(['overtalk']);
    const f = fs[0]!;
    expect(Math.abs(f.startMs - (customerEnd - 3000))).toBeLessThanOrEqual(300);
    expect(f.measure).toBeGreaterThanOrEqual(1500);
    expect(f.endMs - f.startMs).toBeCloseTo(f.measure, -1);
    expect(f.explanation).toMatch(/started talking while the customer was speaking/);
  });

  it.skipIf(!HAVE_LIBRIVOX)('a 300 ms overlap at the turn is not', () => {
    expect(run(conversation(customerEnd - 300))).toEqual([]);
    expect(run(conversation(customerEnd + 200))).toEqual([]);
  });

  it.skipIf(!HAVE_LIBRIVOX)('a backchannel ("mm-hm": a short word) while the agent talks is not', () => {
    const agent = place(lineNoise(1000), trimmed(spanishVoxforgeClips()[6]!.path), 500);
    const word = trimmed(librivoxClips()[1]!.path).subarray(0, msToSamples(450));
    const customer = place(place(lineNoise(1000, RATE, -60, 3), word, 3000), word, 6500);
    const n = Math.max(agent.length, customer.length);
    expect(run([concat(agent, lineNoise((n - agent.length) / 16)), concat(customer, lineNoise((n - customer.length) / 16))])).toEqual([]);
  });

  it.skipIf(!HAVE_LIBRIVOX)('the customer trying to speak while the agent keeps going is overtalk too', () => {
    const agent = place(lineNoise(1000), trimmed(spanishVoxforgeClips()[7]!.path), 500); // 9 s of agent talk
    const customer = place(lineNoise(1000, RATE, -60, 3), agentSecond.subarray(0, msToSamples(3000)), 4000);
    const n = Math.max(agent.length, customer.length);
    const fs = run([concat(agent, lineNoise((n - agent.length) / 16)), concat(customer, lineNoise((n - customer.length) / 16))]);
    expect(fs.map((f) => f.kind)).toEqual(['overtalk']);
    expect(fs[0]!.explanation).toMatch(/kept talking while the customer was trying to speak/);
  });

  it.skipIf(!HAVE_LIBRIVOX)('one channel: off; and the cool-down holds back a second overlap soon after', () => {
    const [agent] = conversation(customerEnd - 3000);
    expect(run([agent])).toEqual([]);
    // Two cut-ins 12 s apart: one finding with the default 20 s cool-down, two with 5 s.
    const [a1, c1] = conversation(customerEnd - 3000);
    const a2 = place(a1, agentSecond, customerEnd - 3000 + 12_000);
    const c2 = place(c1, customerTurn, CUSTOMER_AT + 12_000);
    const n = Math.max(a2.length, c2.length);
    const chans = [concat(a2, lineNoise((n - a2.length) / 16)), concat(c2, lineNoise((n - c2.length) / 16, RATE, -60, 11))];
    expect(run(chans).map((f) => f.kind)).toEqual(['overtalk']);
    expect(run(chans, { options: { overtalk: { cooldownMs: 5000 } } }).map((f) => f.kind)).toEqual(['overtalk', 'overtalk']);
  });
});

/** Evenly spaced words at `rate` words/s, sent as finals of `perFinal` words with a pause between them. */
function wordStream(rate: number, seconds: number, { perFinal = 12, pauseMs = 700, startMs = 1000, token = 'word' } = {}): ToneWord[][] {
  const finals: ToneWord[][] = [];
  let t = startMs;
  let spoken = 0;
  while (spoken < seconds * 1000) {
    const final: ToneWord[] = [];
    for (let k = 0; k < perFinal; k++) {
      const step = 1000 / rate;
      final.push({ word: token, startMs: Math.round(t), endMs: Math.round(t + 0.85 * step) });
      t += step;
      spoken += step;
    }
    finals.push(final);
    t += pauseMs;
  }
  return finals;
}

function rateRun(finals: ToneWord[][], language: ToneLanguage = 'en', options: ToneMeterConfig['options'] = {}): ToneFinding[] {
  const meter = new ToneMeter({ sampleRateHz: 8000, roles: ['agent', 'customer'], language, options });
  return finals.flatMap((f) => [...meter.observeWords('agent', f)]);
}

describe('fast speech', () => {
  it('2.8 words/s (normal conversation) for a minute and a half: none', () => {
    expect(rateRun(wordStream(2.8, 90))).toEqual([]);
    expect(rateRun(wordStream(2.8, 90), 'es')).toEqual([]);
  });

  it('5 words/s sustained: fast_speech, from where it started', () => {
    const finals = [...wordStream(2.8, 20), ...wordStream(5, 20, { startMs: 40_000 })];
    const fs = rateRun(finals);
    expect(fs).toHaveLength(1);
    const f = fs[0]!;
    expect(f).toMatchObject({ kind: 'fast_speech', channel: 'agent', unit: 'words/s', threshold: 4.5 });
    expect(f.measure).toBeGreaterThanOrEqual(4.6);
    expect(f.measure).toBeLessThanOrEqual(5.1);
    expect(f.startMs).toBeGreaterThanOrEqual(40_000 - 8000); // the window may reach back into the normal part
    expect(f.endMs).toBeLessThanOrEqual(40_000 + 12_000);
    expect(f.explanation).toMatch(/speaking very fast/);
  });

  it('a short burst (under minSpeechMs) is not sustained', () => {
    expect(rateRun([...wordStream(2.8, 20), ...wordStream(6, 3, { startMs: 30_000 }), ...wordStream(2.8, 20, { startMs: 35_000 })])).toEqual([]);
  });

  it("the customer's words never count", () => {
    const meter = new ToneMeter({ sampleRateHz: 8000, roles: ['agent', 'customer'] });
    expect(wordStream(6, 30).flatMap((f) => [...meter.observeWords('customer', f)])).toEqual([]);
  });

  it('cool-down: one finding per minute of fast talk by default', () => {
    const fast = wordStream(5, 90);
    expect(rateRun(fast)).toHaveLength(1);
    // Fast, normal, fast again, 40 s apart: the default 60 s cool-down holds the second back; 20 s does not.
    const twice = [...wordStream(5, 12), ...wordStream(2.5, 20, { startMs: 17_000 }), ...wordStream(5, 12, { startMs: 46_000 })];
    expect(rateRun(twice)).toHaveLength(1);
    expect(rateRun(twice, 'en', { fastSpeech: { cooldownMs: 20_000 } })).toHaveLength(2);
  });

  it('Mandarin counts characters: 4.5 a second is normal, 8 is fast', () => {
    expect(rateRun(wordStream(2.25, 60, { token: '交易' }), 'zh')).toEqual([]);
    const fs = rateRun(wordStream(4, 30, { token: '交易' }), 'zh');
    expect(fs.map((f) => [f.kind, f.unit])).toEqual([['fast_speech', 'chars/s']]);
    expect(fs[0]!.measure).toBeGreaterThan(7);
  });
});

describe('chunking and drift', () => {
  it.skipIf(!HAVE_LIBRIVOX)('unequal chunk sizes per channel give the same findings as even 20 ms chunks', () => {
    const agentVoice = gain(voxforgeCall(), 12, 50_000, 62_000);
    const customer = place(lineNoise(40_000, RATE, -60, 2), trimmed(librivoxClips()[0]!.path), 49_000);
    const n = Math.max(agentVoice.length, customer.length);
    const chans = [agentVoice, concat(customer, lineNoise((n - customer.length) / 16, RATE, -60, 4))];
    const even = run(chans);
    expect(even.map((f) => f.kind).sort()).toEqual(['overtalk', 'raised_voice']);
    let seed = 12345;
    const rnd = (): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    // Agent in odd sizes from 1 sample to 0.3 s; the customer falls up to 1.5 s behind, then catches
    // up in one burst (up to 64 KiB, as the ingest frames allow) that puts it ahead.
    const uneven = run(chans, {}, (c, _step, off) => {
      if (c === 0) return 1 + Math.floor(rnd() * 4800);
      const behind = off[0]! - off[1]!;
      if (off[0]! >= chans[0]!.length) return 32_768; // the agent has finished: the rest
      return behind > 1.5 * RATE ? Math.min(32_768, behind + Math.floor(rnd() * 8000)) : 0;
    });
    // The same findings; overtalk may come out later (it waits for the customer's audio).
    const byStart = (fs: ToneFinding[]): ToneFinding[] => [...fs].sort((a, b) => a.startMs - b.startMs || a.kind.localeCompare(b.kind));
    expect(byStart(uneven)).toEqual(byStart(even));
    // Interleaved frames of a stereo stream (the native protocol): 4 ms per channel at a time.
    expect(byStart(run(chans, {}, () => 64))).toEqual(byStart(even));
  });
});

// ---------------------------------------------------------------------------------------------
// False alarms over every real clip: raised_voice and fast_speech must not fire on ordinary read
// speech. Clips are judged one by one, and per speaker back to back (so the baseline warms up on
// the short ones), wideband and through 8 kHz mu-law. Word times for the rate: the published
// transcript spread over the clip's speech (first to last talking frame), in proportion to word
// length. The clips have no word alignments; leaving their inner pauses out would take the meter's
// own activity detector, which misses much of the far-field meeting clip's quiet speech and so
// would invent a rate for it. bench/tone.ts measures the same with real recogniser output.

function speechSpan(pcm: Int16Array, rate: number): [number, number][] {
  const stretches = talkStretches(pcm, rate);
  return stretches.length ? [[stretches[0]![0], stretches.at(-1)![1]]] : [];
}

function talkStretches(pcm: Int16Array, rate: number): [number, number][] {
  const m = new FrameLevelMeter(rate);
  const act = new NoiseFloorActivity(20);
  const talk = new TalkState(3, 15);
  const out: [number, number][] = [];
  let open = -1;
  const frameMs = (m.frameSamples * 1000) / rate;
  m.push(pcm, (db, i) => {
    const t = talk.frame(act.frame(db), i);
    if (t && open < 0) open = talk.startFrame * frameMs;
    if (!t && open >= 0) {
      out.push([open, (i - 15) * frameMs]);
      open = -1;
    }
  });
  if (open >= 0) out.push([open, m.frames * frameMs]);
  return out.filter(([a, b]) => b > a);
}

function pseudoAlign(text: string, language: ToneLanguage, stretches: [number, number][], offsetMs: number): ToneWord[] {
  const tokens = language === 'zh' ? [...text.replace(/\s+/g, '')] : text.split(/\s+/).filter(Boolean);
  const weights = tokens.map((t) => Math.max(1, [...t].length));
  const total = weights.reduce((a, b) => a + b, 0);
  const talkMs = stretches.reduce((n, [a, b]) => n + b - a, 0);
  const at = (talked: number): number => {
    for (const [a, b] of stretches) {
      if (talked <= b - a) return a + talked;
      talked -= b - a;
    }
    return stretches.at(-1)?.[1] ?? 0;
  };
  let acc = 0;
  return tokens.map((word, i) => {
    const s = at((acc / total) * talkMs);
    acc += weights[i]!;
    const e = at((acc / total) * talkMs - 1);
    return { word, startMs: offsetMs + s, endMs: offsetMs + Math.max(s, e) };
  });
}

interface Speaker {
  name: string;
  language: ToneLanguage;
  clips: Clip[];
}

function speakers(): Speaker[] {
  const zh = mandarinClips();
  return [
    ...(HAVE_LIBRIVOX ? [{ name: 'en-librivox', language: 'en' as const, clips: librivoxClips() }] : []),
    { name: 'es-voxforge', language: 'es', clips: spanishVoxforgeClips() },
    { name: 'es-commands', language: 'es', clips: spanishCommandClips() },
    ...zh.map((c) => ({ name: `zh-${c.id}`, language: 'zh' as const, clips: [c] })),
  ];
}

describe('false alarms over all the real clips', () => {
  it('no raised_voice or fast_speech on ordinary read speech (each clip alone, and each speaker back to back, wideband and telephone)', () => {
    const counts = { runs: 0, clips: 0, audioSeconds: 0, raised_voice: 0, fast_speech: 0, overtalk: 0 };
    const found: string[] = [];
    for (const sp of speakers()) {
      for (const telephone of [false, true]) {
        const rate = telephone ? 8000 : RATE;
        const pcms = sp.clips.map((c) => speech(c.path, telephone));
        const pieces: { pcm: Int16Array; words: ToneWord[] }[] = [];
        let offset = 0;
        // Back to back: the speaker's clips, repeated until there is a minute of audio.
        for (let k = 0; offset < 60_000; k++) {
          const i = k % pcms.length;
          const pcm = pcms[i]!;
          const words = pseudoAlign(sp.clips[i]!.text, sp.language, speechSpan(pcm, rate), offset);
          pieces.push({ pcm, words }, { pcm: lineNoise(500, rate, -62, k + 1), words: [] });
          offset += ((pcm.length + msToSamples(500, rate)) * 1000) / rate;
        }
        const runs: { label: string; parts: typeof pieces }[] = [
          { label: `${sp.name} back to back`, parts: pieces },
          ...pcms.map((pcm, i) => ({
            label: `${sp.clips[i]!.id}`,
            parts: [{ pcm, words: pseudoAlign(sp.clips[i]!.text, sp.language, speechSpan(pcm, rate), 0) }],
          })),
        ];
        for (const r of runs) {
          const meter = new ToneMeter({ sampleRateHz: rate, roles: ['agent'], language: sp.language });
          const fs: ToneFinding[] = [];
          for (const p of r.parts) {
            for (let o = 0; o < p.pcm.length; o += rate / 50) fs.push(...meter.push(0, p.pcm.subarray(o, o + rate / 50)));
            fs.push(...meter.observeWords('agent', p.words));
          }
          counts.runs++;
          counts.clips += r.parts.filter((p) => p.words.length).length;
          counts.audioSeconds += r.parts.reduce((n, p) => n + p.pcm.length / rate, 0);
          for (const f of fs) {
            counts[f.kind]++;
            found.push(`${r.label} ${telephone ? '8k' : '16k'}: ${f.kind} ${f.measure}${f.unit} at ${f.startMs}-${f.endMs}`);
          }
        }
      }
    }
    counts.audioSeconds = Math.round(counts.audioSeconds);
    console.log(`[tone] false alarms over the real clips: ${JSON.stringify(counts)}`);
    for (const line of found) console.log(`[tone]   ${line}`);
    expect(found).toEqual([]);
    expect(counts.runs).toBeGreaterThanOrEqual(40);
  });
});
