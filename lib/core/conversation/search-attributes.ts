import type { SearchAttributeType, SearchAttributeUpdatePair } from '@temporalio/common';
import type { SearchAttributeKey } from '@temporalio/common/lib/search-attributes';
import type { ConversationStatus } from './statuses';

// A plain key object (what the SDK's defineSearchAttributeKey returns): lib/core imports no
// Temporal runtime beyond the workflow package.
const key = <T extends SearchAttributeType>(name: string, type: T): SearchAttributeKey<T> => ({ name, type });

/**
 * The conversation workflow's search attributes: what an operator filters by in the Temporal
 * UI or `temporal workflow list --query`. The one list: `npm start` registers it on the dev
 * server, the test servers register it, the workflow upserts it and the README's cluster
 * commands name it (a test compares them).
 */
export const SEARCH_ATTRIBUTES = {
  status: key('CountersignStatus', 'KEYWORD'),
  category: key('CountersignCategory', 'KEYWORD'),
  priority: key('CountersignPriority', 'KEYWORD'),
  /** The address the conversation came in on (a company address, not a customer's). */
  mailbox: key('CountersignMailbox', 'KEYWORD'),
  /** The owner's user id (stable across renames, and no person's name in Temporal). */
  assignee: key('CountersignAssignee', 'KEYWORD'),
  /** The earliest reply deadline owed: the review SLA while a draft waits, or the response SLA. */
  slaDueAt: key('CountersignSlaDueAt', 'DATETIME'),
} as const;

export const SEARCH_ATTRIBUTE_KEYS: SearchAttributeKey<SearchAttributeType>[] = Object.values(SEARCH_ATTRIBUTES);

/** What the store knows of a conversation that the workflow does not: read at each status change. */
export interface ConversationSearchFacts {
  category: string | null;
  priority: string | null;
  mailbox: string | null;
  assigneeId: string | null;
  /** ISO time, or null when no reply is owed by a deadline. */
  slaDueAt: string | null;
}

/** The upsert for a status change: every attribute set, absent facts removed (null). */
export function searchAttributeUpdates(status: ConversationStatus, facts: ConversationSearchFacts): SearchAttributeUpdatePair[] {
  return [
    { key: SEARCH_ATTRIBUTES.status, value: status },
    { key: SEARCH_ATTRIBUTES.category, value: facts.category },
    { key: SEARCH_ATTRIBUTES.priority, value: facts.priority },
    { key: SEARCH_ATTRIBUTES.mailbox, value: facts.mailbox },
    { key: SEARCH_ATTRIBUTES.assignee, value: facts.assigneeId },
    { key: SEARCH_ATTRIBUTES.slaDueAt, value: facts.slaDueAt === null ? null : new Date(facts.slaDueAt) },
  ];
}

/** The type as the Temporal CLI spells it (`--search-attribute Name=Keyword`, `--type Datetime`). */
export const cliTypeOf = (type: SearchAttributeType): string => type.charAt(0) + type.slice(1).toLowerCase();
