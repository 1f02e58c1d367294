import 'server-only';
import { env } from '../../platform/config/env';
import { getDb, type DbClient } from '../../platform/db';
import { requireDatabaseUrl } from '../../platform/db/database-url';
import { listenForNotifications, type NotificationListener } from '../../platform/db/notification-listener';
import { getMirrorVersion } from '../inbox/get-mirror-version';

/** The channel the mirror triggers notify (prisma/baseline-extras.sql). */
export const MIRROR_CHANNEL = 'countersign_mirror';
/** While the LISTEN connection is down, the version is polled this often instead. */
export const POLL_MS = 1_500;

type Listener = (version: string) => void;

export interface MirrorWatcher {
  subscribe(listener: Listener): () => void;
}

/**
 * One watcher per web process, shared by every open inbox stream. Committed changes to the
 * mirror arrive as NOTIFY on one dedicated connection, whichever web or worker process made
 * them, and each wakes every subscriber once. If that connection drops, the version is
 * polled until it is back, and a reconnect always ticks: what happened in the gap is shown.
 * It runs only while someone is subscribed.
 */
export interface MirrorWatcherDeps {
  databaseUrl: () => string;
  db: () => DbClient;
  /** Told when live notifications start or stop (tests; a log line otherwise). */
  onState?: (state: 'listening' | 'polling') => void;
}

export function createMirrorWatcher(deps: MirrorWatcherDeps): MirrorWatcher {
  const listeners = new Set<Listener>();
  let listener: NotificationListener | undefined;
  let pollTimer: ReturnType<typeof setInterval> | undefined;
  let lastVersion: string | undefined;
  let reading = false;
  let readAgain = false;

  const broadcast = (version: string) => {
    for (const each of listeners) each(version);
  };

  /** Reads the version and ticks; a burst of notifications costs one read at a time. */
  const refresh = async (force: boolean) => {
    if (reading) {
      readAgain = true;
      return;
    }
    reading = true;
    try {
      const version = await getMirrorVersion(deps.db());
      if (force || (lastVersion !== undefined && version !== lastVersion)) broadcast(version);
      lastVersion = version;
    } catch (error) {
      console.error('mirror watcher: reading the version failed', error);
    } finally {
      reading = false;
      if (readAgain) {
        readAgain = false;
        void refresh(true);
      }
    }
  };

  const stopPolling = () => {
    clearInterval(pollTimer);
    pollTimer = undefined;
  };

  const start = () => {
    listener = listenForNotifications(deps.databaseUrl(), MIRROR_CHANNEL, {
      onNotification: () => void refresh(true),
      onListening: () => {
        stopPolling();
        deps.onState?.('listening');
        // Every connect ticks, the first one too: a change committed after a page compared its
        // version but before this LISTEN took effect would otherwise never be shown.
        void refresh(true);
      },
      onLost: (error) => {
        console.warn(`mirror watcher: live connection lost (${error.message}); polling until it is back`);
        pollTimer ??= setInterval(() => void refresh(false), POLL_MS);
        deps.onState?.('polling');
      },
    });
  };

  const stop = () => {
    stopPolling();
    void listener?.close();
    listener = undefined;
  };

  return {
    subscribe(each) {
      listeners.add(each);
      if (!listener) start();
      return () => {
        listeners.delete(each);
        // The last known version is kept: a page opened later still sees what changed meanwhile.
        if (listeners.size === 0) stop();
      };
    },
  };
}

// Next's dev server re-evaluates modules; keep one watcher per process on globalThis.
const globalForWatcher = globalThis as unknown as { countersignMirrorWatcher?: MirrorWatcher };

/** Calls `listener` with the new version whenever the mirror changes; returns unsubscribe. */
export function subscribeToMirror(listener: Listener): () => void {
  globalForWatcher.countersignMirrorWatcher ??= createMirrorWatcher({ databaseUrl: () => requireDatabaseUrl(env()), db: () => getDb() });
  return globalForWatcher.countersignMirrorWatcher.subscribe(listener);
}
