import 'server-only';
import { getMirrorVersion } from '../inbox/get-mirror-version';

/**
 * One poller per server process, shared by every open inbox stream: N agents cost one
 * cheap query every POLL_MS, not N. It runs only while someone is subscribed.
 */
export const POLL_MS = 1_500;

type Listener = (version: string) => void;

interface WatcherState {
  listeners: Set<Listener>;
  version: string | undefined;
  timer: ReturnType<typeof setTimeout> | undefined;
}

// Next's dev server re-evaluates modules; keep one watcher per process on globalThis.
const globalForWatcher = globalThis as unknown as { countersignMirrorWatcher?: WatcherState };
const state: WatcherState = (globalForWatcher.countersignMirrorWatcher ??= {
  listeners: new Set(),
  version: undefined,
  timer: undefined,
});

async function poll(): Promise<void> {
  try {
    const version = await getMirrorVersion();
    if (state.version !== undefined && version !== state.version) {
      for (const listener of state.listeners) listener(version);
    }
    state.version = version;
  } catch (error) {
    // A locked or missing database is transient here; the next poll tries again.
    console.error('mirror watcher: poll failed', error);
  } finally {
    state.timer = state.listeners.size > 0 ? setTimeout(() => void poll(), POLL_MS) : undefined;
  }
}

/** Calls `listener` with the new version whenever the mirror changes; returns unsubscribe. */
export function subscribeToMirror(listener: Listener): () => void {
  state.listeners.add(listener);
  if (!state.timer) state.timer = setTimeout(() => void poll(), 0);
  return () => {
    state.listeners.delete(listener);
    // The last known version is kept: a page opened later still sees what changed meanwhile.
    if (state.listeners.size === 0 && state.timer) {
      clearTimeout(state.timer);
      state.timer = undefined;
    }
  };
}
