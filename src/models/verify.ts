import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelEntry, ModelFile } from './manifest.js';
import { sha256File } from './sha256.js';

export interface FileProblem {
  path: string;
  problem: 'missing' | 'size' | 'checksum';
  detail: string;
}

export interface ModelStatus {
  name: string;
  dir: string;
  /** ok: every file present and matching; damaged: some missing or different; absent: no folder. */
  state: 'ok' | 'damaged' | 'absent';
  problems: FileProblem[];
}

/** Is this file at `path` the manifest's file? Size first (cheap), then SHA-256. */
export async function checkFile(path: string, file: ModelFile, hash = true): Promise<FileProblem | undefined> {
  if (!existsSync(path)) return { path: file.path, problem: 'missing', detail: 'not there' };
  const size = statSync(path).size;
  if (size !== file.bytes) return { path: file.path, problem: 'size', detail: `${size} bytes, the manifest says ${file.bytes}` };
  if (!hash) return undefined;
  const sum = await sha256File(path);
  if (sum !== file.sha256) return { path: file.path, problem: 'checksum', detail: `sha256 ${sum}, the manifest says ${file.sha256}` };
  return undefined;
}

/** Check an installed model against the manifest: every file, by size and (unless `quick`) SHA-256. */
export async function verifyModel(entry: ModelEntry, modelsDir: string, { quick = false } = {}): Promise<ModelStatus> {
  const dir = join(modelsDir, entry.path);
  if (!existsSync(dir)) return { name: entry.name, dir, state: 'absent', problems: [] };
  const problems: FileProblem[] = [];
  for (const file of entry.files) {
    const p = await checkFile(join(dir, file.path), file, !quick);
    if (p) problems.push(p);
  }
  return { name: entry.name, dir, state: problems.length ? 'damaged' : 'ok', problems };
}
