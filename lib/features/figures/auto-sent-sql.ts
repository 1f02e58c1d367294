import { Prisma } from '../../platform/db/generated/client';

/**
 * The one definition of an automatic reply, for every figure on the overview and in the daily
 * digest (the worker computes that one, hence not under lib/read): a send (aliased
 * `s`) whose draft version the policy itself sent, i.e. the workflow recorded its `auto_send`
 * decision when the hold ran out. Count them with `COUNT(*) FILTER (WHERE ${AUTO_SENT})`.
 *
 * Said positively on purpose: "no agent approved it" also counted an agent's own reply
 * (`manual_reply`), a resend and any decision kind added later as automation. An agent
 * approving after cancelling a hold is a human send (no `auto_send` decision is written).
 * The same decision puts the conversation in the "Sent automatically" queue, so the two agree.
 * Looked up through Decision's (conversationId, …) index, one probe per send.
 */
export const AUTO_SENT = Prisma.sql`(EXISTS (
  SELECT 1 FROM "Decision" d
  WHERE d."conversationId" = s."conversationId" AND d."draftVersion" = s."draftVersion"
    AND d."actorType" = 'system' AND d."kind" = 'auto_send'))`;
