import { isIP } from 'node:net';
import { loadConfig } from '../config.js';
import { buildServer } from '../server/app.js';

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
}

/** `earshot serve`: the embedded server (worker threads for ASR, in-process events). */
export async function runServe(): Promise<void> {
  const config = loadConfig();
  if (!config.authFile) {
    if (!isLoopback(config.host)) {
      throw new Error(`refusing to listen on ${config.host} without EARSHOT_AUTH_FILE: set tokens, or bind to 127.0.0.1`);
    }
    process.stderr.write(
      '\n  *** earshot: OPEN DEV MODE — no EARSHOT_AUTH_FILE, so every route is open. Loopback only. ***\n\n',
    );
  }
  const server = await buildServer(config);
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
