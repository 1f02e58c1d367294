import { Client, Connection } from '@temporalio/client';
import { env } from '../config/env';
import { temporalConnectionOptions } from './connection-options';

// One lazily connected client per server process; a connection per request is the
// classic failure (sockets pile up, every request pays the handshake). Kept on globalThis:
// in the web process, Next's bundle and web/main.ts's own intake (lib/web/direct/) share it.
const globalForTemporal = globalThis as unknown as { countersignTemporal?: Promise<Client> };

/**
 * The process's client, for server code outside Next's bundle as well (web/main.ts's intake),
 * where the 'server-only' marker client.ts carries cannot load.
 */
export function getTemporalClient(): Promise<Client> {
  globalForTemporal.countersignTemporal ??= connect().catch((error: unknown) => {
    // Let the next caller retry instead of caching a failed connection forever.
    globalForTemporal.countersignTemporal = undefined;
    throw error;
  });
  return globalForTemporal.countersignTemporal;
}

async function connect(): Promise<Client> {
  const config = env();
  const connection = await Connection.connect({ ...temporalConnectionOptions(config), connectTimeout: '5s' });
  return new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
}
