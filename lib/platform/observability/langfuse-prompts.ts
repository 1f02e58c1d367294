import type { LangfuseApi } from './langfuse-api';

/**
 * Prompts read from LangFuse (`GET /api/public/v2/prompts/{name}?label=…` or `?version=…`)
 * behind a short in-memory cache, as LangFuse's own client does: a fresh entry is used as it
 * is; an expired one is still returned at once while one background fetch refreshes it; only
 * a name never fetched waits for LangFuse, bounded by the API timeout. A prompt LangFuse does
 * not have, or a failed fetch, is remembered as "none" for the same time, so an outage costs
 * one bounded wait per prompt and TTL, not one per model call. Never throws.
 */

export interface FetchedPrompt {
  name: string;
  version: number;
  type: string;
  prompt: unknown;
  labels: string[];
}

export type PromptSelector = { label: string } | { version: number };

interface Entry {
  value: FetchedPrompt | null;
  expiresAt: number;
  refreshing?: Promise<void>;
}

export class LangfusePromptClient {
  private readonly cache = new Map<string, Entry>();

  constructor(
    private readonly api: LangfuseApi,
    private readonly options: { ttlSeconds: number; now?: () => number; log?: (message: string) => void },
  ) {}

  async get(name: string, selector: PromptSelector): Promise<FetchedPrompt | null> {
    const key = 'label' in selector ? `${name}|label:${selector.label}` : `${name}|version:${selector.version}`;
    const entry = this.cache.get(key);
    if (entry && entry.expiresAt > this.now()) return entry.value;
    if (entry) {
      entry.refreshing ??= this.fetchInto(key, name, selector).finally(() => {
        entry.refreshing = undefined;
      });
      return entry.value;
    }
    await this.fetchInto(key, name, selector);
    return this.cache.get(key)?.value ?? null;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private async fetchInto(key: string, name: string, selector: PromptSelector): Promise<void> {
    const query = 'label' in selector ? `label=${encodeURIComponent(selector.label)}` : `version=${selector.version}`;
    let value: FetchedPrompt | null = null;
    try {
      const response = await this.api.request('GET', `/api/public/v2/prompts/${encodeURIComponent(name)}?${query}`);
      if (response.ok) value = parsePrompt(response.json);
      else if (response.status !== 404) this.options.log?.(`[prompts] LangFuse answered ${response.status} for prompt ${name}; using the code's version.`);
    } catch (error) {
      this.options.log?.(`[prompts] could not fetch prompt ${name} from LangFuse (${(error as Error).message}); using the code's version.`);
      // Keep serving what we had rather than dropping to the code's version on a blip.
      const previous = this.cache.get(key)?.value;
      if (previous) value = previous;
    }
    this.cache.set(key, { value, expiresAt: this.now() + this.options.ttlSeconds * 1000 });
  }
}

function parsePrompt(json: unknown): FetchedPrompt | null {
  const body = json as Partial<FetchedPrompt> | null;
  if (!body || typeof body.name !== 'string' || typeof body.version !== 'number' || typeof body.type !== 'string') return null;
  return { name: body.name, version: body.version, type: body.type, prompt: body.prompt, labels: Array.isArray(body.labels) ? body.labels : [] };
}
