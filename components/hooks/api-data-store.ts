import type { ApiKey } from './api-key';
import { keepImmutable } from './immutable-budget';

/*
 * The product's own store of API answers, not SWR: the board page's JavaScript has a budget of
 * 200 KB gzipped (docs/performance.md, change 17), of which SWR, with use-sync-external-store and
 * dequal, took 5 KB, while useApiData used only this much of it: one shared answer per key, one
 * request at a time, answers kept while asking again, immutable answers, and asking again by a
 * filter. SWR's other features (revalidation on focus and on reconnect, retries, mutations with
 * optimistic data, Suspense, preloading) were switched off or unused. React's own
 * useSyncExternalStore does the rest (use-api-data.ts).
 */

/** A component that mounts within this long after an answer is given it without asking again (as SWR did). */
export const DEDUPE_MS = 2000;

export interface ApiState {
  /** The last answer; undefined until there is one. */
  readonly data?: unknown;
  /** Why the last request failed; cleared by the next answer, while the last answer stays. */
  readonly error?: unknown;
  /** A request is on its way. */
  readonly asking: boolean;
}

export type Load = (path: string) => Promise<unknown>;

/** One key's place in the store: the same object for as long as the key is kept. */
export interface Entry {
  readonly key: ApiKey;
  /** A new object at each change (what useSyncExternalStore compares). */
  state: ApiState;
  readonly listeners: Set<() => void>;
  /** The request whose answer counts: a later one supersedes it. */
  request?: Promise<void>;
  /** Until when a mount takes the last answer without asking (0: asked when next shown). */
  freshUntil: number;
  /** How it was last asked, to ask again the same way. */
  load?: Load;
  immutable?: boolean;
}

export interface ApiDataStore {
  /** What is known of `key`, without keeping a place for it. */
  peek(key: ApiKey): ApiState;
  entry(key: ApiKey): Entry;
  /** Calls `listener` at every change of the entry until the returned function is called. */
  watch(entry: Entry, listener: () => void): () => void;
  /**
   * GETs the entry's path with `load`; resolves once its answer (or failure) is in. `dedupe` (a
   * component mounting, a refresh tick): a request on its way, an answer just in, or any answer
   * of an immutable key does instead.
   */
  ask(entry: Entry, load: Load, options?: { immutable?: boolean; dedupe?: boolean }): Promise<void>;
  /**
   * Asks again every answer whose key `isStale` picks: at once if it is on screen, otherwise
   * when it is next shown (the one on screen stays meanwhile).
   */
  askAgain(isStale: (key: ApiKey) => boolean): void;
}

export const NOTHING: ApiState = { asking: false };
const DONE = Promise.resolve();

const idOf = (key: ApiKey) => JSON.stringify([key.path, key.refreshOn]);

/** An empty store: one per signed-in person (api-data-scope.tsx), never shared between two. */
export function createApiDataStore(): ApiDataStore {
  const entries = new Map<string, Entry>();
  /** The immutable answers, oldest first (immutable-budget.ts). */
  const kept = new Set<string>();
  const set = (entry: Entry, state: ApiState) => {
    entry.state = state;
    for (const listener of entry.listeners) listener();
  };
  const drop = (id: string) => {
    if (entries.get(id)?.listeners.size) return false;
    entries.delete(id);
    return true;
  };
  const store: ApiDataStore = {
    peek: (key) => entries.get(idOf(key))?.state ?? NOTHING,
    entry(key) {
      const id = idOf(key);
      let entry = entries.get(id);
      if (!entry) entries.set(id, (entry = { key, state: NOTHING, listeners: new Set(), freshUntil: 0 }));
      return entry;
    },
    watch(entry, listener) {
      entry.listeners.add(listener);
      return () => void entry.listeners.delete(listener);
    },
    ask(entry, load, { immutable = false, dedupe = false } = {}) {
      entry.load = load;
      entry.immutable = immutable;
      if (dedupe) {
        if (entry.request) return entry.request;
        if (Date.now() < entry.freshUntil || (immutable && entry.state.data !== undefined)) return DONE;
      }
      const request: Promise<void> = new Promise<unknown>((resolve) => resolve(load(entry.key.path))).then(
        (data) => {
          // Superseded (asked again meanwhile): its answer may predate the change; wait for the later one.
          if (entry.request !== request) return entry.request;
          entry.request = undefined;
          entry.freshUntil = Date.now() + DEDUPE_MS;
          set(entry, { data, asking: false });
          if (immutable) keepImmutable(kept, idOf(entry.key), drop);
          return undefined;
        },
        (error: unknown) => {
          if (entry.request !== request) return entry.request;
          entry.request = undefined;
          entry.freshUntil = 0;
          set(entry, { data: entry.state.data, error, asking: false });
          return undefined;
        },
      );
      entry.request = request;
      if (!entry.state.asking) set(entry, { ...entry.state, asking: true });
      return request;
    },
    askAgain(isStale) {
      for (const entry of entries.values()) {
        if (!isStale(entry.key)) continue;
        if (entry.listeners.size && entry.load) void store.ask(entry, entry.load, { immutable: entry.immutable });
        else {
          entry.freshUntil = 0;
          if (entry.request) {
            entry.request = undefined;
            set(entry, { ...entry.state, asking: false });
          }
        }
      }
    },
  };
  return store;
}
