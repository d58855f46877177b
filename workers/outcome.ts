/**
 * How a worker call reports its result: `{ ok, value }` or `{ ok: false, error }`. Errors cross
 * as plain objects, since some browsers cannot structured-clone an Error; the main-thread
 * client rebuilds them with `fromPlainError`.
 */
import { ModelInputError } from '../src/model/errors.ts';

export interface PlainError {
  name: string;
  message: string;
  /** ModelInputError's path to the bad value, when there is one. */
  path?: string;
}

export type WorkerOutcome<T> = { ok: true; value: T } | { ok: false; error: PlainError };

export function toPlainError(error: unknown): PlainError {
  if (error instanceof ModelInputError)
    return { name: error.name, message: error.message, path: error.path };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

/** Rebuilds the error a worker reported, as the class it was thrown as where that matters. */
export function fromPlainError(error: PlainError): Error {
  if (error.path !== undefined) {
    const rebuilt = new ModelInputError(error.path, '');
    rebuilt.message = error.message;
    return rebuilt;
  }
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  return rebuilt;
}
