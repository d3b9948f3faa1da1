/**
 * `earshot models` against real mirrors of ../shared/models: a file:// folder and a loopback HTTP
 * server (Range requests, a transfer cut mid-file), with the repository's manifest and real model
 * files; a corrupted file on the mirror and on disk.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectWhisperModel } from '../../src/asr/whisper/model-folder.js';
import { runModels } from '../../src/cli/models.js';
import { ModelError } from '../../src/models/errors.js';
import { fetchModel, fileUrl } from '../../src/models/install.js';
import { findModel, loadManifest, parseManifest, type ModelEntry } from '../../src/models/manifest.js';
import { verifyModel } from '../../src/models/verify.js';
import { sharedDir } from '../support/audio.js';
import { startHttpMirror, type HttpMirror } from './http-mirror.js';

const shared = join(sharedDir, 'models');
const manifest = loadManifest();
const tiny = findModel(manifest, 'whisper-random-tiny');
const scratch: string[] = [];

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `earshot-models-${prefix}-`));
  scratch.push(dir);
  return dir;
}

/** A copy of the tiny model's folder as a mirror, to damage at will. */
function mirrorOfTiny(): string {
  const root = tempDir('mirror');
  cpSync(join(shared, tiny.path), join(root, tiny.path), { recursive: true });
  return root;
}

async function rejection(p: Promise<unknown>): Promise<ModelError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof ModelError)) throw new Error(`expected a ModelError, got ${String(err)}`);
  return err;
}

function capture(env: NodeJS.ProcessEnv): { io: Parameters<typeof runModels>[1] & object; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return { io: { out: (t) => (out += t), err: (t) => (err += t), env }, out: () => out, err: () => err };
}

let http: HttpMirror;

beforeAll(async () => {
  http = await startHttpMirror(shared);
});

afterAll(async () => {
  await http?.close();
  for (const d of scratch) rmSync(d, { recursive: true, force: true });
});

describe('the manifest', () => {
  it('pins every file of every model in ../shared/models by size and SHA-256', async () => {
    expect(manifest.models.map((m) => m.name)).toEqual(expect.arrayContaining(['whisper-random-tiny', 'whisper-random-tinydims']));
    for (const m of manifest.models) {
      const status = await verifyModel(m, shared);
      expect(status, m.name).toMatchObject({ state: 'ok', problems: [] });
    }
  });

  it('refuses entries that could write outside the models folder, or unpinned files', () => {
    const entry = (over: Partial<ModelEntry>): string => JSON.stringify({ version: 1, models: [{ ...tiny, ...over }] });
    expect(() => parseManifest(entry({ path: '../etc' }))).toThrow(/plain relative path/);
    expect(() => parseManifest(entry({ files: [{ path: 'a/../../b', bytes: 1, sha256: 'a'.repeat(64) }] }))).toThrow(/plain relative path/);
    expect(() => parseManifest(entry({ files: [{ path: 'config.json', bytes: 1, sha256: 'nothex' }] }))).toThrow(/sha256 must be/);
    expect(() => parseManifest('{"version":1,"models":[]')).toThrow(ModelError);
  });

  it('has no public origin for the generated models: fetching one needs a mirror, and says so', async () => {
    expect(() => fileUrl(tiny, tiny.files[0]!)).toThrow(/no public origin.*--base-url/);
    const err = await rejection(fetchModel(tiny, { modelsDir: tempDir('nosource') }));
    expect(err.code).toBe('NO_SOURCE');
  });
});

describe('earshot models fetch', () => {
  it('installs from a file:// mirror, every checksum verified, into a folder the Whisper engine accepts', async () => {
    const dir = tempDir('file');
    const r = await fetchModel(tiny, { modelsDir: dir, baseUrl: pathToFileURL(shared).href });
    expect(r.alreadyInstalled).toBe(false);
    expect(r.downloaded.map((d) => d.path).sort()).toEqual(tiny.files.map((f) => f.path).sort());
    expect(await verifyModel(tiny, dir)).toMatchObject({ state: 'ok' });
    expect(existsSync(join(dir, '.staging', tiny.name))).toBe(false);
    expect(inspectWhisperModel({ model: tiny.name, dtype: 'q8' }, { EARSHOT_MODELS_DIR: dir }).languages).toEqual(['en', 'es', 'zh']);
    // Again: nothing to do.
    const again = await fetchModel(tiny, { modelsDir: dir, baseUrl: shared });
    expect(again).toMatchObject({ alreadyInstalled: true, downloaded: [] });
  });

  it('installs from an HTTP mirror through the command line, and lists it as installed', async () => {
    const dir = tempDir('http');
    const env = { EARSHOT_MODELS_DIR: dir, EARSHOT_MODELS_BASE_URL: http.url };
    const fetched = capture(env);
    expect(await runModels(['fetch', tiny.name], fetched.io)).toBe(0);
    expect(fetched.out()).toContain(`${tiny.name}: installed in ${join(dir, tiny.path)}`);
    expect(http.requests.some((r) => r.path === `/${tiny.path}/onnx/encoder_model_quantized.onnx`)).toBe(true);
    const listed = capture(env);
    expect(await runModels(['list', '--json'], listed.io)).toBe(0);
    const rows = JSON.parse(listed.out()) as { name: string; state: string }[];
    expect(rows.find((r) => r.name === tiny.name)?.state).toBe('ok');
    expect(rows.find((r) => r.name === 'whisper-random-tinydims')?.state).toBe('absent');
  });

  it('refuses a file whose checksum is wrong and installs nothing', async () => {
    const mirror = mirrorOfTiny();
    const victim = join(mirror, tiny.path, 'tokenizer.json');
    const bytes = readFileSync(victim);
    bytes[100] = bytes[100]! ^ 0x20; // same size, one bit off
    writeFileSync(victim, bytes);
    const dir = tempDir('corrupt');
    const err = await rejection(fetchModel(tiny, { modelsDir: dir, baseUrl: mirror }));
    expect(err.code).toBe('CHECKSUM_MISMATCH');
    expect(err.message).toContain('tokenizer.json');
    expect(existsSync(join(dir, tiny.path))).toBe(false);
    expect(await verifyModel(tiny, dir)).toMatchObject({ state: 'absent' });
  });

  it('resumes an interrupted download where it stopped, and installs only when it is complete', async () => {
    const dir = tempDir('resume');
    const big = tiny.files.find((f) => f.path === 'onnx/decoder_model_merged.onnx')!;
    const cutAt = 300_000;
    http.cutNext(`/${tiny.path}/${big.path}`, cutAt);
    const err = await rejection(fetchModel(tiny, { modelsDir: dir, baseUrl: http.url }));
    expect(err.code).toBe('DOWNLOAD_FAILED');
    expect(err.message).toMatch(/run the fetch again to resume/);
    expect(existsSync(join(dir, tiny.path))).toBe(false); // nothing half-installed
    const part = join(dir, '.staging', tiny.name, `${big.path}.part`);
    expect(statSync(part).size).toBe(cutAt);

    const before = http.requests.length;
    const r = await fetchModel(tiny, { modelsDir: dir, baseUrl: http.url });
    const resumed = http.requests.slice(before).find((q) => q.path.endsWith(big.path));
    expect(resumed?.range).toBe(`bytes=${cutAt}-`);
    expect(r.downloaded.find((d) => d.path === big.path)).toMatchObject({ resumedFrom: cutAt, bytes: big.bytes });
    // Files finished by the first attempt were not fetched again.
    expect(r.downloaded.length).toBeLessThan(tiny.files.length);
    expect(await verifyModel(tiny, dir)).toMatchObject({ state: 'ok' });
  });
});

describe('earshot models verify', () => {
  it('finds a damaged installed file, exits 1, and a fetch repairs only that file', async () => {
    const dir = tempDir('verify');
    await fetchModel(tiny, { modelsDir: dir, baseUrl: shared });
    const victim = join(dir, tiny.path, 'onnx/encoder_model_quantized.onnx');
    const bytes = readFileSync(victim);
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0xff;
    writeFileSync(victim, bytes);

    const checked = capture({ EARSHOT_MODELS_DIR: dir });
    expect(await runModels(['verify'], checked.io)).toBe(1);
    expect(checked.out()).toMatch(/whisper-random-tiny: DAMAGED\n {2}onnx\/encoder_model_quantized\.onnx: checksum/);
    expect(checked.out()).toContain('whisper-random-tinydims: not installed');
    expect(checked.err()).toContain('earshot models fetch');

    const r = await fetchModel(tiny, { modelsDir: dir, baseUrl: http.url });
    expect(r.downloaded.map((d) => d.path)).toEqual(['onnx/encoder_model_quantized.onnx']);
    const again = capture({ EARSHOT_MODELS_DIR: dir });
    expect(await runModels(['verify', tiny.name], again.io)).toBe(0);
    expect(again.out()).toBe('whisper-random-tiny: ok\n');
  });

  it('answers unknown models and bad base URLs with a code and a message', async () => {
    const c = capture({ EARSHOT_MODELS_DIR: tempDir('bad') });
    expect(await runModels(['fetch', 'whisper-huge'], c.io)).toBe(1);
    expect(c.err()).toMatch(/MODEL_UNKNOWN: no model "whisper-huge"/);
    const d = capture({ EARSHOT_MODELS_DIR: tempDir('bad') });
    expect(await runModels(['fetch', tiny.name, '--base-url', 'ftp://mirror'], d.io)).toBe(1);
    expect(d.err()).toMatch(/BAD_BASE_URL/);
    const e = capture({ EARSHOT_MODELS_MANIFEST: join(tempDir('bad'), 'none.json') });
    expect(await runModels(['list'], e.io)).toBe(1);
    expect(e.err()).toMatch(/MANIFEST_INVALID/);
  });
});
