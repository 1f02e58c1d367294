import { randomUUID } from 'node:crypto';
import { apiHandler, badRequest } from '@/lib/web/api/api-handler';
import { decisionRequestSchema, idempotencyKeySchema } from '@/lib/web/api/decision-request';
import { OUTCOME_STATUS } from '@/lib/web/api/reply-request';
import { decideDraft } from '@/lib/features/conversations/decide-draft';

export const dynamic = 'force-dynamic';


/** POST /api/v1/conversations/{id}/decisions: approve (optionally edited), reject or revise a draft. */
export const POST = apiHandler('agent', async (request, actor, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const parsed = decisionRequestSchema.safeParse(await request.json().catch(() => undefined));
  if (!parsed.success) return badRequest(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; '));
  const key = request.headers.get('idempotency-key');
  const requestId = key === null ? randomUUID() : idempotencyKeySchema.safeParse(key).data;
  if (!requestId) return badRequest('Idempotency-Key must be 8-200 characters of letters, digits, ".", "_", ":" or "-"');
  const outcome = await decideDraft({ ...parsed.data, conversationId: id, requestId, actor: { id: actor.id, role: actor.role } });
  if (outcome.ok) return Response.json(outcome, { status: 200 });
  return Response.json({ error: outcome.code, message: outcome.message }, { status: OUTCOME_STATUS[outcome.code] });
});
