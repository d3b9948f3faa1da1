import { loadConfig } from '../config.js';
import { buildServer } from '../server/app.js';
import { describeAuth } from '../server/auth.js';

/** `earshot serve`: the embedded server (worker threads for ASR, in-process events). */
export async function runServe(): Promise<void> {
  const config = loadConfig();
  const server = await buildServer(config);
  if (server.auth.devMode) process.stderr.write(`\n  *** earshot: ${describeAuth(server.auth)} ***\n\n`);
  await server.app.listen({ port: config.port, host: config.host });
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    server.app.log.info({ signal }, 'stopping: finishing live calls');
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}
