import { readFileSync } from 'node:fs';
import type { Env } from '../config/env';

/** Where Temporal is: a local dev server by default, or a cluster / Temporal Cloud. */
export function temporalAddress(config: Env): string {
  return config.TEMPORAL_ADDRESS ?? `127.0.0.1:${config.TEMPORAL_DEV_PORT}`;
}

/** TLS and API key settings shared by the client (web) and the worker connection. */
export function temporalConnectionOptions(config: Env) {
  const useTls = config.TEMPORAL_TLS || config.TEMPORAL_API_KEY !== undefined;
  const clientCert =
    config.TEMPORAL_TLS_CERT_PATH && config.TEMPORAL_TLS_KEY_PATH
      ? { crt: readFileSync(config.TEMPORAL_TLS_CERT_PATH), key: readFileSync(config.TEMPORAL_TLS_KEY_PATH) }
      : undefined;
  return {
    address: temporalAddress(config),
    tls: useTls ? { clientCertPair: clientCert } : undefined,
    apiKey: config.TEMPORAL_API_KEY,
  };
}
