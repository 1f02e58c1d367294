import type { ScoreRecord } from '../llm/observer';
import { scoreIdFor } from './trace-ids';

/**
 * Scores are not OpenTelemetry spans: LangFuse takes them on its public REST API
 * (`POST /api/public/scores`, Basic auth with the project keys). Recording only queues; a
 * timer or flush() sends the queue, each request bounded by a timeout. A score that failed
 * for a passing reason (network, 429, 5xx) is retried on the next send, once; the queue is
 * capped so an outage cannot grow memory without bound. Nothing here throws.
 */

export interface ScoreQueueConfig {
  baseUrl: string;
  publicKey: string;
  secretKey: string;
  timeoutMs: number;
  environment?: string;
  /** Send when this many scores are queued, without waiting for the timer. */
  batchSize?: number;
  sendIntervalMs?: number;
  maxQueued?: number;
}

interface ScoreBody {
  id: string;
  traceId: string;
  name: string;
  value: number | string;
  dataType: 'NUMERIC' | 'CATEGORICAL';
  comment?: string;
  environment?: string;
}

interface Queued {
  body: ScoreBody;
  attempts: number;
}

const MAX_ATTEMPTS = 2;
const CONCURRENCY = 4;

export class ScoreQueue {
  private queue: Queued[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly url: string;
  private readonly authorization: string;

  constructor(private readonly config: ScoreQueueConfig) {
    this.url = `${config.baseUrl.replace(/\/+$/, '')}/api/public/scores`;
    this.authorization = `Basic ${Buffer.from(`${config.publicKey}:${config.secretKey}`).toString('base64')}`;
  }

  enqueue(score: ScoreRecord): void {
    const body: ScoreBody = {
      id: score.id ?? scoreIdFor(score.traceId, score.name),
      traceId: score.traceId,
      name: score.name,
      value: score.value,
      dataType: typeof score.value === 'string' ? 'CATEGORICAL' : 'NUMERIC',
      ...(score.comment === undefined ? {} : { comment: score.comment }),
      ...(this.config.environment === undefined ? {} : { environment: this.config.environment }),
    };
    this.queue.push({ body, attempts: 0 });
    const max = this.config.maxQueued ?? 1000;
    if (this.queue.length > max) this.queue.splice(0, this.queue.length - max);
    if (this.queue.length >= (this.config.batchSize ?? 20)) void this.send();
    else this.schedule();
  }

  /** Sends everything queued; resolves true when every score was accepted. */
  async send(): Promise<boolean> {
    this.clearTimer();
    const batch = this.queue.splice(0, this.queue.length);
    let allOk = true;
    for (let start = 0; start < batch.length; start += CONCURRENCY) {
      const chunk = batch.slice(start, start + CONCURRENCY);
      const results = await Promise.all(chunk.map((item) => this.post(item.body)));
      results.forEach((result, index) => {
        const item = chunk[index];
        if (result === 'ok' || !item) return;
        allOk = false;
        if (result === 'retry' && item.attempts + 1 < MAX_ATTEMPTS) this.queue.push({ ...item, attempts: item.attempts + 1 });
      });
    }
    if (this.queue.length > 0) this.schedule();
    return allOk;
  }

  close(): void {
    this.clearTimer();
  }

  private async post(body: ScoreBody): Promise<'ok' | 'retry' | 'drop'> {
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: { authorization: this.authorization, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
      await response.body?.cancel();
      if (response.ok) return 'ok';
      return response.status === 429 || response.status >= 500 ? 'retry' : 'drop';
    } catch {
      return 'retry';
    }
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.send();
    }, this.config.sendIntervalMs ?? 1000);
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
