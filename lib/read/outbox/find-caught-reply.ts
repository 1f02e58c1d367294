import 'server-only';
import { fetchMailCatcher, type CatcherResult, type MailCatcherOptions } from './fetch-mail-catcher';
import { outboxListSchema, type OutboxSummary } from './mail-catcher-schemas';

/**
 * Whether the outbox (the local mail catcher) holds a reply with this Message-ID: what an agent
 * checks before resending an uncertain send. With a real relay there is no outbox to read
 * (`disabled`): the agent checks the relay's logs for the Message-ID instead.
 */
export async function findCaughtReply(messageIdHeader: string, options?: MailCatcherOptions): Promise<CatcherResult<OutboxSummary | null>> {
  const result = await fetchMailCatcher('/api/messages', outboxListSchema, options);
  if (result.kind !== 'ok') return result;
  return { kind: 'ok', value: result.value.messages.find((message) => message.messageId === messageIdHeader) ?? null };
}
