import 'server-only';
import { fetchMailCatcher, type CatcherResult, type MailCatcherOptions } from './fetch-mail-catcher';
import { outboxListSchema, outboxMessageSchema, type OutboxMessage, type OutboxSummary } from './mail-catcher-schemas';

export type { OutboxMessage, OutboxSummary } from './mail-catcher-schemas';
export type { CatcherResult } from './fetch-mail-catcher';

/** What the local mail catcher received, newest first (only when MAILCATCHER_URL is set). */
export async function listOutbox(options?: MailCatcherOptions): Promise<CatcherResult<OutboxSummary[]>> {
  const result = await fetchMailCatcher('/api/messages', outboxListSchema, options);
  return result.kind === 'ok' ? { kind: 'ok', value: result.value.messages } : result;
}

/** One caught message with its text, HTML and headers. */
export async function getOutboxMessage(id: string, options?: MailCatcherOptions): Promise<CatcherResult<OutboxMessage>> {
  // The catcher validates ids too; refusing odd ones here keeps the path a single segment.
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(id)) return { kind: 'not_found' };
  return fetchMailCatcher(`/api/messages/${id}`, outboxMessageSchema, options);
}
