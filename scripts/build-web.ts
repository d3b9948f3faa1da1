/**
 * Builds the pages (src/web) into dist/web: one minified ES-module bundle per page (preact and
 * shared code split into a common chunk), one stylesheet, source maps, and an HTML shell per page
 * naming its content-hashed assets. The server sends the shells uncached and the hashed assets
 * as immutable (src/server/pages-routes.ts). Nothing is fetched from outside at run time.
 *
 *   npx tsx scripts/build-web.ts [--out DIR] [--no-minify]
 */
import { mkdirSync, readdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { repoRoot } from '../src/paths.js';

export const PAGES = {
  agent: { entry: 'src/web/agent/main.tsx', title: 'earshot · Collector' },
  live: { entry: 'src/web/live/main.tsx', title: 'earshot · Live calls' },
  qa: { entry: 'src/web/qa/main.tsx', title: 'earshot · QA review' },
} as const;

export type PageName = keyof typeof PAGES;

export interface BuildWebOptions {
  /** Default: dist/web in the repository. */
  outDir?: string;
  minify?: boolean;
}

export interface BuildWebResult {
  outDir: string;
  /** Every file written, relative to outDir. */
  files: string[];
  bytes: number;
}

const STYLES_ENTRY = 'src/web/styles.css';

function shell(title: string, script: string, chunks: string[], styles: string): string {
  const preload = chunks.map((c) => `<link rel="modulepreload" href="/web/${c}">\n`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<link rel="stylesheet" href="/web/${styles}">
${preload}<script type="module" src="/web/${script}"></script>
</head>
<body>
<div id="app"><p class="boot">Loading…</p><noscript>This page needs JavaScript.</noscript></div>
</body>
</html>
`;
}

/** Write by rename, so a server (or a parallel build) never reads half a file. */
function writeAtomic(path: string, data: string | Uint8Array): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

function outputFor(meta: Metafile, outDir: string, entry: string): { js?: string; chunks: string[]; css?: string } {
  for (const [file, out] of Object.entries(meta.outputs)) {
    if (out.entryPoint !== entry) continue;
    const name = relative(outDir, join(repoRoot, file));
    // The shared chunks it imports, preloaded so the browser does not discover them one by one.
    const chunks = out.imports.filter((i) => i.kind === 'import-statement').map((i) => relative(outDir, join(repoRoot, i.path)));
    if (name.endsWith('.js')) return { js: name, chunks };
    if (name.endsWith('.css')) return { css: name, chunks: [] };
  }
  return { chunks: [] };
}

export async function buildWeb(options: BuildWebOptions = {}): Promise<BuildWebResult> {
  const outDir = options.outDir ?? join(repoRoot, 'dist', 'web');
  const minify = options.minify ?? true;
  const entryPoints: Record<string, string> = { styles: join(repoRoot, STYLES_ENTRY) };
  for (const [name, page] of Object.entries(PAGES)) entryPoints[name] = join(repoRoot, page.entry);
  const result = await build({
    absWorkingDir: repoRoot,
    entryPoints,
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome109', 'edge109', 'firefox115', 'safari16'],
    minify,
    sourcemap: 'linked',
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    tsconfig: join(repoRoot, 'src/web/tsconfig.json'),
    metafile: true,
    write: false,
    logLevel: 'silent',
    legalComments: 'linked',
  });
  mkdirSync(outDir, { recursive: true });
  const files: string[] = [];
  let bytes = 0;
  for (const f of result.outputFiles) {
    writeAtomic(f.path, f.contents);
    files.push(relative(outDir, f.path));
    bytes += f.contents.length;
  }
  const styles = outputFor(result.metafile, outDir, STYLES_ENTRY).css;
  if (!styles) throw new Error('build-web: no stylesheet in the output');
  for (const [name, page] of Object.entries(PAGES)) {
    const { js, chunks } = outputFor(result.metafile, outDir, page.entry);
    if (!js) throw new Error(`build-web: no bundle for page ${name}`);
    const html = shell(page.title, js, chunks, styles);
    writeAtomic(join(outDir, `${name}.html`), html);
    files.push(`${name}.html`);
    bytes += Buffer.byteLength(html);
  }
  // Assets of earlier builds: gone, so the folder holds exactly what the shells name.
  const keep = new Set(files);
  for (const name of readdirSync(outDir)) {
    if (keep.has(name) || name.startsWith('.')) continue;
    try {
      unlinkSync(join(outDir, name));
    } catch {
      // a parallel build removed it first
    }
  }
  return { outDir, files: files.sort(), bytes };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const outArg = args.indexOf('--out');
  const t0 = Date.now();
  buildWeb({ outDir: outArg >= 0 ? args[outArg + 1] : undefined, minify: !args.includes('--no-minify') })
    .then((r) => {
      console.log(`build-web: ${r.files.length} files, ${(r.bytes / 1024).toFixed(0)} KiB in ${relative(process.cwd(), r.outDir) || '.'} (${Date.now() - t0} ms)`);
    })
    .catch((err: unknown) => {
      console.error(`build-web: ${(err as Error).message}`);
      process.exit(1);
    });
}
