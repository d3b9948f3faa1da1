import { readFileSync } from 'node:fs';
import { isAbsolute, normalize } from 'node:path';
import { LANGUAGES, type Language } from '../asr/engine.js';
import { repoModel } from '../paths.js';
import { ModelError } from './errors.js';

/**
 * models/manifest.json: the speech models earshot knows how to install. A model is a folder under
 * EARSHOT_MODELS_DIR (`path`) holding `files`, each pinned by size and SHA-256. A file comes from
 * a mirror (`<base URL>/<path>/<file>`) when one is given, else from its own `url`, else from the
 * model's `source` (`<source>/<file>`): the public origin, where there is one.
 */
export interface ModelFile {
  /** Relative to the model folder, with forward slashes. */
  path: string;
  bytes: number;
  sha256: string;
  /** Where this file is published, when its origin serves it byte for byte. */
  url?: string;
}

export interface ModelEntry {
  name: string;
  engine: string;
  languages: Language[];
  /** The folder under EARSHOT_MODELS_DIR. */
  path: string;
  /** Base URL of the model's public origin (files at <source>/<file>); null when it has none. */
  source: string | null;
  about?: string;
  origin?: string;
  license?: string;
  files: ModelFile[];
}

export interface Manifest {
  version: 1;
  models: ModelEntry[];
}

/** The manifest in use: EARSHOT_MODELS_MANIFEST (a deployment's own list), else the repository's. */
export function manifestPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.EARSHOT_MODELS_MANIFEST || repoModel('manifest.json');
}

function invalid(where: string, why: string): ModelError {
  return new ModelError('MANIFEST_INVALID', `${where}: ${why}`);
}

/** A relative path that stays inside its folder (no absolute paths, no "..", no backslashes). */
function safeRelative(p: unknown, where: string): string {
  if (typeof p !== 'string' || !p || isAbsolute(p) || p.includes('\\') || normalize(p) !== p || p.split('/').some((s) => s === '..' || s === '.' || s === '')) {
    throw invalid(where, `"${String(p)}" must be a plain relative path inside the models folder`);
  }
  return p;
}

function validEntry(raw: unknown, i: number): ModelEntry {
  const where = `models[${i}]`;
  if (typeof raw !== 'object' || raw === null) throw invalid(where, 'must be an object');
  const m = raw as Record<string, unknown>;
  if (typeof m.name !== 'string' || !/^[A-Za-z0-9._-]+$/.test(m.name)) throw invalid(where, 'name must be letters, digits, ".", "_" or "-"');
  if (typeof m.engine !== 'string' || !m.engine) throw invalid(m.name, 'engine is missing');
  if (!Array.isArray(m.languages) || !m.languages.every((l) => (LANGUAGES as readonly unknown[]).includes(l))) throw invalid(m.name, `languages must be a list of ${LANGUAGES.join(', ')}`);
  const path = safeRelative(m.path, `${m.name}.path`);
  if (m.source !== null && (typeof m.source !== 'string' || !/^(https?|file):\/\//.test(m.source))) throw invalid(m.name, 'source must be an http(s) or file URL, or null');
  if (!Array.isArray(m.files) || m.files.length === 0) throw invalid(m.name, 'files must be a non-empty list');
  const files = m.files.map((f: unknown, j: number): ModelFile => {
    const fw = `${m.name}.files[${j}]`;
    if (typeof f !== 'object' || f === null) throw invalid(fw, 'must be an object');
    const file = f as Record<string, unknown>;
    const fp = safeRelative(file.path, fw);
    if (typeof file.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(file.sha256)) throw invalid(`${m.name}/${fp}`, 'sha256 must be 64 lower-case hex digits');
    if (typeof file.bytes !== 'number' || !Number.isInteger(file.bytes) || file.bytes < 0) throw invalid(`${m.name}/${fp}`, 'bytes must be a non-negative integer');
    if (file.url !== undefined && (typeof file.url !== 'string' || !/^(https?|file):\/\//.test(file.url))) throw invalid(`${m.name}/${fp}`, 'url must be an http(s) or file URL');
    return { path: fp, bytes: file.bytes, sha256: file.sha256, ...(file.url ? { url: file.url as string } : {}) };
  });
  return {
    name: m.name,
    engine: m.engine,
    languages: m.languages as Language[],
    path,
    source: (m.source as string | null) ?? null,
    about: typeof m.about === 'string' ? m.about : undefined,
    origin: typeof m.origin === 'string' ? m.origin : undefined,
    license: typeof m.license === 'string' ? m.license : undefined,
    files,
  };
}

export function parseManifest(text: string, where = 'manifest'): Manifest {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw invalid(where, `not JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  if (typeof raw !== 'object' || raw === null || (raw as { version?: unknown }).version !== 1) throw invalid(where, 'must be an object with "version": 1');
  const list = (raw as { models?: unknown }).models;
  if (!Array.isArray(list)) throw invalid(where, '"models" must be a list');
  const models = list.map(validEntry);
  const seen = new Set<string>();
  for (const m of models) {
    if (seen.has(m.name)) throw invalid(where, `model "${m.name}" is listed twice`);
    seen.add(m.name);
  }
  return { version: 1, models };
}

export function loadManifest(path = manifestPath()): Manifest {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw invalid(path, `cannot read it (${err instanceof Error ? err.message : String(err)})`);
  }
  return parseManifest(text, path);
}

export function findModel(manifest: Manifest, name: string): ModelEntry {
  const m = manifest.models.find((e) => e.name === name);
  if (!m) throw new ModelError('MODEL_UNKNOWN', `no model "${name}" in the manifest; known: ${manifest.models.map((e) => e.name).join(', ')}`);
  return m;
}
