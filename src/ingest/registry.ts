import { checkEngine, chooseEngine } from '../asr/engines.js';
import { EngineError, type Language } from '../asr/engine.js';
import type { Config } from '../config.js';
import { CallSession, type CallInfo, type SessionDeps } from './call-session.js';
import { IngestError } from './errors.js';

export interface CallRequest extends Omit<CallInfo, 'language' | 'engine' | 'telephone' | 'detectLanguage'> {
  language: Language | 'auto';
  encoding: 'pcm_s16le' | 'mulaw' | 'alaw';
}

/** The live calls of this process, by callId. */
export class CallRegistry {
  private readonly calls = new Map<string, CallSession>();
  private closing = false;

  constructor(
    private readonly deps: SessionDeps,
    private readonly config: Config,
  ) {}

  get size(): number {
    return this.calls.size;
  }

  list(): CallSession[] {
    return [...this.calls.values()];
  }

  /** Accept a call or throw a coded refusal. */
  start(req: CallRequest): CallSession {
    if (this.closing) throw new IngestError('SHUTTING_DOWN', 'the server is stopping; reconnect to another instance or retry shortly');
    if (this.calls.has(req.callId)) throw new IngestError('CALL_ACTIVE', `call ${req.callId} is already live on this server`);
    if (this.calls.size >= this.config.maxCalls) {
      throw new IngestError('SERVER_BUSY', `this server takes at most ${this.config.maxCalls} calls at once; try again later`);
    }
    const language = req.language === 'auto' ? this.config.defaultLanguage : req.language;
    // G.711 or 8 kHz audio came over the phone network: the telephone models fit it better.
    const telephone = req.encoding !== 'pcm_s16le' || req.sampleRateHz <= 8000;
    const requested = req.metadata.engine;
    let engine: string;
    try {
      // Named by the call, or the first installed of those configured for its language.
      if (typeof requested === 'string') checkEngine((engine = requested), { language, telephone });
      else engine = chooseEngine(this.config.engines[language], { language, telephone });
    } catch (err) {
      if (err instanceof EngineError) {
        throw new IngestError(err.code === 'ENGINE_UNAVAILABLE' ? 'ENGINE_UNAVAILABLE' : 'UNSUPPORTED_LANGUAGE', err.message);
      }
      throw err;
    }
    // Whisper identifies the language of an "auto" call itself, per utterance.
    const detectLanguage = req.language === 'auto' && engine === 'whisper';
    const session = new CallSession({ ...req, language, telephone, engine, detectLanguage }, this.deps);
    this.calls.set(req.callId, session);
    return session;
  }

  /** End a call (flushing its audio) and forget it. */
  async end(session: CallSession): Promise<void> {
    try {
      await session.end();
    } finally {
      if (this.calls.get(session.info.callId) === session) this.calls.delete(session.info.callId);
    }
  }

  /** Shutdown: refuse new calls, finish the live ones. */
  async endAll(): Promise<void> {
    this.closing = true;
    await Promise.all(this.list().map((s) => this.end(s)));
  }
}
