import { z } from 'zod';
import { authErrorResponse, isAuthError, requireApiActor } from '@/lib/web/auth';
import { recordPresence } from '@/lib/features/presence/record-presence';
import { PRESENCE_STATES } from '@/lib/core/team/presence';
import { isNotFoundError } from '@/lib/core/errors';

const beatSchema = z.object({
  tabId: z.string().min(8).max(64),
  state: z.enum([...PRESENCE_STATES, 'gone']),
});

/**
 * A tab's heartbeat on a conversation (viewing or writing), or its goodbye (`gone`, sent as a
 * beacon when the page is hidden for good). Plain text bodies are accepted too: that is what
 * navigator.sendBeacon sends.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  let userId: string;
  try {
    userId = (await requireApiActor(request, 'agent')).id;
  } catch (error) {
    if (isAuthError(error)) return authErrorResponse(error);
    throw error;
  }
  const { id } = await params;
  let body: unknown;
  try {
    body = JSON.parse((await request.text()).slice(0, 1_000));
  } catch {
    return Response.json({ error: 'The body must be JSON.' }, { status: 400 });
  }
  const beat = beatSchema.safeParse(body);
  if (!beat.success || id.length > 100) return Response.json({ error: 'Expected { tabId, state }.' }, { status: 400 });
  try {
    await recordPresence({ conversationId: id, userId, tabId: beat.data.tabId, state: beat.data.state });
  } catch (error) {
    if (isNotFoundError(error)) return Response.json({ error: 'not_found' }, { status: 404 });
    throw error;
  }
  return new Response(null, { status: 204 });
}
