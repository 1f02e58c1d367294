import { z } from 'zod';
import { QUEUE_KEYS, type QueueKey } from './queues';
import { CONVERSATION_STATUSES, type ConversationStatus } from './statuses';

/**
 * The inbox's URL state (queue tab, order, filters, search, page cursor). The page parses
 * it; the conversation page receives the same params so j/k follow the inbox order.
 * Invalid values fall back to defaults instead of failing: URLs get hand-edited.
 */
export const INBOX_SORTS = [
  { key: 'sla', label: 'SLA due' },
  { key: 'priority', label: 'Priority' },
  { key: 'newest', label: 'Newest' },
  { key: 'oldest', label: 'Oldest' },
] as const;
export type InboxSort = (typeof INBOX_SORTS)[number]['key'];
const SORT_KEYS = INBOX_SORTS.map((sort) => sort.key) as [InboxSort, ...InboxSort[]];

export const INBOX_PAGE_SIZE = 50;

/** Review queues are worked in deadline order; archives read newest first. */
export function defaultSortFor(queue: QueueKey): InboxSort {
  return queue === 'needs_approval' || queue === 'escalated' || queue === 'on_hold' ? 'sla' : 'newest';
}

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .catch(undefined)
    .transform((value) => (value ? value : undefined));

export const inboxParamsSchema = z.object({
  queue: z.enum(QUEUE_KEYS).catch('needs_approval'),
  sort: z.enum(SORT_KEYS).optional().catch(undefined),
  category: optionalText(60),
  mailbox: optionalText(100),
  status: z.enum(CONVERSATION_STATUSES).optional().catch(undefined),
  tag: optionalText(60),
  q: optionalText(200),
  cursor: optionalText(600),
});

export interface InboxParams {
  queue: QueueKey;
  sort: InboxSort;
  category?: string;
  /** A mailbox id: only conversations that came in on it. */
  mailbox?: string;
  status?: ConversationStatus;
  /** A tag people set (lib/core/conversation/tags.ts). */
  tag?: string;
  q?: string;
  cursor?: string;
}

type SearchParamsRecord = Record<string, string | string[] | undefined>;

export function parseInboxParams(searchParams: SearchParamsRecord): InboxParams {
  const first = (key: string) => {
    const value = searchParams[key];
    return Array.isArray(value) ? value[0] : value;
  };
  const parsed = inboxParamsSchema.parse({
    queue: first('queue') ?? 'needs_approval',
    sort: first('sort'),
    category: first('category'),
    mailbox: first('mailbox'),
    status: first('status'),
    tag: first('tag'),
    q: first('q'),
    cursor: first('cursor'),
  });
  return { ...parsed, sort: parsed.sort ?? defaultSortFor(parsed.queue) };
}

/** Query string for inbox params, leaving defaults out so URLs stay short. */
export function inboxQueryString(params: InboxParams, overrides: Partial<InboxParams> = {}): string {
  const merged = { ...params, ...overrides };
  const query = new URLSearchParams();
  if (merged.queue !== 'needs_approval') query.set('queue', merged.queue);
  if (merged.sort !== defaultSortFor(merged.queue)) query.set('sort', merged.sort);
  if (merged.category) query.set('category', merged.category);
  if (merged.mailbox) query.set('mailbox', merged.mailbox);
  if (merged.status) query.set('status', merged.status);
  if (merged.tag) query.set('tag', merged.tag);
  if (merged.q) query.set('q', merged.q);
  if (merged.cursor) query.set('cursor', merged.cursor);
  const text = query.toString();
  return text ? `?${text}` : '';
}
