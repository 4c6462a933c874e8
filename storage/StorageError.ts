/** Why storage refused: the api maps each code to one status (503 for all but a lock at start). */
export const storageErrorCodes = [
  'STORAGE_UNAVAILABLE',
  'STORAGE_CORRUPT',
  'DATA_DIRECTORY_LOCKED',
] as const;
export type StorageErrorCode = (typeof storageErrorCodes)[number];

export class StorageError extends Error {
  override readonly name = 'StorageError';
  readonly code: StorageErrorCode;

  constructor(code: StorageErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
