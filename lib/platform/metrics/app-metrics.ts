import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The application's Prometheus metrics, one registry per process (the web node and the worker
 * each expose their own; Prometheus sums across them). Labels are closed vocabularies (channel,
 * route, model, stage): never an address, a subject or an id, so a scrape holds no personal data
 * and the series count stays small.
 */
export interface AppMetrics {
  registry: Registry;
  emailsReceived: Counter<'channel'>;
  repliesSent: Counter<'route'>;
  modelCallSeconds: Histogram<'model' | 'stage' | 'outcome'>;
  modelCostUsd: Counter<'model' | 'stage'>;
}

function createAppMetrics(): AppMetrics {
  const registry = new Registry();
  return {
    registry,
    emailsReceived: new Counter({
      name: 'countersign_emails_received_total',
      help: 'Customer emails stored by intake (duplicates not counted), by channel.',
      labelNames: ['channel'],
      registers: [registry],
    }),
    repliesSent: new Counter({
      name: 'countersign_replies_sent_total',
      help: 'Replies handed to SMTP, by route: auto (sent by the gate after its hold) or reviewed (a person approved, edited or wrote it).',
      labelNames: ['route'],
      registers: [registry],
    }),
    modelCallSeconds: new Histogram({
      name: 'countersign_model_call_duration_seconds',
      help: 'Wall time of each Claude call attempt, by model, stage (classify, draft, verify...) and outcome (ok, error).',
      labelNames: ['model', 'stage', 'outcome'],
      buckets: [0.25, 0.5, 1, 2, 4, 8, 15, 30, 60, 120],
      registers: [registry],
    }),
    modelCostUsd: new Counter({
      name: 'countersign_model_cost_usd_total',
      help: 'Spend on Claude in USD (from the price table), by model and stage.',
      labelNames: ['model', 'stage'],
      registers: [registry],
    }),
  };
}

// Next may evaluate a module once per bundle; the registry must still be one per process.
const slot = globalThis as typeof globalThis & { countersignMetrics?: AppMetrics };

/** This process's metrics. */
export function appMetrics(): AppMetrics {
  slot.countersignMetrics ??= createAppMetrics();
  return slot.countersignMetrics;
}

/**
 * A gauge read from somewhere else at scrape time (the database's Needs-a-person count): it is
 * a fact about the system, not about this process, so only the process that registers it (the
 * web node) reports it.
 */
export function registerScrapeGauge(name: string, help: string, read: () => Promise<number>): void {
  const { registry } = appMetrics();
  if (registry.getSingleMetric(name)) return;
  new Gauge({
    name,
    help,
    registers: [registry],
    async collect() {
      try {
        this.set(await read());
      } catch {
        // NaN is Prometheus's "unknown": an alert on the value does not fire on a failed read.
        this.set(Number.NaN);
      }
    },
  });
}

/** The text Prometheus scrapes. */
export async function metricsText(): Promise<{ contentType: string; body: string }> {
  const { registry } = appMetrics();
  return { contentType: registry.contentType, body: await registry.metrics() };
}
