import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file whether it runs as TypeScript (src/) or built (dist/src/). */
function findRepoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'models'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('earshot: cannot find the repository root (package.json + models/)');
    dir = parent;
  }
}

export const repoRoot = findRepoRoot();

/** Where installed speech models live: EARSHOT_MODELS_DIR, else ../shared/models beside the repo. */
export function modelsDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.EARSHOT_MODELS_DIR) return resolve(env.EARSHOT_MODELS_DIR);
  return resolve(repoRoot, '..', 'shared', 'models');
}

/** Files shipped in the repository's models/ folder (decoder profiles, trained detector, built LMs). */
export function repoModel(...parts: string[]): string {
  return join(repoRoot, 'models', ...parts);
}
