import * as wf from '@temporalio/workflow';
import { assigneeChangedSignal } from '../../../lib/core/contract';
import { SEARCH_ATTRIBUTES, searchAttributeUpdates, type ConversationSearchFacts } from '../../../lib/core/conversation/search-attributes';
import type { ConversationMemory } from '../conversation-state';
import type { Patches } from './patches';

/**
 * Keeps the conversation's search attributes current (lib/core/conversation/search-attributes.ts),
 * so an operator finds it in the Temporal UI by status, category, priority, mailbox, owner or
 * deadline. Upserts are commands: only runs with the search-attributes patch make them.
 *
 * Each status change asks the store for what it indexes (the mirror write returns it); the
 * owner changes outside the workflow, so the assignment tells it by assigneeChangedSignal;
 * lifecycle changes (close, snooze...) write their own status and upsert just that.
 */
export function registerSearchAttributes(memory: ConversationMemory, patches: Patches): void {
  memory.searchAttributes = patches.searchAttributes;
  wf.setHandler(assigneeChangedSignal, ({ assigneeId }) => {
    if (memory.searchAttributes) wf.upsertSearchAttributes([{ key: SEARCH_ATTRIBUTES.assignee, value: assigneeId }]);
  });
}

/** Extra input for the mirror write: runs with the patch ask it for the facts they index. */
export const searchFactsWanted = (memory: ConversationMemory): { searchFacts?: true } => (memory.searchAttributes ? { searchFacts: true } : {});

/** After a status change's mirror write: everything indexed, from the memory and the store. */
export function upsertSearchFacts(memory: ConversationMemory, facts: ConversationSearchFacts | undefined | void): void {
  if (memory.searchAttributes && facts) wf.upsertSearchAttributes(searchAttributeUpdates(memory.status, facts));
}

/** After a lifecycle change people made: the status alone (nothing else changed). */
export function upsertStatus(memory: ConversationMemory): void {
  if (memory.searchAttributes) wf.upsertSearchAttributes([{ key: SEARCH_ATTRIBUTES.status, value: memory.status }]);
}
