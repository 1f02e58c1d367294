import { isHealthy } from '@/lib/platform/health/check-health';
import { checkSystemHealth } from '@/lib/platform/health/system-health';

// Public on purpose: load balancers, uptime checks and `npm start` probe it without a session.
export const dynamic = 'force-dynamic';

/**
 * 200 while this node reaches the database and Temporal; 503 otherwise. Workers are reported
 * (`worker.ok`, `pollers`) but only fail the check with `?require=worker`: point a load
 * balancer at /api/health and an uptime monitor at /api/health?require=worker (add
 * &require=mailboxes to page on a mailbox that cannot be read).
 */
export async function GET(request: Request): Promise<Response> {
  const required = new URL(request.url).searchParams.getAll('require');
  const report = await checkSystemHealth();
  return Response.json(report, {
    status: isHealthy(report, { requireWorker: required.includes('worker'), requireMailboxes: required.includes('mailboxes') }) ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
}
