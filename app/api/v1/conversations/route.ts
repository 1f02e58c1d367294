import { apiHandler } from '@/lib/web/api/api-handler';
import { listInbox } from '@/lib/read/inbox/list-inbox';
import { parseInboxParams } from '@/lib/core/conversation/inbox-params';

export const dynamic = 'force-dynamic';

/** GET /api/v1/conversations?queue=&sort=&category=&status=&q=&cursor= — one keyset page (queue=mine: the caller's). */
export const GET = apiHandler('agent', async (request, actor) => {
  const params = parseInboxParams(Object.fromEntries(new URL(request.url).searchParams));
  const page = await listInbox({ ...params, mailboxId: params.mailbox, search: params.q, viewerId: actor.id });
  return Response.json(page);
});
