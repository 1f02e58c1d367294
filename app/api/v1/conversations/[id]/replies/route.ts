import { randomUUID } from 'node:crypto';
import { apiHandler, badRequest } from '@/lib/web/api/api-handler';
import { idempotencyKeySchema } from '@/lib/web/api/decision-request';
import { composeReplyRequestSchema, OUTCOME_STATUS } from '@/lib/web/api/reply-request';
import { sendAgentReply } from '@/lib/features/conversations/send-agent-reply';

export const dynamic = 'force-dynamic';

/**
 * POST /api/v1/conversations/{id}/replies: send a reply written by the caller, in any state
 * (no draft, after a reject, after Claude failed, or instead of the open draft). It goes out
 * once, through the conversation's workflow and its send ledger.
 */
export const POST = apiHandler('agent', async (request, actor, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const parsed = composeReplyRequestSchema.safeParse(await request.json().catch(() => undefined));
  if (!parsed.success) return badRequest(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; '));
  const key = request.headers.get('idempotency-key');
  const requestId = key === null ? randomUUID() : idempotencyKeySchema.safeParse(key).data;
  if (!requestId) return badRequest('Idempotency-Key must be 8-200 characters of letters, digits, ".", "_", ":" or "-"');
  const outcome = await sendAgentReply({ action: 'compose', conversationId: id, requestId, body: parsed.data.body, attachmentIds: parsed.data.attachmentIds, actor: { id: actor.id, role: actor.role } });
  if (outcome.ok) return Response.json(outcome, { status: 202 });
  return Response.json({ error: outcome.code, message: outcome.message }, { status: OUTCOME_STATUS[outcome.code] });
});
