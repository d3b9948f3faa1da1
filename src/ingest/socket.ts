import type { WebSocket } from 'ws';
import type { Metrics } from '../server/metrics.js';
import { CLOSE, IngestError } from './errors.js';

/** Send a coded error and close with the status that fits; the process and other calls go on. */
export function refuse(socket: WebSocket, err: unknown, metrics: Metrics): void {
  const e = err instanceof IngestError ? err : new IngestError('INTERNAL', 'the server failed to handle this message');
  metrics.ingestErrors.inc({ code: e.code });
  if (socket.readyState !== socket.OPEN) return;
  socket.send(JSON.stringify(e.toWire()));
  socket.close(e.closeCode, e.code);
}

export function sendJson(socket: WebSocket, msg: unknown): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(msg));
}

export function closeNormally(socket: WebSocket): void {
  if (socket.readyState === socket.OPEN) socket.close(CLOSE.normal, 'stopped');
}

/** Binary frame bytes as one Uint8Array (ws may hand over a Buffer, an ArrayBuffer or fragments). */
export function frameBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}
