import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { AsrPool } from '../asr/pool.js';
import type { Config } from '../config.js';
import { EventBus } from '../events/bus.js';
import { handleNativeIngest } from '../ingest/native.js';
import { CallRegistry } from '../ingest/registry.js';
import { handleTwilio } from '../ingest/twilio.js';
import { registerEventRoutes } from './events-routes.js';
import { Metrics } from './metrics.js';

export interface Server {
  app: FastifyInstance;
  pool: AsrPool;
  bus: EventBus;
  registry: CallRegistry;
  metrics: Metrics;
  /** Graceful stop: refuse new calls, finish the live ones (their finals go out), then close. */
  close(): Promise<void>;
}

/** Largest WebSocket message read at all; beyond the protocol's 64 KiB it is answered FRAME_TOO_LARGE. */
const MAX_WS_MESSAGE_BYTES = 16 * 1024 * 1024;

export async function buildServer(config: Config): Promise<Server> {
  const app = Fastify({ logger: config.logLevel === 'silent' ? false : { level: config.logLevel } });
  const metrics = new Metrics();
  const pool = new AsrPool(config.asrWorkers);
  await pool.ready();
  const bus = new EventBus();
  const registry = new CallRegistry({ pool, bus, metrics }, config);
  const ingestDeps = { registry, metrics, maxAudioFrameBytes: config.maxAudioFrameBytes };

  await app.register(websocket, { options: { maxPayload: MAX_WS_MESSAGE_BYTES } });

  app.get('/v1/ingest', { websocket: true }, (socket) => handleNativeIngest(socket, ingestDeps));
  app.get('/v1/twilio', { websocket: true }, (socket) => handleTwilio(socket, ingestDeps, { inboundRole: config.twilioInboundRole }));
  registerEventRoutes(app, bus, registry);

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
    close: () =>
      (closing ??= (async () => {
        await registry.endAll();
        await app.close();
        await pool.stop();
      })()),
  };
}
