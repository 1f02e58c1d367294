import { apiHandler, badRequest } from '@/lib/web/api/api-handler';
import { ErasureError, erasureRequestSchema, listErasures, requestErasure } from '@/lib/features/erasure/request-erasure';

export const dynamic = 'force-dynamic';

/** POST /api/v1/erasures {address, confirmAddress}: starts a customer's erasure (admins); 202 with its id. */
export const POST = apiHandler('admin', async (request, actor) => {
  const parsed = erasureRequestSchema.safeParse(await request.json().catch(() => undefined));
  if (!parsed.success) return badRequest(parsed.error.issues.map((issue) => issue.message).join('; '));
  try {
    return Response.json(await requestErasure({ id: actor.id, role: actor.role }, parsed.data), { status: 202 });
  } catch (error) {
    if (error instanceof ErasureError) return Response.json({ error: 'erasure_failed', message: error.message }, { status: 503 });
    throw error;
  }
});

/** GET /api/v1/erasures: recent requests, their status and counts (no addresses). */
export const GET = apiHandler('admin', async () => Response.json({ erasures: await listErasures() }));
