import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';
import { env } from '../../platform/config/env';
import { metricsText, registerScrapeGauge } from '../../platform/metrics/app-metrics';
import { countNeedsPerson } from '../../read/metrics/count-needs-person';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * The web node's Prometheus endpoint. A bearer token rather than "loopback only": behind a
 * reverse proxy every request comes from loopback, so the address proves nothing. No token
 * configured: the endpoint does not exist (404), so it is off by default.
 */
export async function metricsResponse(request: Request, token = env().METRICS_TOKEN): Promise<Response> {
  if (!token) return new Response('Not found', { status: 404 });
  const given = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1] ?? '';
  // Compare digests: equal lengths, and the time taken says nothing about the token.
  if (!timingSafeEqual(digest(given), digest(token))) {
    return new Response('Unauthorized', { status: 401, headers: { 'www-authenticate': 'Bearer' } });
  }
  registerScrapeGauge('countersign_conversations_needs_person', 'Conversations waiting in Needs a person (Claude could not produce a usable reply).', () => countNeedsPerson());
  const { contentType, body } = await metricsText();
  return new Response(body, { status: 200, headers: { 'content-type': contentType, 'cache-control': 'no-store' } });
}
