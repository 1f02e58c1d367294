import { env } from '../config/env';
import type { LlmObserver } from '../llm/observer';
import { createLlmObserver, llmObserverConfigFromEnv } from './create-llm-observer';

// One observer per process, like the database client; Next's dev server re-evaluates modules.
const globalForObserver = globalThis as unknown as { countersignObserver?: LlmObserver };

/**
 * This process's LangFuse observer (the no-op one when LangFuse is not configured), for what
 * the web app reports itself: agents' reviews of automatic replies. The worker builds its own.
 */
export function getObserver(): LlmObserver {
  globalForObserver.countersignObserver ??= createLlmObserver(llmObserverConfigFromEnv(env(), 'countersign-web'));
  return globalForObserver.countersignObserver;
}
