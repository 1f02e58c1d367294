import { checkSystemHealth } from '@/lib/platform/health/system-health';

// Public on purpose: load balancers and `npm start` probe it without a session.
export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const report = await checkSystemHealth();
  return Response.json(report, {
    status: report.status === 'ok' ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
}
