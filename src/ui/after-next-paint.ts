/**
 * Resolves once the browser has painted the next frame, so work awaited after it runs in a new
 * task: a big update split in two this way never holds the main thread for both halves.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
