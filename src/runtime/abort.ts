/**
 * How a cancelled run ends: every worker client rejects with a DOMException named AbortError,
 * and callers tell it apart from a real failure with `isAbortError` (a cancel is not an error
 * to show).
 */
export function abortError(message: string): DOMException {
  return new DOMException(message, 'AbortError');
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
