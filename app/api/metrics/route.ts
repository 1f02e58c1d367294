import { metricsResponse } from '@/lib/web/metrics/metrics-response';

// Not a session route: Prometheus authenticates with METRICS_TOKEN (docs/metrics.md).
export const dynamic = 'force-dynamic';

export function GET(request: Request): Promise<Response> {
  return metricsResponse(request);
}
