// `earshot models list|fetch|verify`: the speech models of models/manifest.json in EARSHOT_MODELS_DIR.
import { parseArgs } from 'node:util';
import { modelsDir } from '../paths.js';
import { ModelError } from '../models/errors.js';
import { fetchModel } from '../models/install.js';
import { findModel, loadManifest, manifestPath, type ModelEntry } from '../models/manifest.js';
import { verifyModel, type ModelStatus } from '../models/verify.js';

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

const defaultIo: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), env: process.env };

function megabytes(entry: ModelEntry): string {
  return `${(entry.files.reduce((n, f) => n + f.bytes, 0) / 1e6).toFixed(1)} MB`;
}

/** Runs one `earshot models` command; returns the exit code. */
export async function runModels(args: string[], io: Io = defaultIo): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, 'base-url': { type: 'string' } },
  });
  try {
    const manifest = loadManifest(manifestPath(io.env));
    const dir = modelsDir(io.env);
    const pick = (names: string[]): ModelEntry[] => (names.length ? names.map((n) => findModel(manifest, n)) : manifest.models);
    switch (sub) {
      case 'list': {
        const rows = await Promise.all(manifest.models.map(async (m) => ({ m, status: await verifyModel(m, dir, { quick: true }) })));
        if (values.json) {
          io.out(`${JSON.stringify(rows.map(({ m, status }) => ({ name: m.name, engine: m.engine, languages: m.languages, bytes: m.files.reduce((n, f) => n + f.bytes, 0), state: status.state, dir: status.dir })))}\n`);
        } else {
          io.out(`models folder: ${dir}\n`);
          for (const { m, status } of rows) io.out(`${m.name.padEnd(32)} ${m.engine.padEnd(13)} ${m.languages.join(',').padEnd(9)} ${megabytes(m).padStart(9)}  ${status.state === 'ok' ? 'installed' : status.state}\n`);
        }
        return 0;
      }
      case 'fetch': {
        if (positionals.length === 0) throw new ModelError('MODEL_UNKNOWN', 'fetch needs the name of a model: earshot models fetch NAME (see earshot models list)');
        const baseUrl = values['base-url'] ?? (io.env.EARSHOT_MODELS_BASE_URL || undefined);
        for (const entry of pick(positionals)) {
          const r = await fetchModel(entry, { modelsDir: dir, baseUrl, log: (line) => io.err(`${line}\n`) });
          io.out(r.alreadyInstalled ? `${r.name}: already installed and verified in ${r.dir}\n` : `${r.name}: installed in ${r.dir} (${r.downloaded.length} files downloaded)\n`);
        }
        return 0;
      }
      case 'verify': {
        const statuses: ModelStatus[] = [];
        for (const entry of pick(positionals)) statuses.push(await verifyModel(entry, dir));
        // Naming a model asks for it: absent is a failure then; a plain verify checks what is installed.
        const bad = statuses.filter((s) => s.state === 'damaged' || (positionals.length > 0 && s.state === 'absent'));
        if (values.json) io.out(`${JSON.stringify(statuses)}\n`);
        else {
          for (const s of statuses) {
            io.out(`${s.name}: ${s.state === 'ok' ? 'ok' : s.state === 'absent' ? 'not installed' : 'DAMAGED'}\n`);
            for (const p of s.problems) io.out(`  ${p.path}: ${p.problem} (${p.detail})\n`);
          }
        }
        if (bad.length) io.err(`earshot: ${bad.length} model(s) not as the manifest says: ${bad.map((s) => s.name).join(', ')}; reinstall with earshot models fetch NAME\n`);
        return bad.length ? 1 : 0;
      }
      default:
        io.err(`earshot: unknown models command "${sub ?? ''}"; use earshot models list, fetch NAME or verify (earshot --help)\n`);
        return 2;
    }
  } catch (err) {
    if (err instanceof ModelError) {
      io.err(`earshot: ${err.code}: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
