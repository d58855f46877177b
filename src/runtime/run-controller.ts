import { abortError, isAbortError } from './abort.ts';

/**
 * The one way a page runs work (a forecast, a scenario run, a solve, a map's model results):
 * the latest run wins. Starting a run aborts the one before it (its worker ends); a run's
 * progress and result reach the page only while it is the latest, so a slow stale run never
 * overwrites a newer one. A cancel is told from a failure (`isAbortError`), and each ending can
 * leave a notice for the page to show.
 */

/** What a run came to, in words for the page's banner. */
export interface RunNotice {
  kind: 'success' | 'cancelled' | 'error';
  text: string;
}

/**
 * The page that runs the work. A Lit element is one: it is redrawn on every change, and a run
 * still going when it leaves the document is aborted.
 */
export interface RunHost {
  requestUpdate(): void;
  addController?(controller: { hostDisconnected(): void }): void;
}

/** What the work is given: the signal to pass to the workers, and where to report progress. */
export interface RunContext {
  readonly signal: AbortSignal;
  /** Work done so far (and the total, if it is known only now); `stage` says what is running. */
  progress(done: number, total?: number, stage?: string): void;
}

export type RunOutcome<T> =
  | { status: 'done'; value: T }
  | { status: 'cancelled' }
  | { status: 'failed'; message: string }
  /** A newer run started: this one's result is dropped and nothing on the page changed. */
  | { status: 'superseded' };

/** The notices a run leaves; one left out leaves none for that ending. */
export interface RunWords<T> {
  /** How much work there is; progress ends at it when the run succeeds. */
  total?: number;
  succeeded?(value: T): string;
  /** Read when the cancel happens, so it can say what is still shown. */
  cancelled?(): string;
  failed?(message: string): string;
}

export const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

export class RunController {
  running = false;
  done = 0;
  total = 0;
  stage = '';
  notice: RunNotice | undefined;

  private latest: AbortController | undefined;

  constructor(private readonly host: RunHost) {
    host.addController?.(this);
  }

  hostDisconnected(): void {
    this.cancel();
  }

  /** Progress from 0 to 1. */
  get fraction(): number {
    return this.total > 0 ? this.done / this.total : 0;
  }

  /** Aborts the running run, if any; it ends as cancelled. */
  cancel(): void {
    this.latest?.abort();
  }

  async run<T>(
    work: (run: RunContext) => Promise<T>,
    words: RunWords<T> = {},
  ): Promise<RunOutcome<T>> {
    this.latest?.abort();
    const abort = new AbortController();
    this.latest = abort;
    const isLatest = () => this.latest === abort;
    this.running = true;
    this.done = 0;
    this.total = words.total ?? 0;
    this.stage = '';
    this.notice = undefined;
    this.host.requestUpdate();
    let outcome: RunOutcome<T>;
    try {
      const value = await work({
        signal: abort.signal,
        progress: (done, total, stage) => {
          if (!isLatest()) return;
          this.done = done;
          if (total !== undefined) this.total = total;
          if (stage !== undefined) this.stage = stage;
          this.host.requestUpdate();
        },
      });
      if (!isLatest()) return { status: 'superseded' };
      // Work that ignores its signal still ends as cancelled when it was cancelled.
      if (abort.signal.aborted) throw abortError('Cancelled');
      this.done = this.total;
      outcome = { status: 'done', value };
      this.notice = words.succeeded && { kind: 'success', text: words.succeeded(value) };
    } catch (error) {
      if (!isLatest()) return { status: 'superseded' };
      if (isAbortError(error) || abort.signal.aborted) {
        outcome = { status: 'cancelled' };
        this.notice = words.cancelled && { kind: 'cancelled', text: words.cancelled() };
      } else {
        const message = messageOf(error);
        outcome = { status: 'failed', message };
        this.notice = { kind: 'error', text: words.failed ? words.failed(message) : message };
      }
    }
    this.running = false;
    this.latest = undefined;
    this.host.requestUpdate();
    return outcome;
  }
}
