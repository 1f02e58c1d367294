import { apiHandler } from '@/lib/web/api/api-handler';
import { getConversationDetailOrThrow } from '@/lib/read/conversation/get-conversation-detail';

export const dynamic = 'force-dynamic';

/** GET /api/v1/conversations/{id}: thread, classification, drafts, decisions, timeline, costs. */
export const GET = apiHandler('agent', async (_request, _actor, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  return Response.json(await getConversationDetailOrThrow(id));
});
