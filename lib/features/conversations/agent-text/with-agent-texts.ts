import { AGENT_TEXT_FIELDS, type AgentTextRefs } from '../../../core/decisions/agent-text';
import { NotFoundError } from '../../../core/errors';
import { getDb, type DbClient } from '../../../platform/db';

type Texts = { editedBody?: string; reason?: string; instructions?: string; body?: string };

/**
 * The input of an activity with every agent-text id replaced by the text it names, read from
 * the store (the workflow carried the id only). A text of another conversation or kind is
 * refused: an id is not a capability to read someone else's words.
 */
export async function withAgentTexts<T extends AgentTextRefs & Texts & { conversationId: string }>(input: T, db: DbClient = getDb()): Promise<T> {
  const resolved: T = { ...input };
  for (const [idField, { field, kind }] of Object.entries(AGENT_TEXT_FIELDS) as [keyof AgentTextRefs, (typeof AGENT_TEXT_FIELDS)[keyof AgentTextRefs]][]) {
    const id = input[idField];
    if (id === undefined) continue;
    const row = await db.agentText.findUnique({ where: { id }, select: { conversationId: true, kind: true, body: true } });
    if (!row || row.conversationId !== input.conversationId || row.kind !== kind) {
      throw new NotFoundError(`${kind} text`, id);
    }
    (resolved as Texts)[field] = row.body;
  }
  return resolved;
}
