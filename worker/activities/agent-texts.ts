import { ApplicationFailure } from '@temporalio/activity';
import { isNotFoundError } from '../../lib/core/errors';
import { withAgentTexts } from '../../lib/features/conversations/agent-text/with-agent-texts';
import type { DbClient } from '../../lib/platform/db';

/**
 * `withAgentTexts` for an activity: a text id that names no text of this conversation fails
 * for good (retrying cannot make it appear), so the Update that carried it fails and the agent
 * is told; the message names the id, never any text.
 */
export async function agentTexts<T extends Parameters<typeof withAgentTexts>[0]>(input: T, db: DbClient): Promise<T> {
  try {
    return await withAgentTexts(input, db);
  } catch (error) {
    if (isNotFoundError(error)) throw ApplicationFailure.nonRetryable(error.message, 'AgentTextNotFound');
    throw error;
  }
}
