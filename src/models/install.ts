import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { downloadTo } from './download.js';
import { ModelError } from './errors.js';
import type { ModelEntry, ModelFile } from './manifest.js';
import { checkFile, verifyModel } from './verify.js';

export interface FetchOptions {
  modelsDir: string;
  /** A mirror laid out like EARSHOT_MODELS_DIR (http(s)://, file://, or a folder); else the public origins. */
  baseUrl?: string;
  /** Progress lines for a person (the CLI prints them to stderr). */
  log?: (line: string) => void;
}

export interface FetchResult {
  name: string;
  dir: string;
  /** Already installed and verified: nothing was downloaded. */
  alreadyInstalled: boolean;
  downloaded: { path: string; bytes: number; resumedFrom: number }[];
}

/** The mirror's base as a URL without a trailing slash; a plain folder becomes a file:// URL. */
export function normaliseBaseUrl(base: string): string {
  const url = isAbsolute(base) ? pathToFileURL(base).href : base;
  if (!/^(https?|file):\/\/./.test(url)) throw new ModelError('BAD_BASE_URL', `base URL "${base}" must be http://, https://, file:// or an absolute folder`);
  return url.replace(/\/+$/, '');
}

function encodePath(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}

/** Where one file comes from: the mirror, else its own url, else the model's source. */
export function fileUrl(entry: ModelEntry, file: ModelFile, baseUrl?: string): string {
  if (baseUrl) return `${normaliseBaseUrl(baseUrl)}/${encodePath(entry.path)}/${encodePath(file.path)}`;
  if (file.url) return file.url;
  if (entry.source) return `${entry.source.replace(/\/+$/, '')}/${encodePath(file.path)}`;
  throw new ModelError(
    'NO_SOURCE',
    `${entry.name}/${file.path} has no public origin (${entry.origin ?? 'see the manifest'}); fetch it from a mirror with --base-url or EARSHOT_MODELS_BASE_URL`,
  );
}

/**
 * Install a model: every file downloaded into a staging folder beside the models (resuming what an
 * interrupted run left there), checked against its size and SHA-256, and only when all are good
 * the folder swapped into place. A failure at any point leaves the installed model as it was (or
 * absent): never a half-installed one. Files an installed copy already has right are reused.
 */
export async function fetchModel(entry: ModelEntry, options: FetchOptions): Promise<FetchResult> {
  const log = options.log ?? (() => undefined);
  const target = join(options.modelsDir, entry.path);
  const installed = await verifyModel(entry, options.modelsDir);
  if (installed.state === 'ok') return { name: entry.name, dir: target, alreadyInstalled: true, downloaded: [] };
  // Resolve every URL first: a model that cannot be fetched says so before anything is downloaded.
  const urls = entry.files.map((f) => fileUrl(entry, f, options.baseUrl));
  const staging = join(options.modelsDir, '.staging', entry.name);
  const downloaded: FetchResult['downloaded'] = [];
  for (const [i, file] of entry.files.entries()) {
    const dest = join(staging, file.path);
    mkdirSync(dirname(dest), { recursive: true });
    if (!(await checkFile(dest, file))) continue; // verified by an earlier run
    const current = join(target, file.path);
    if (installed.state === 'damaged' && !(await checkFile(current, file))) {
      copyFileSync(current, dest); // the installed copy of this file is right
      continue;
    }
    const part = `${dest}.part`;
    log(`${entry.name}: ${file.path} (${file.bytes} bytes) from ${urls[i]}`);
    const result = await downloadTo(urls[i]!, part, file.bytes);
    const problem = await checkFile(part, file);
    if (problem) {
      rmSync(part, { force: true }); // wrong bytes are not worth resuming
      throw new ModelError(
        problem.problem === 'checksum' ? 'CHECKSUM_MISMATCH' : 'SIZE_MISMATCH',
        `${entry.name}/${file.path} from ${urls[i]}: ${problem.detail}; nothing was installed`,
      );
    }
    renameSync(part, dest);
    downloaded.push({ path: file.path, bytes: file.bytes, resumedFrom: result.resumedFrom });
  }
  // All files verified: swap the folder in. The old one (damaged or partial) is moved aside first
  // and removed after, so the target is at every moment either the old folder or the new one.
  mkdirSync(dirname(target), { recursive: true });
  const old = `${staging}.old-${process.pid}`;
  if (existsSync(target)) renameSync(target, old);
  try {
    renameSync(staging, target);
  } catch (err) {
    if (existsSync(old)) renameSync(old, target);
    throw err;
  }
  rmSync(old, { recursive: true, force: true });
  log(`${entry.name}: installed in ${target}`);
  return { name: entry.name, dir: target, alreadyInstalled: false, downloaded };
}
