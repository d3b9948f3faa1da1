import { existsSync, readFileSync } from 'node:fs';

import { modelsDir, repoModel, repoRoot } from '../../paths.js';
import { EngineError, type DecoderOptions } from '../engine.js';

/** A decoder configuration: sample rate and pocketsphinx flags (models/pocketsphinx/profiles.json). */
export interface Profile {
  name: string;
  sampleRateHz: number;
  flags: Record<string, string>;
}

interface ProfilesFile {
  profiles: Record<string, { sampleRateHz: number; flags: Record<string, string> }>;
  select: Record<string, { telephone: string; wideband: string }>;
}

export const DEBIAN_MODELS = '/usr/share/pocketsphinx/model';

let cached: ProfilesFile | undefined;

function profilesFile(): ProfilesFile {
  cached ??= JSON.parse(readFileSync(repoModel('pocketsphinx', 'profiles.json'), 'utf8')) as ProfilesFile;
  return cached;
}

/** Resolve ${debian}, ${models} and ${repo} in a profile's path. */
export function expandPath(value: string): string {
  return value
    .replaceAll('${debian}', DEBIAN_MODELS)
    .replaceAll('${models}', modelsDir())
    .replaceAll('${repo}', repoRoot);
}

/** The profile for a language and audio kind, with paths resolved and checked. */
export function selectProfile(options: DecoderOptions): Profile {
  const file = profilesFile();
  const choice = file.select[options.language];
  if (!choice) throw new EngineError('LANGUAGE_UNSUPPORTED', `pocketsphinx has no profile for language "${options.language}"`);
  const name = options.telephone ? choice.telephone : choice.wideband;
  const raw = file.profiles[name];
  if (!raw) throw new EngineError('MODEL_MISSING', `profile "${name}" is selected but not defined in profiles.json`);
  const flags: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw.flags)) flags[key] = expandPath(value);
  for (const key of ['hmm', 'dict', 'lm', 'kws', 'jsgf', 'fsg']) {
    const path = flags[key];
    if (path !== undefined && !existsSync(path)) {
      throw new EngineError('MODEL_MISSING', `pocketsphinx model file for ${name} is not installed: -${key} ${path}`);
    }
  }
  return { name, sampleRateHz: raw.sampleRateHz, flags };
}

export function profileArgv(profile: Profile): string[] {
  return Object.entries(profile.flags).flatMap(([k, v]) => [`-${k}`, v]);
}

