/**
 * LangFuse's public REST API (scores, prompts, datasets, dataset runs, deletions): Basic auth with the
 * project keys, JSON both ways, each request bounded by a timeout. Used by the observer's
 * background queue, the prompt source, `npm run prompts:push` and `npm run eval`.
 */

export interface LangfuseApiConfig {
  baseUrl: string;
  publicKey: string;
  secretKey: string;
  timeoutMs: number;
}

export interface ApiResponse {
  status: number;
  ok: boolean;
  json: unknown;
}

export class LangfuseApiError extends Error {
  override name = 'LangfuseApiError';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export class LangfuseApi {
  private readonly base: string;
  private readonly authorization: string;

  constructor(private readonly config: LangfuseApiConfig) {
    this.base = config.baseUrl.replace(/\/+$/, '');
    this.authorization = `Basic ${Buffer.from(`${config.publicKey}:${config.secretKey}`).toString('base64')}`;
  }

  /** Throws only when LangFuse cannot be reached (network, timeout); any HTTP status is returned. */
  async request(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<ApiResponse> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: { authorization: this.authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(this.config.timeoutMs),
    });
    const text = await response.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return { status: response.status, ok: response.ok, json };
  }

  /** Like request, but a status outside 2xx throws, with LangFuse's own message. */
  async expectOk(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<unknown> {
    const response = await this.request(method, path, body);
    if (!response.ok) {
      const detail = typeof response.json === 'string' ? response.json : JSON.stringify(response.json);
      throw new LangfuseApiError(`LangFuse ${method} ${path} answered ${response.status}: ${detail.slice(0, 300)}`, response.status);
    }
    return response.json;
  }
}
