import type { Env } from '../config/env';
import { noopObserver, type LlmObserver } from '../llm/observer';
import { withPriceOverrides } from '../llm/price-table';
import { LangfuseObserver, type LangfuseObserverConfig } from './langfuse-observer';
import { packageVersion, resolveRelease } from './release';

/**
 * The observer a process uses: LangFuse when both project keys are configured, otherwise the
 * no-op observer (tracing off, nothing else changes). Create one per process and shut it down
 * on exit.
 */

export type LlmObserverConfig = Omit<LangfuseObserverConfig, 'publicKey' | 'secretKey'> & {
  publicKey?: string;
  secretKey?: string;
};

export function createLlmObserver(config: LlmObserverConfig): LlmObserver {
  const { publicKey, secretKey } = config;
  if (!publicKey || !secretKey) return noopObserver;
  if (!config.customerKeySecret) {
    (config.log ?? console.warn)('[observability] LANGFUSE_CUSTOMER_KEY_SECRET is not set: traces carry no customer id.');
  }
  return new LangfuseObserver({ ...config, publicKey, secretKey });
}

// Every entry (npm start, npm run web, npm run worker) runs from the project root; a path
// derived from import.meta.url would not survive the web app's bundler.
const PROJECT_ROOT = process.cwd();

/** Maps the validated environment to observer settings; secrets listed here are redacted. */
export function llmObserverConfigFromEnv(env: Env, serviceName = 'countersign-worker'): LlmObserverConfig {
  return {
    publicKey: env.LANGFUSE_PUBLIC_KEY,
    secretKey: env.LANGFUSE_SECRET_KEY,
    baseUrl: env.LANGFUSE_BASE_URL,
    maskPii: env.LANGFUSE_MASK_PII,
    maskPatterns: env.LANGFUSE_MASK_PATTERNS,
    customerKeySecret: env.LANGFUSE_CUSTOMER_KEY_SECRET,
    customerDomain: env.LANGFUSE_CUSTOMER_DOMAIN,
    serviceName,
    serviceVersion: packageVersion(PROJECT_ROOT),
    release: resolveRelease({ release: env.RELEASE, root: PROJECT_ROOT }),
    environment: env.NODE_ENV,
    priceTable: withPriceOverrides(env.CLAUDE_PRICES_JSON),
    secrets: [env.ANTHROPIC_API_KEY, env.TEMPORAL_API_KEY, env.INBOUND_SECRET],
  };
}
