import { authErrorResponse, isAuthError, requireApiActor } from '@/lib/web/auth';
import { mirrorEventStream } from '@/lib/read/live/mirror-event-stream';

/**
 * Live inbox: an SSE stream that ticks when the workflow mirror changes, so open pages
 * refresh themselves (components/live-refresh.tsx). Carries no data, only "look again".
 */
export async function GET(request: Request): Promise<Response> {
  try {
    await requireApiActor(request, 'agent');
  } catch (error) {
    if (isAuthError(error)) return authErrorResponse(error);
    throw error;
  }
  const since = new URL(request.url).searchParams.get('since')?.slice(0, 200) ?? undefined;
  return new Response(mirrorEventStream(request.signal, since), {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-store, no-transform',
      Connection: 'keep-alive',
      // nginx and similar proxies buffer responses unless told not to.
      'X-Accel-Buffering': 'no',
    },
  });
}
