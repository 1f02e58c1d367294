import type { Env } from '../../../platform/config/env';
import { systemResolver, zoneResolverFromFile } from '../../../platform/dns/resolver';
import { createSenderAuthChecker, type SenderAuthChecker } from './check-sender-auth';

let cached: SenderAuthChecker | undefined;

/** The checker this process's configuration asks for: DNS, or a zone file (SENDER_AUTH_ZONE_FILE). */
export function senderAuthFromEnv(config: Pick<Env, 'SENDER_AUTH_ZONE_FILE' | 'SENDER_AUTH_TIMEOUT_MS'>): SenderAuthChecker {
  cached ??= createSenderAuthChecker({
    resolver: config.SENDER_AUTH_ZONE_FILE ? zoneResolverFromFile(config.SENDER_AUTH_ZONE_FILE) : systemResolver(),
    timeoutMs: config.SENDER_AUTH_TIMEOUT_MS,
  });
  return cached;
}
