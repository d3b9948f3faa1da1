/**
 * Coded ingest errors. The client gets {"type":"error","code","message"} and then a close
 * with the WebSocket status that fits (RFC 6455 § 7.4.1).
 */
export const CLOSE = {
  normal: 1000,
  goingAway: 1001,
  unsupportedData: 1003,
  policyViolation: 1008,
  tooBig: 1009,
  internalError: 1011,
  tryAgainLater: 1013,
} as const;

const CODES = {
  BAD_JSON: { close: CLOSE.policyViolation, why: 'a text frame that is not JSON' },
  BAD_MESSAGE: { close: CLOSE.policyViolation, why: 'a message of unknown type or with missing fields' },
  NOT_STARTED: { close: CLOSE.policyViolation, why: 'audio or stop before start' },
  ALREADY_STARTED: { close: CLOSE.policyViolation, why: 'a second start' },
  BAD_START: { close: CLOSE.policyViolation, why: 'a start message with invalid fields' },
  UNSUPPORTED_ENCODING: { close: CLOSE.unsupportedData, why: 'an encoding the server cannot decode' },
  UNSUPPORTED_SAMPLE_RATE: { close: CLOSE.unsupportedData, why: 'a sample rate outside 8000-48000 Hz' },
  UNSUPPORTED_LANGUAGE: { close: CLOSE.unsupportedData, why: 'a language with no installed model' },
  ENGINE_UNAVAILABLE: { close: CLOSE.unsupportedData, why: 'a speech engine that is not installed' },
  PARTIAL_SAMPLE: { close: CLOSE.policyViolation, why: 'a binary frame that does not hold whole samples' },
  FRAME_TOO_LARGE: { close: CLOSE.tooBig, why: 'a frame over the size limit' },
  CALL_ACTIVE: { close: CLOSE.policyViolation, why: 'a callId that is already live' },
  SERVER_BUSY: { close: CLOSE.tryAgainLater, why: 'more calls than the server accepts' },
  SHUTTING_DOWN: { close: CLOSE.goingAway, why: 'a new call while the server is stopping' },
  INTERNAL: { close: CLOSE.internalError, why: 'a fault in the server' },
} as const;

export type IngestErrorCode = keyof typeof CODES;

export class IngestError extends Error {
  readonly closeCode: number;
  constructor(
    readonly code: IngestErrorCode,
    message: string,
  ) {
    super(message);
    this.closeCode = CODES[code].close;
  }

  toWire(): { type: 'error'; code: IngestErrorCode; message: string } {
    return { type: 'error', code: this.code, message: this.message };
  }
}
