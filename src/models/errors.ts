/** Coded failures of `earshot models`: the command prints code and message and exits non-zero. */
export type ModelErrorCode =
  | 'MANIFEST_INVALID'
  | 'MODEL_UNKNOWN'
  | 'NO_SOURCE'
  | 'BAD_BASE_URL'
  | 'DOWNLOAD_FAILED'
  | 'SIZE_MISMATCH'
  | 'CHECKSUM_MISMATCH';

export class ModelError extends Error {
  constructor(
    readonly code: ModelErrorCode,
    message: string,
  ) {
    super(message);
  }
}
