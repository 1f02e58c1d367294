import type { Env } from '../../platform/config/env';
import { LangfuseApi } from '../../platform/observability/langfuse-api';
import { LangfusePromptClient } from '../../platform/observability/langfuse-prompts';
import { codePromptSource, langfusePromptSource, type PromptSource } from './prompt-source';

/** LangFuse's prompts when both keys are set (cached, code as fallback); the code's otherwise. */
export function createPromptSource(env: Env, log?: (message: string) => void): PromptSource {
  if (!env.LANGFUSE_PUBLIC_KEY || !env.LANGFUSE_SECRET_KEY) return codePromptSource;
  // A prompt fetch sits in front of a model call: short, and only when nothing is cached.
  const api = new LangfuseApi({ baseUrl: env.LANGFUSE_BASE_URL, publicKey: env.LANGFUSE_PUBLIC_KEY, secretKey: env.LANGFUSE_SECRET_KEY, timeoutMs: 3_000 });
  const client = new LangfusePromptClient(api, { ttlSeconds: env.LANGFUSE_PROMPT_CACHE_SECONDS, log });
  return langfusePromptSource(client, { label: env.LANGFUSE_PROMPT_LABEL, log });
}
