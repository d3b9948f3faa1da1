import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { AlertService } from '../alerts/service.js';
import { AsrPool } from '../asr/pool.js';
import type { Config } from '../config.js';
import { loadDetector } from '../detect/index.js';
import { EventBus } from '../events/bus.js';
import { handleNativeIngest } from '../ingest/native.js';
import { CallRegistry } from '../ingest/registry.js';
import { handleTwilio } from '../ingest/twilio.js';
import { openStore, scheduleRetention, type Store } from '../store/index.js';
import type { AudioTapFactory } from '../ingest/call-session.js';
import { registerAlertRoutes } from './alerts-routes.js';
import { CallArchive } from './archive.js';
import { describeAuth, loadAuth, type AuthConfig, type TokenSpec } from './auth.js';
import { registerCallRoutes } from './calls-routes.js';
import { registerEventRoutes } from './events-routes.js';
import { requirePermission } from './guard.js';
import { Metrics } from './metrics.js';
import { registerPageRoutes } from './pages-routes.js';
import { RecordingTaps } from './recording-tap.js';

export interface Server {
  app: FastifyInstance;
  pool: AsrPool;
  bus: EventBus;
  registry: CallRegistry;
  metrics: Metrics;
  store: Store;
  auth: AuthConfig;
  alerts: AlertService;
  /** Graceful stop: refuse new calls, finish the live ones (their finals go out), then close. */
  close(): Promise<void>;
}

/** Largest WebSocket message read at all; beyond the protocol's 64 KiB it is answered FRAME_TOO_LARGE. */
const MAX_WS_MESSAGE_BYTES = 16 * 1024 * 1024;

export interface BuildOptions {
  /** Tokens given directly (tests); otherwise EARSHOT_AUTH_FILE. */
  tokens?: TokenSpec[];
}

export async function buildServer(config: Config, options: BuildOptions = {}): Promise<Server> {
  const app = Fastify({ logger: config.logLevel === 'silent' ? false : { level: config.logLevel } });
  const auth = loadAuth({ host: config.host, authFile: config.authFile, tokens: options.tokens });
  app.log.info(describeAuth(auth));
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  const metrics = new Metrics();
  const pool = new AsrPool(config.asrWorkers);
  await pool.ready();
  const bus = new EventBus();
  const archive = new CallArchive(store, bus, app.log);
  const orphans = await archive.closeOrphans();
  if (orphans) app.log.warn({ orphans }, 'ended calls left live by an earlier run (crash or kill)');
  const alerts = new AlertService({
    detector: await loadDetector(),
    bus,
    policy: config.alertPolicy,
    clip: config.clip,
    saveClip: (callId, alertId, clip) => archive.write(callId, () => store.saveClip({ alertId, ...clip })),
    onAlert: (event) => {
      if (event.type === 'alert') metrics.alerts.inc({ category: event.category, severity: event.severity, basis: event.basis ?? 'final' });
      else metrics.alertsRetracted.inc();
    },
  });
  const taps: AudioTapFactory[] = [alerts];
  if (config.recordCalls) {
    taps.push(new RecordingTaps(store, (callId, write) => archive.write(callId, write), app.log));
    app.log.warn('full-call recording is ON (EARSHOT_RECORD_CALLS): every call is written to the data folder');
  }
  const retention =
    config.retentionDays === null
      ? null
      : scheduleRetention(store, {
          days: config.retentionDays,
          onPurge: (r) => (r.calls ? app.log.info({ purged: r }, 'retention purge') : undefined),
          onError: (err) => app.log.error({ err }, 'retention purge failed'),
        });
  const registry = new CallRegistry({ pool, bus, metrics, taps }, config);
  const ingestDeps = { registry, metrics, maxAudioFrameBytes: config.maxAudioFrameBytes };

  await app.register(websocket, { options: { maxPayload: MAX_WS_MESSAGE_BYTES } });

  const ingest = requirePermission(auth, () => ({ kind: 'ingest' }));
  app.get('/v1/ingest', { websocket: true, preValidation: ingest }, (socket) => handleNativeIngest(socket, ingestDeps));
  app.get('/v1/twilio', { websocket: true, preValidation: ingest }, (socket) =>
    handleTwilio(socket, ingestDeps, { inboundRole: config.twilioInboundRole }),
  );
  registerEventRoutes(app, bus, registry, auth);
  registerCallRoutes(app, store, auth);
  registerAlertRoutes(app, store, auth);
  registerPageRoutes(app);

  app.get('/healthz', async () => ({ status: 'ok', calls: registry.size, asrStreams: pool.activeStreams, asrWorkers: pool.size }));
  app.get('/metrics', async (_req, reply) => {
    for (const [engine, rtf] of Object.entries(pool.stats.realTimeFactor)) metrics.realTimeFactor.set({ engine }, rtf);
    reply.header('content-type', metrics.registry.contentType);
    return metrics.registry.metrics();
  });

  let closing: Promise<void> | undefined;
  return {
    app,
    pool,
    bus,
    registry,
    metrics,
    store,
    auth,
    alerts,
    close: () =>
      (closing ??= (async () => {
        retention?.stop();
        await registry.endAll();
        await app.close();
        await pool.stop();
        // Alerts and clips of the last finals are published on microtasks; let them reach the archive.
        await new Promise((resolve) => setImmediate(resolve));
        alerts.stop();
        await archive.flush();
        await store.close();
      })()),
  };
}
