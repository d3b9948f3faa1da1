/**
 * A throwaway PostgreSQL server for tests: initdb into a temp folder, start on a free loopback
 * port with its socket in that folder, stop and delete it at the end. Run as user postgres when
 * the tests run as root (postgres refuses root). Binaries: PG_BIN, else the newest
 * /usr/lib/postgresql/<version>/bin, else initdb on PATH.
 *
 *   const pg = await startPostgres();          // in beforeAll
 *   const url = await pg.createDatabase();     // a fresh database per test if wanted
 *   await pg.stop();                           // in afterAll
 */
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export interface PostgresServer {
  /** Connection string of the default `postgres` database (superuser `postgres`, no password). */
  url: string;
  port: number;
  dir: string;
  /** Creates a new empty database and returns its connection string. */
  createDatabase(name?: string): Promise<string>;
  stop(): Promise<void>;
}

/** The folder holding initdb and pg_ctl, or null when PostgreSQL is not installed. */
export function findPostgresBin(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.PG_BIN && existsSync(join(env.PG_BIN, 'initdb'))) return env.PG_BIN;
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], 'bin');
  }
  for (const dir of (env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const asRoot = userInfo().uid === 0;

/** Runs a postgres binary as user postgres when we are root, as ourselves otherwise. */
function pgCommand(bin: string, tool: string, args: string[]): [string, string[]] {
  const exe = join(bin, tool);
  return asRoot ? ['runuser', ['-u', 'postgres', '--', exe, ...args]] : [exe, args];
}

let dbCounter = 0;

export async function startPostgres(options: { bin?: string } = {}): Promise<PostgresServer> {
  const bin = options.bin ?? findPostgresBin();
  if (!bin) throw new Error('PostgreSQL binaries not found (install Debian package postgresql, or set PG_BIN)');
  const dir = mkdtempSync(join(tmpdir(), 'earshot-pg-'));
  const data = join(dir, 'data');
  const sock = join(dir, 'sock');
  const log = join(dir, 'postgres.log');
  mkdirSync(sock);
  if (asRoot) {
    const { uid, gid } = postgresIds();
    for (const p of [dir, sock]) chownSync(p, uid, gid);
  }
  const [initExe, initArgs] = pgCommand(bin, 'initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  await run(initExe, initArgs);

  let port = 0;
  let started = false;
  let lastError: unknown;
  for (let attempt = 0; attempt < 3 && !started; attempt++) {
    port = await freePort();
    const opts = `-p ${port} -k ${sock} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off`;
    const [ctlExe, ctlArgs] = pgCommand(bin, 'pg_ctl', ['-D', data, '-o', opts, '-l', log, '-w', '-t', '60', 'start']);
    try {
      await run(ctlExe, ctlArgs);
      started = true;
    } catch (err) {
      lastError = err; // most likely the port was taken between probing and binding
    }
  }
  if (!started) {
    const tail = existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : '';
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`postgres did not start: ${(lastError as Error)?.message}\n${tail}`);
  }

  const stopSync = () => {
    const [exe, args] = pgCommand(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    try {
      execFileSync(exe, args, { stdio: 'ignore' });
    } catch {
      // already stopped
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // If the test process dies without teardown, do not leave a server behind.
  process.once('exit', stopSync);

  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let stopped = false;
  return {
    url,
    port,
    dir,
    async createDatabase(name?: string): Promise<string> {
      const db = name ?? `t_${process.pid}_${Date.now().toString(36)}_${++dbCounter}`;
      if (!/^[a-z_][a-z0-9_]*$/.test(db)) throw new Error(`database name ${db} must be a plain lower-case identifier`);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${db}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${db}`;
    },
    async stop(): Promise<void> {
      if (stopped) return;
      stopped = true;
      process.removeListener('exit', stopSync);
      const [exe, args] = pgCommand(bin, 'pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      try {
        await run(exe, args);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function postgresIds(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  const parts = line?.split(':');
  if (!parts || parts.length < 4) throw new Error('running as root but there is no "postgres" user to run the server as');
  return { uid: Number(parts[2]), gid: Number(parts[3]) };
}
