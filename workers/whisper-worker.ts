/**
 * Whisper worker thread: the channels the pool assigned to it, on one Whisper model loaded once
 * from EARSHOT_MODELS_DIR (src/asr/whisper/worker.ts does the work).
 */
import { parentPort } from 'node:worker_threads';
import { SileroModel } from '../src/audio/vad.js';
import type { FromWorker, ToWorker } from '../src/asr/messages.js';
import { loadWhisperSettings } from '../src/asr/whisper/settings.js';
import { WhisperTranscriber } from '../src/asr/whisper/transcriber.js';
import { WhisperWorker } from '../src/asr/whisper/worker.js';

const port = parentPort!;
const send = (msg: FromWorker): void => port.postMessage(msg);
const settings = loadWhisperSettings();
const vad = SileroModel.load();
// Loaded as the thread starts (the pool starts Whisper threads when the first Whisper call comes).
const worker = new WhisperWorker(send, vad, WhisperTranscriber.load(settings), settings);

port.on('message', (msg: ToWorker) => worker.handle(msg));

setInterval(() => send({ type: 'stats', engine: 'whisper', ...worker.takeStats() }), 1000).unref();

void vad.then(() => send({ type: 'ready' }));
