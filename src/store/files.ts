/** Files the store keeps beside its rows (clips, recordings): safe names and durable writes. */
import { createHash } from 'node:crypto';
import { mkdir, open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';

/** A file name that is safe whatever the id holds ("../", slashes…), and distinct for distinct ids. */
export function safeFileName(id: string): string {
  const readable = id.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 80);
  const hash = createHash('sha256').update(id).digest('hex').slice(0, 10);
  return `${readable}-${hash}`;
}

/** fsync a folder, so a file just created or renamed in it survives a power cut. */
export async function syncDir(path: string): Promise<void> {
  const dir = await open(path, 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}

/** Writes a file so that it is complete on disk or absent: temp file, fsync, rename, fsync folder. */
export async function writeFileDurably(path: string, data: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  const fh = await open(tmp, 'w');
  try {
    await fh.writeFile(data);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, path);
  await syncDir(dirname(path));
}
