import 'server-only';
import type { AgentTextKind } from '../../../core/decisions/agent-text';
import { getDb, type DbClient } from '../../../platform/db';

/**
 * Stores what an agent wrote before it is handed to the workflow: the Update then carries this
 * row's id, never the text (lib/core/decisions/agent-text.ts). A row nobody used is harmless
 * and goes with the conversation.
 */
export async function storeAgentText(input: { conversationId: string; kind: AgentTextKind; body: string }, db: DbClient = getDb()): Promise<string> {
  const row = await db.agentText.create({ data: input, select: { id: true } });
  return row.id;
}
