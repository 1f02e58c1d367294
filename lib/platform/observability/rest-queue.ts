import type { LangfuseApi } from './langfuse-api';

/**
 * What the observer sends over LangFuse's REST API (scores, dataset items) rather than as
 * spans. Recording only queues; a timer or flush() sends the queue. A job is a few requests
 * sent in order (a dataset item needs its dataset first); every one upserts on an id, so a
 * job that failed for a passing reason (network, 429, 5xx) is sent again on the next send,
 * once. The queue is capped so an outage cannot grow memory without bound. Nothing throws.
 */

export interface RestRequest {
  path: string;
  body: unknown;
}

export interface RestQueueConfig {
  /** Send when this many jobs are queued, without waiting for the timer. */
  batchSize?: number;
  sendIntervalMs?: number;
  maxQueued?: number;
}

interface Queued {
  requests: RestRequest[];
  attempts: number;
}

const MAX_ATTEMPTS = 2;
const CONCURRENCY = 4;

export class RestQueue {
  private queue: Queued[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly api: LangfuseApi,
    private readonly config: RestQueueConfig = {},
  ) {}

  enqueue(...requests: RestRequest[]): void {
    this.queue.push({ requests, attempts: 0 });
    const max = this.config.maxQueued ?? 1000;
    if (this.queue.length > max) this.queue.splice(0, this.queue.length - max);
    if (this.queue.length >= (this.config.batchSize ?? 20)) void this.send();
    else this.schedule();
  }

  /** Sends everything queued; resolves true when every request was accepted. */
  async send(): Promise<boolean> {
    this.clearTimer();
    const batch = this.queue.splice(0, this.queue.length);
    let allOk = true;
    for (let start = 0; start < batch.length; start += CONCURRENCY) {
      const chunk = batch.slice(start, start + CONCURRENCY);
      const results = await Promise.all(chunk.map((job) => this.run(job.requests)));
      results.forEach((result, index) => {
        const job = chunk[index];
        if (result === 'ok' || !job) return;
        allOk = false;
        if (result === 'retry' && job.attempts + 1 < MAX_ATTEMPTS) this.queue.push({ ...job, attempts: job.attempts + 1 });
      });
    }
    if (this.queue.length > 0) this.schedule();
    return allOk;
  }

  close(): void {
    this.clearTimer();
  }

  private async run(requests: RestRequest[]): Promise<'ok' | 'retry' | 'drop'> {
    for (const request of requests) {
      const result = await this.post(request);
      if (result !== 'ok') return result;
    }
    return 'ok';
  }

  private async post(request: RestRequest): Promise<'ok' | 'retry' | 'drop'> {
    try {
      const response = await this.api.request('POST', request.path, request.body);
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
