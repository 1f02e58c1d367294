import { getDb, type DbClient } from '../../platform/db';
import type { LayerVerdict } from '../../core/policy/send-decision';

/** A send decision stored by decideSendStored, read back by its id (the only thing the workflow held). */
export async function getStoredDecision(input: { conversationId: string; decisionId: string }, db: DbClient = getDb()) {
  const row = await db.sendDecisionRecord.findFirstOrThrow({ where: { id: input.decisionId, conversationId: input.conversationId } });
  return {
    reasons: row.reasons,
    shadow: row.shadow as { wouldAutoSend: boolean; reasons: string[] },
    layers: row.layers as unknown as LayerVerdict[],
  };
}
