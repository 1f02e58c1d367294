import Anthropic from '@anthropic-ai/sdk';

export interface ClaudeClientOptions {
  apiKey: string;
  baseURL?: string;
  timeoutMs: number;
}

/**
 * The real Anthropic SDK, pointed at the API or at the offline simulator. Retries are
 * Temporal's job (activity retry policies), so the SDK must not retry behind its back:
 * a hidden retry would be an unrecorded, unpriced call.
 */
export function createClaudeClient(options: ClaudeClientOptions): Anthropic {
  return new Anthropic({
    apiKey: options.apiKey,
    baseURL: options.baseURL,
    timeout: options.timeoutMs,
    maxRetries: 0,
  });
}
