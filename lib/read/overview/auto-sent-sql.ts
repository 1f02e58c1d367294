import 'server-only';
import { Prisma } from '../../platform/db/generated/client';

/**
 * True when a send (aliased `s`) went out without an agent approving its draft version,
 * i.e. the policy sent it; count them with `COUNT(*) FILTER (WHERE ${AUTO_SENT})`. An agent
 * approving after cancelling a hold is a human send. Looked up through Decision's
 * (conversationId, …) index, one probe per send.
 */
export const AUTO_SENT = Prisma.sql`(NOT EXISTS (
  SELECT 1 FROM "Decision" d
  WHERE d."conversationId" = s."conversationId" AND d."draftVersion" = s."draftVersion"
    AND d."actorType" = 'agent' AND d."kind" IN ('approve', 'edit_approve')))`;
