import { loadConversationSetup as load, type ConversationSetup } from '../../lib/features/conversations/conversation-setup';
import type { ActivityDeps } from './deps';

export interface LoadConversationSetupInput {
  conversationId: string;
}

/** The policy, roster and last draft version a run starts from (runs that intake started bare). */
export function createLoadConversationSetup(deps: ActivityDeps) {
  return async function loadConversationSetup(input: LoadConversationSetupInput): Promise<ConversationSetup> {
    return load(input.conversationId, deps.db);
  };
}
