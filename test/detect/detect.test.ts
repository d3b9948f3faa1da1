// Behaviour of the detector as the server and alert policy see it.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDetector, MAX_ANALYSED_CHARS, type Detector } from '../../src/detect/index.js';

let det: Detector;
let rulesOnly: Detector;
beforeAll(async () => {
  det = await loadDetector();
  rulesOnly = await loadDetector({ rulesOnly: true });
});

const agent = (text: string, extra: Record<string, unknown> = {}) => ({ text, speaker: 'agent' as const, rightParty: true, ...extra });

describe('scope', () => {
  it.each([
    ['en', 'Nobody is going to arrest you.'],
    ['en', "We're not going to sue you over this."],
    ['en', 'You told me last week you would sue us, and that is your right.'],
    ['en', 'If someone tells you you will be arrested over a debt, that is a scam.'],
    ['en', 'The creditor may pursue its legal options if the balance is not resolved.'],
    ['en', 'This is an attempt to collect a debt and any information obtained will be used for that purpose.'],
    ['es', 'No lo vamos a demandar por esto.'],
    ['es', 'Nadie lo va a meter a la cárcel, esto es un asunto civil.'],
    ['zh', '没有人会抓您，欠款是民事纠纷。'],
    ['zh', '我们不会联系您的家人或者单位。'],
  ] as const)('%s lawful: %s', (lang, text) => {
    expect(rulesOnly.classify(agent(text, { lang })).labels).toEqual([]);
  });

  it.each([
    ['en', "If you don't pay today, we'll have you arrested.", 'false_legal'],
    ['en', "Don't make me send somebody over there.", 'threat'],
    ['es', 'Si no paga hoy lo vamos a meter a la cárcel.', 'false_legal'],
    ['zh', '你不还钱就等着坐牢吧。', 'false_legal'],
    ['zh', '你再不还钱，我们就打给你通讯录里的所有人。', 'threat'],
  ] as const)('%s violation despite a negated condition: %s', (lang, text, cat) => {
    expect(rulesOnly.classify(agent(text, { lang })).labels).toContain(cat);
  });

  it.each([
    ['es', 'No debemos dejar que digan cosas como "si no paga, a su familia le puede pasar algo".'],
    ['en', 'Saying "you will go to jail if you don\'t pay" is exactly what we never do.'],
    ['zh', '“不还钱就让你全家不得安宁”这种话我们绝对不会说。'],
  ] as const)('%s quoted words raise no classifier finding: %s', (lang, text) => {
    expect(det.classify(agent(text, { lang })).findings.filter((f) => f.source === 'classifier')).toEqual([]);
  });

  it.each([
    ['en', 'Don\'t give me "I\'ll think about it," you freeloading piece of garbage.', 'insult'],
    ['es', 'Nada de "ya le pago, señorita", usted es un sinvergüenza.', 'insult'],
  ] as const)('%s words after a closed quotation are the agent\'s own, even across a comma: %s', (lang, text, cat) => {
    expect(rulesOnly.classify(agent(text, { lang })).labels).toContain(cat);
  });

  it('a quotation that spans a comma still keeps its words out', () => {
    expect(rulesOnly.classify(agent('He told her "you are a deadbeat, a liar" and we apologised.', { lang: 'en' })).labels).toEqual([]);
  });
});

describe('threats: targets, counter-speech and overlapping categories', () => {
  it.each([
    ['zh', '威胁要杀害别人的言论是违法的。'],
    ['zh', '那些叫嚣要打人的帖子都被删掉了。'],
    ['zh', '没有人应该因为欠钱而被伤害。'],
    ['zh', '我要宰了这只鸡做晚饭。'],
    ['zh', '我们得消灭所有的老鼠。'],
    ['es', 'Voy a quemar estas hojas secas.'],
    ['es', 'Hay que eliminar la pobreza.'],
    ['es', 'Voy a matar a esas cucarachas de la cocina.'],
    ['en', 'Your family must be proud of you for sorting this out.'],
  ] as const)('%s no threat: %s', (lang, text) => {
    expect(rulesOnly.classify(agent(text, { lang })).labels).not.toContain('threat');
  });

  it.each([
    ['zh', '我会把你们这些人一个个收拾掉。'],
    ['zh', '像你这种人就该被打死。'],
    ['zh', '再不还钱，信不信找人弄死。'],
    ['zh', '掛電話是吧？行，你等著。'],
    ['es', 'Los voy a colgar de un árbol.'],
    ['es', 'Si te vuelvo a ver por aquí, te mato.'],
  ] as const)('%s threat: %s', (lang, text) => {
    expect(rulesOnly.classify(agent(text, { lang })).labels).toContain('threat');
  });

  it('a vague menace after a false arrest claim is part of that claim (yieldsTo)', () => {
    expect(rulesOnly.classify(agent('警察今天就上门抓你，你等着吧。', { lang: 'zh' })).labels).toEqual(['false_legal']);
    expect(rulesOnly.classify(agent('给你三天时间，不然你就等着吧。', { lang: 'zh' })).labels).toEqual(['threat']);
  });

  it('words the debtor\'s contacts will be told are the threat, not an insult by the agent', () => {
    const r = rulesOnly.classify(agent("Pay today or I call your job and let everybody there know you're a deadbeat.", { lang: 'en' }));
    expect(r.labels).toEqual(['threat']);
  });
});

describe('speaker and right party', () => {
  it("never flags the customer's words", () => {
    const text = 'Fuck you, I will come to your office and you will be sorry.';
    expect(det.classify({ text, speaker: 'customer' }).labels).toEqual([]);
    expect(det.classify({ text, speaker: 'agent' }).labels.length).toBeGreaterThan(0);
  });

  it('flags disclosure to a third party but not the same words to the debtor', () => {
    const text = 'He owes two thousand dollars to Capital Crest Bank and it is in collections.';
    const third = det.classify({ text, speaker: 'agent', rightParty: false });
    expect(third.labels).toContain('third_party_disclosure');
    expect(third.findings.find((f) => f.category === 'third_party_disclosure')?.severity).toBe('critical');
    expect(det.classify({ text, speaker: 'agent', rightParty: true }).labels).not.toContain('third_party_disclosure');
    // Unverified: still a disclosure, as a warning.
    const unknown = det.classify({ text, speaker: 'agent' });
    expect(unknown.findings.find((f) => f.category === 'third_party_disclosure')?.severity).toBe('warning');
  });

  it('lets a limited-content message to a third party through', () => {
    const c = det.classify({ text: 'Could you please ask John to call Mike at 555 0100? Thank you.', speaker: 'agent', rightParty: false });
    expect(c.labels).toEqual([]);
  });

  it('infers the right party from the conversation', () => {
    const conv = det.conversation();
    expect(conv.rightParty).toBeNull();
    conv.observe({ text: 'Hi, may I speak with John Smith?', speaker: 'agent' });
    conv.observe({ text: "He's not home right now, this is his wife.", speaker: 'customer' });
    expect(conv.rightParty).toBe(false);
    const c = conv.observe({ text: 'Well, tell him he owes us eight hundred dollars.', speaker: 'agent' });
    expect(c.labels).toContain('third_party_disclosure');

    const conv2 = det.conversation();
    conv2.observe({ text: 'Am I speaking with John Smith?', speaker: 'agent' });
    conv2.observe({ text: 'Yes, speaking.', speaker: 'customer' });
    expect(conv2.rightParty).toBe(true);
    expect(conv2.observe({ text: 'You owe eight hundred dollars to Capital Crest Bank.', speaker: 'agent' }).labels).toEqual([]);

    // As the 8 kHz recogniser writes it: "am i" lost, "yes this is" garbled; the affirmative still answers.
    const conv2b = det.conversation();
    conv2b.observe({ text: "hello if it banned from acne recovery and i'd speaking with jordan miller", speaker: 'agent', lang: 'en' });
    conv2b.observe({ text: 'yep if it jordan', speaker: 'customer', lang: 'en' });
    expect(conv2b.rightParty).toBe(true);
    // An affirmative followed by more words is still an answer (the word-boundary guard once rejected it).
    const conv2c = det.conversation();
    conv2c.observe({ text: 'Hola, ¿hablo con la señora Marta Ruiz?', speaker: 'agent', lang: 'es' });
    conv2c.observe({ text: 'Sí, dígame qué pasa.', speaker: 'customer', lang: 'es' });
    expect(conv2c.rightParty).toBe(true);

    const conv3 = det.conversation();
    conv3.observe({ text: 'Can you verify your date of birth?', speaker: 'agent' });
    conv3.observe({ text: 'It is March third, nineteen eighty two.', speaker: 'customer' });
    expect(conv3.rightParty).toBe(true);

    // A question back is not an answer: the debtor may ask it too.
    const conv5 = det.conversation();
    conv5.observe({ text: 'Is this John Smith?', speaker: 'agent' });
    conv5.observe({ text: "Who's calling?", speaker: 'customer' });
    expect(conv5.rightParty).toBeNull();

    const conv4 = det.conversation();
    conv4.observe({ text: '您好，请问是王伟先生吗？', speaker: 'agent' });
    conv4.observe({ text: '打错了，这里没有叫王伟的。', speaker: 'customer' });
    expect(conv4.rightParty).toBe(false);
    conv4.observe({ text: 'Sí, soy yo.', speaker: 'customer', rightParty: true });
    expect(conv4.rightParty).toBe(true);
  });
});

describe('findings', () => {
  it('carry span, rule, citation, explanation, suggestion and confidence', () => {
    const text = 'Listen John, you are going to jail if you do not pay today.';
    const c = det.classify(agent(text));
    const f = c.findings.find((x) => x.category === 'false_legal');
    expect(f).toBeDefined();
    expect(text.slice(f!.start, f!.end)).toBe(f!.text);
    expect(f!.text.toLowerCase()).toContain('jail');
    expect(f!.rule).toMatch(/^en\.false_legal\./);
    expect(f!.citation).toMatch(/1692e/);
    expect(f!.explanation.length).toBeGreaterThan(10);
    expect(f!.suggestion).toBeTruthy();
    expect(f!.confidence).toBeGreaterThan(0);
    expect(f!.confidence).toBeLessThanOrEqual(1);
    expect(['warning', 'critical']).toContain(f!.severity);
  });

  it('reports overlapping hits of one category once', () => {
    const c = det.classify(agent('你这个老赖，赶紧还钱。', { lang: 'zh' }));
    const insults = c.findings.filter((f) => f.category === 'insult');
    expect(insults).toHaveLength(1);
    expect(insults[0]!.text).toContain('老赖');
  });

  it('maps spans to word times when the input has them', () => {
    const text = 'you are going to jail tomorrow';
    const words = text.split(' ').map((w, i) => ({ word: w, startMs: 1000 + i * 300, endMs: 1250 + i * 300 }));
    const c = det.classify({ text, speaker: 'agent', rightParty: true, words });
    const f = c.findings.find((x) => x.category === 'false_legal');
    expect(f?.startMs).toBeGreaterThanOrEqual(1000);
    expect(f?.endMs).toBeGreaterThan(f!.startMs!);
    expect(f?.endMs).toBeLessThanOrEqual(1250 + 5 * 300);
  });

  it('works on ASR-style and typed variants of the same words', () => {
    for (const text of ['YOU ARE A WORTHLESS DEADBEAT', 'you are a worthless deadbeat', 'ｙｏｕ ａｒｅ ａ ｗｏｒｔｈｌｅｓｓ ｄｅａｄｂｅａｔ', 'you are a w0rthless d3adb3at', 'you are a total d e a d b e a t']) {
      expect(det.classify(agent(text)).labels, text).toContain('insult');
    }
    expect(det.classify(agent('你這個老賴，還不還錢？', { lang: 'zh' })).labels).toContain('insult');
    expect(det.classify(agent('Usted es un moroso sinvergüenza')).labels).toContain('insult');
    expect(det.classify(agent('usted es un moroso sinverguenza')).labels).toContain('insult');
  });
});

describe('language identification', () => {
  it.each([
    ['You owe two hundred dollars on the account.', 'en'],
    ['Usted debe doscientos pesos, ¿cuándo puede pagar?', 'es'],
    ['usted debe doscientos pesos cuando puede pagar', 'es'],
    ['您在平台借的五千元已经逾期了。', 'zh'],
    ['您在平台借的五千元已經逾期了。', 'zh'],
  ] as const)('%s -> %s', (text, lang) => {
    expect(det.classify({ text }).lang).toBe(lang);
  });
  it('uses the given language', () => {
    expect(det.classify({ text: 'hola', lang: 'en' }).lang).toBe('en');
  });
});

describe('hostile input', () => {
  const normal = 'you are going to jail';
  const cases: Array<[string, string]> = [
    ['empty', ''],
    ['spaces', '   \n\t  '],
    ['1 MB', 'you owe money '.repeat(80_000)],
    ['emoji only', '😀🔥💀'.repeat(200)],
    ['control characters', '\u0000\u0001\u0002\u001b[2J\u007f'.repeat(100)],
    ['mixed languages', 'you are going to jail 你这个老赖 vas a ir a la cárcel'],
    ['lone surrogates', '\uD800\uD800you idiot\uDFFF\uDC00'],
    ['RTL and combining marks', '\u202Eyou i\u0336d\u0336i\u0336o\u0336t\u202C'],
  ];
  it.each(cases)('%s never throws and returns a well-formed result', (_name, text) => {
    const c = det.classify({ text, speaker: 'agent' });
    expect(['en', 'es', 'zh']).toContain(c.lang);
    expect(Array.isArray(c.labels)).toBe(true);
    for (const f of c.findings) {
      expect(f.start).toBeGreaterThanOrEqual(0);
      expect(f.end).toBeLessThanOrEqual(text.length);
      expect(f.start).toBeLessThan(f.end);
    }
  });
  it('flags what it finds inside hostile text', () => {
    expect(det.classify({ text: 'you are going to jail 你这个老赖 vas a ir a la cárcel', lang: 'en', speaker: 'agent' }).labels).toContain('false_legal');
    expect(det.classify({ text: '\uD800\uD800you idiot\uDFFF\uDC00', speaker: 'agent' }).labels).toContain('insult');
  });
  it('marks input longer than the analysed window as truncated', () => {
    const c = det.classify({ text: 'x'.repeat(MAX_ANALYSED_CHARS + 10) + normal });
    expect(c.truncated).toBe(true);
    expect(det.classify({ text: normal }).truncated).toBeUndefined();
  });
  it('accepts garbage where a DetectInput is expected', () => {
    const bad = [{}, { text: 42 }, { text: null }, { text: 'x', lang: 'fr' }, { text: 'x', speaker: 'robot' }, { text: 'x', words: 'nope' }, { text: 'x', words: [null, { word: 3 }] }];
    for (const b of bad) expect(() => det.classify(b as never)).not.toThrow();
  });
});
