/**
 * Paged, single-flight loading for tree nodes (no vscode import): a `Pager` holds what a node has loaded so far
 * — items, ECS's `failures[]`, the `nextToken`, the last error — and runs at most one load at a time; a second
 * caller joins the load under way. Its AbortController follows the tree's: a refresh or a session change
 * cancels the calls that nobody needs any more.
 */
import type { Failure } from '../../aws/gateway';

export interface PageResult<T> {
  items: T[];
  failures?: Failure[];
  nextToken?: string;
}

export type PageFetch<T> = (nextToken: string | undefined, signal: AbortSignal) => Promise<PageResult<T>>;

export class Pager<T> {
  items: T[] = [];
  failures: Failure[] = [];
  nextToken: string | undefined;
  /** The error of the last load; the items loaded before it stay. */
  error: unknown;
  private started = false;
  private loading: Promise<void> | undefined;
  private readonly controller = new AbortController();

  constructor(
    private readonly fetch: PageFetch<T>,
    parent?: AbortSignal,
  ) {
    if (parent?.aborted) this.controller.abort();
    else parent?.addEventListener('abort', () => this.controller.abort(), { once: true });
  }

  /** True once the first page was asked for. */
  get isStarted(): boolean {
    return this.started;
  }

  get isLoading(): boolean {
    return this.loading !== undefined;
  }

  /** More pages to load (and no error in the way). */
  get hasMore(): boolean {
    return this.nextToken !== undefined && this.error === undefined;
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** The first page, loaded once; later calls wait for the load under way, if any. Never retries an error. */
  ensure(): Promise<void> {
    if (!this.started) return this.more();
    return this.loading ?? Promise.resolve();
  }

  /** The next page (or the failed one again); joins a load under way. */
  more(): Promise<void> {
    if (this.loading) return this.loading;
    if (this.started && this.nextToken === undefined && this.error === undefined) return Promise.resolve();
    this.started = true;
    const token = this.nextToken;
    this.loading = (async () => {
      try {
        const page = await this.fetch(token, this.controller.signal);
        if (this.controller.signal.aborted) return;
        this.items.push(...page.items);
        this.failures.push(...(page.failures ?? []));
        this.nextToken = page.nextToken;
        this.error = undefined;
      } catch (e) {
        if (!this.controller.signal.aborted) this.error = e;
      } finally {
        this.loading = undefined;
      }
    })();
    return this.loading;
  }

  /** Cancels the load under way; the pager is not used again. */
  dispose(): void {
    this.controller.abort();
  }
}

interface Stream<T> {
  buffer: T[];
  nextToken?: string;
  started: boolean;
  done: boolean;
}

/**
 * Merges several lists that each come newest first (e.g. a family's ACTIVE and its INACTIVE revisions, which
 * ECS lists separately) into one list, newest first, a page at a time: an item is handed out only when every
 * stream that still has pages has gone past it, so "Load more…" never has to insert above what is shown.
 */
export function mergeDescending<T>(fetches: Array<(nextToken: string | undefined, signal: AbortSignal) => Promise<{ items: T[]; nextToken?: string }>>, key: (item: T) => number): PageFetch<T> {
  const streams: Stream<T>[] = fetches.map(() => ({ buffer: [], started: false, done: false }));
  return async (_token, signal) => {
    for (;;) {
      // Fetch the streams that block: not started, or open with an empty buffer or the highest frontier.
      const open = streams.filter((s) => !s.done);
      const frontier = (s: Stream<T>): number => (s.buffer.length > 0 ? key(s.buffer[s.buffer.length - 1]!) : Number.POSITIVE_INFINITY);
      const blocking = open.filter((s) => !s.started || s.buffer.length === 0);
      const toFetch = blocking.length > 0 ? blocking : open.length > 0 ? [open.reduce((a, b) => (frontier(a) >= frontier(b) ? a : b))] : [];
      await Promise.all(
        toFetch.map(async (s) => {
          const i = streams.indexOf(s);
          const page = await fetches[i]!(s.nextToken, signal);
          s.started = true;
          s.buffer.push(...page.items);
          s.nextToken = page.nextToken;
          s.done = page.nextToken === undefined;
        }),
      );
      // Safe to hand out: items at or above every open stream's last fetched item.
      const stillOpen = streams.filter((s) => !s.done);
      const bound = stillOpen.length > 0 ? Math.max(...stillOpen.map((s) => (s.buffer.length > 0 ? key(s.buffer[s.buffer.length - 1]!) : Number.POSITIVE_INFINITY))) : Number.NEGATIVE_INFINITY;
      const out: T[] = [];
      for (const s of streams) {
        const keep: T[] = [];
        for (const item of s.buffer) (key(item) >= bound ? out : keep).push(item);
        s.buffer = keep;
      }
      out.sort((a, b) => key(b) - key(a));
      const more = streams.some((s) => !s.done || s.buffer.length > 0);
      if (out.length > 0 || !more) return { items: out, ...(more ? { nextToken: 'more' } : {}) };
    }
  };
}
