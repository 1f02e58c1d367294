import pg from 'pg';

export interface NotificationHandlers {
  onNotification: () => void;
  /** Connected and listening; `reconnected` after a dropped connection came back. */
  onListening: (reconnected: boolean) => void;
  /** The connection dropped; notifications sent until onListening are lost. */
  onLost: (error: Error) => void;
}

export interface NotificationListener {
  close(): Promise<void>;
}

const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 10_000;

/**
 * LISTEN on one channel over a dedicated connection (a pooled one would be handed to
 * queries), reconnecting with backoff when the server restarts or a proxy cuts it.
 * Notifications only reach a live session: callers learn of gaps through onLost.
 */
export function listenForNotifications(databaseUrl: string, channel: string, handlers: NotificationHandlers): NotificationListener {
  let closed = false;
  let client: pg.Client | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let delay = RETRY_MIN_MS;
  let everListened = false;

  const scheduleRetry = (error: Error) => {
    if (closed || retryTimer) return;
    handlers.onLost(error);
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect();
    }, delay);
    delay = Math.min(delay * 2, RETRY_MAX_MS);
  };

  const connect = async () => {
    const next = new pg.Client({ connectionString: databaseUrl, application_name: 'countersign-live', connectionTimeoutMillis: 10_000, keepAlive: true });
    client = next;
    // Errors after connecting (server gone, terminated backend) arrive here and as 'end';
    // a connection already replaced by a newer one is not mourned twice.
    next.on('error', (error) => client === next && scheduleRetry(error));
    next.on('end', () => client === next && scheduleRetry(new Error('connection ended')));
    next.on('notification', (message) => {
      if (message.channel === channel) handlers.onNotification();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${next.escapeIdentifier(channel)}`);
      if (closed) return void (await next.end().catch(() => undefined));
      delay = RETRY_MIN_MS;
      handlers.onListening(everListened);
      everListened = true;
    } catch (error) {
      await next.end().catch(() => undefined);
      scheduleRetry(error as Error);
    }
  };

  void connect();
  return {
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      await client?.end().catch(() => undefined);
    },
  };
}
